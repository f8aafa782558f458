// The mentoring folder's data, as the YAML files hold it. Dates are 'YYYY-MM-DD' strings:
// YAML 1.2's core schema keeps them as strings, and the schemas check they are real dates.
// Types only, and browser-safe: the protocol derives the webview's view types from them.
import type {
  CHANNELS,
  DRIVERS,
  FEEDBACK_KINDS,
  FEEDBACK_STATUSES,
  GOAL_STATUSES,
  INITIATED_BY,
  PLAN_STATUSES,
  ROLES,
} from '../../shared/vocabulary';

export type Handle = string;
export type IsoDate = string;

export type Role = (typeof ROLES)[number];
export type InitiatedBy = (typeof INITIATED_BY)[number];
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export type Driver = (typeof DRIVERS)[number];
export type Channel = (typeof CHANNELS)[number];
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export interface Program {
  name: string;
  coordinators?: Handle[];
  defaults?: { cadence_days?: number; session_minutes?: number; channel?: Channel };
  /** Read by core/program/matchRules.ts, checked there. */
  matching?: unknown;
  /** Read by core/app/programReport.ts and the policy, checked there. */
  overview?: unknown;
  [unknown: string]: unknown;
}

export interface Person {
  handle: Handle;
  name: string;
  emails?: string[];
  roles?: Role[];
  skills_offered?: string[];
  goals_sought?: string[];
  values?: string[];
  /** Matching: skills offered and wanted (taxonomy terms); `skills_offered`/`goals_sought` are their older names. */
  offers?: string[];
  wants?: string[];
  languages?: string[];
  capacity?: number;
  timezone?: string;
  /** Weekly windows `mon 09:00-12:00` in `timezone`. */
  availability?: string[];
  manager?: Handle;
  do_not_match?: Handle[];
  paused?: boolean;
  git_host_handle?: string;
  [unknown: string]: unknown;
}

export interface Benchmark {
  text: string;
  done?: IsoDate | null;
}

export interface Goal {
  id: string;
  title: string;
  why?: string;
  mentor_help?: string;
  status: GoalStatus;
  due?: IsoDate;
  benchmarks?: Benchmark[];
  evidence?: string[];
  [unknown: string]: unknown;
}

export interface Agreement {
  cadence_days?: number;
  session_minutes?: number;
  channel?: Channel;
  confidentiality?: string;
  expectations?: string[];
}

export interface Plan {
  mentee: Handle;
  mentor: Handle;
  initiated_by: InitiatedBy;
  status: PlanStatus;
  /** Who accepted the proposed relationship (a program's match: both, as each accepts). */
  accepted_by?: Handle[];
  /** The day it was accepted and became active. */
  accepted?: IsoDate;
  started?: IsoDate;
  ends?: IsoDate;
  /** While paused: the day the pair means to resume. */
  paused_until?: IsoDate;
  /** Written when both accepted ending the relationship. */
  ended?: { date: IsoDate; reason: EndReason; note?: string };
  driver?: Driver;
  agreement?: Agreement;
  goals?: Goal[];
  [unknown: string]: unknown;
}

export type EndReason = 'goals_reached' | 'schedule' | 'fit' | 'other';

/** One person's part of a retrospective. */
export interface RetroSide {
  what_worked?: string;
  what_to_change?: string;
  would_recommend?: boolean | null;
}

/** `retro.yaml`: the retrospective of an ended relationship. */
export interface Retro {
  ended: IsoDate;
  reason: EndReason;
  goals: { id: string; title?: string; final: GoalStatus; note?: string }[];
  mentee?: RetroSide;
  mentor?: RetroSide;
  [unknown: string]: unknown;
}

export interface Topic {
  question: string;
  goal?: string;
}

export interface Action {
  text: string;
  owner: Handle;
  due?: IsoDate;
  done?: boolean;
}

export interface Session {
  date: IsoDate;
  prepared_by: Handle;
  objectives?: string[];
  topics?: Topic[];
  ideas?: string[];
  follow_ups?: Action[];
  notes?: string;
  actions?: Action[];
  next_session?: IsoDate | null;
  thanks?: string;
  [unknown: string]: unknown;
}

export interface CodeRef {
  /** The code's repository (its `origin` URL without credentials) when it is not the mentoring folder's. */
  repository?: string;
  path: string;
  lines: [number, number];
  commit?: string;
}

export interface Feedback {
  asked_by: Handle;
  asked_of: Handle;
  asked: IsoDate;
  kind: FeedbackKind;
  goal?: string;
  code?: CodeRef;
  question: string;
  status: FeedbackStatus;
  answer?: string;
  answered?: IsoDate | null;
  [unknown: string]: unknown;
}

export type FileKind = 'program' | 'person' | 'plan' | 'session' | 'feedback' | 'retro';

/** One problem in one file. `line` and `col` are 1-based; `file` is relative to the repository root, with '/'. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  message: string;
  severity: 'error' | 'warning';
}

/** A file of the mentoring folder: its data when it parsed, and its own problems. */
export interface LoadedFile<T> {
  kind: FileKind;
  /** Absolute path. */
  path: string;
  /** Path relative to the repository root, with '/'. */
  rel: string;
  /** The file's text, when it could be read as UTF-8 (absent for unreadable or oversized files). */
  text?: string;
  /** The parsed data, when the YAML parsed (it may still have schema problems). */
  data?: T;
  problems: Problem[];
  /** Read from an editor's unsaved text rather than from the disk. */
  unsaved?: true;
}

export interface PairModel {
  /** Folder name: `<mentee>--<mentor>`. */
  id: string;
  mentee: Handle;
  mentor: Handle;
  /** Absolute path of the pair folder. */
  dir: string;
  plan?: LoadedFile<Plan>;
  /** Sorted by date (file name), oldest first. */
  sessions: LoadedFile<Session>[];
  /** Sorted by file name, oldest first. */
  feedback: LoadedFile<Feedback>[];
  /** `retro.yaml`, once the relationship ended. */
  retro?: LoadedFile<Retro>;
}

export interface MentoringModel {
  /** Absolute path of the repository (or workspace) root. */
  root: string;
  /** Absolute path of the mentoring folder. */
  folder: string;
  exists: boolean;
  program?: LoadedFile<Program>;
  people: LoadedFile<Person>[];
  pairs: PairModel[];
  /** Every problem of every file, plus folder-level problems. */
  problems: Problem[];
}
