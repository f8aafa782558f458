// The sidebar's state (who I am, my relationships, the chosen pair's plan, agendas and feedback),
// the commands that steer it and their runtime checks. View types come from the core's model
// types (type-only imports: the webview bundles this file, never the core's code).
import type { Action, Benchmark, CodeRef, Feedback, Goal, IsoDate, Problem, Role, Topic } from '../core/folder/model';
import { isOneOf } from '../shared/vocabulary';
import type { PrivateNotesView } from './privateNotes';
import { isHandleName, isIndex, isPairIdName, isRel, onlyKeys, type Check } from './guards';

// ---- What the sidebar shows -------------------------------------------------------------

export type GoalStatusView = Goal['status'];
export type FeedbackKindView = Feedback['kind'];
/** `file` is relative to the workspace root, with '/'. */
export type ProblemView = Problem;
export type BenchmarkView = Benchmark;

export interface GoalView extends Pick<Goal, 'id' | 'title' | 'why' | 'status' | 'due'> {
  mentorHelp?: string;
  benchmarks: BenchmarkView[];
  evidence: string[];
}

export interface ActionView extends Pick<Action, 'text' | 'owner' | 'due'> {
  /** Ticked in this file. */
  done: boolean;
  /** Done on any copy (this one or a carried-over follow-up): never shown as overdue. */
  finished: boolean;
}

export interface SessionView {
  /** Relative to the workspace root; the file every edit of this session names. */
  file: string;
  date: IsoDate;
  /** False when the file has problems, or is withheld: it is shown but never edited. */
  editable: boolean;
  /** The access policy keeps its words from me (a coordinator): private to the pair, not broken. */
  withheld: boolean;
  /** Withheld, and its words are sealed in the file too: no one but the pair can read them (not even with the file). */
  sealed?: boolean;
  problems: ProblemView[];
  preparedBy?: string;
  objectives: string[];
  topics: Topic[];
  ideas: string[];
  followUps: ActionView[];
  notes: string;
  actions: ActionView[];
  nextSession?: IsoDate | null;
  thanks: string;
  /** Whether git has the file as it is, so there is nothing to commit (unknown in an untrusted workspace). */
  committed?: boolean;
  /** Shown from an editor's unsaved text, not from the file on disk. */
  unsaved?: boolean;
}

export interface FeedbackView extends Pick<Feedback, 'asked' | 'kind' | 'goal' | 'question' | 'status' | 'answered'> {
  file: string;
  editable: boolean;
  /** The access policy keeps what it asks and answers from me: who, when and its status only. */
  withheld: boolean;
  /** Withheld, and its words are sealed in the file too. */
  sealed?: boolean;
  problems: ProblemView[];
  askedBy: string;
  askedOf: string;
  code?: CodeRef;
  answer: string;
}

export interface PairSummary {
  id: string;
  mentee: string;
  mentor: string;
  /** My part in it; 'coordinator' when I see it only because I coordinate the program. */
  role: Role;
  status?: string;
}

export interface PairView extends PairSummary {
  planFile: string;
  planEditable: boolean;
  cadenceDays?: number;
  goals: GoalView[];
  /** Newest first. */
  sessions: SessionView[];
  /** Newest first. */
  feedback: FeedbackView[];
  /** The date "Prepare agenda" proposes. */
  proposedAgendaDate: IsoDate;
  /** The next session: its date and whether its agenda file exists. */
  nextSession?: { date: IsoDate; agendaReady: boolean };
  /** My own notes about this pair, from `.private/` on this machine. */
  privateNotes?: PrivateNotesView;
  /** What is sealed to the pair and who has no key yet; only for its mentee and mentor. */
  sealing?: SealingView;
}

/** The pair's sealed fields as its mentee and mentor are told about them (the values themselves arrive decrypted). */
export interface SealingView {
  /** The sealed fields in words ("notes", "feedback answers"), in the order they are listed. */
  fields: string[];
  /** The people of the pair without a key yet (me among them, maybe): the fields are stored in clear until they set one up. */
  withoutKey: PersonView[];
  /** How many of the pair's files hold sealed values no key on this machine opens (shown as the placeholder, read-only). */
  unreadable: number;
}

export interface PersonView {
  handle: string;
  name: string;
}

export type IdentityView =
  | { kind: 'known'; handle: string; name: string; source: 'setting' | 'email' | 'picked' }
  | { kind: 'unknown'; email?: string; reason: string };

export interface SidebarState {
  trusted: boolean;
  /** Still loading for the first time. */
  loading: boolean;
  folder: string;
  folderExists: boolean;
  hasWorkspace: boolean;
  today: IsoDate;
  me: IdentityView;
  people: PersonView[];
  isCoordinator: boolean;
  pairs: PairSummary[];
  pair?: PairView;
  /** Every problem of every file of the folder. */
  problems: ProblemView[];
  /** Set when the folder could not be read at all. */
  loadError?: string;
}

// ---- Webview → extension ----------------------------------------------------------------

export interface ReadyCommand {
  type: 'ready';
}
export interface SelectPairCommand {
  type: 'selectPair';
  pairId: string;
}
export interface PickMeCommand {
  type: 'pickMe';
  /** A handle from the people list, or absent to ask with a quick pick. */
  handle?: string;
}
export interface OpenFileCommand {
  type: 'openFile';
  file: string;
  line?: number;
  col?: number;
}
export interface OpenCodeCommand {
  type: 'openCode';
  /** The feedback file whose code reference to open. */
  file: string;
}

/** The extension commands the webview may run, by the name after `mentoring.`. */
export const RUN_COMMANDS = [
  'init',
  'refresh',
  'askForFeedbackOnSelection',
  'createPerson',
  'setUpMyKey',
  'openWalkthrough',
  'askForMentoring',
  'offerMentoring',
  'proposePlanChanges',
  'openPrivateNotes',
] as const;
export interface RunCommand {
  type: 'run';
  command: (typeof RUN_COMMANDS)[number];
}

export type SidebarCommand =
  ReadyCommand | SelectPairCommand | PickMeCommand | OpenFileCommand | OpenCodeCommand | RunCommand;

export const SIDEBAR_CHECKS: { [T in SidebarCommand['type']]: Check } = {
  ready: (v) => onlyKeys(v, 'type'),
  selectPair: (v) => onlyKeys(v, 'type', 'pairId') && isPairIdName(v.pairId),
  pickMe: (v) => onlyKeys(v, 'type', 'handle') && (v.handle === undefined || isHandleName(v.handle)),
  openFile: (v) =>
    onlyKeys(v, 'type', 'file', 'line', 'col') &&
    isRel(v.file) &&
    (v.line === undefined || isIndex(v.line)) &&
    (v.col === undefined || isIndex(v.col)),
  openCode: (v) => onlyKeys(v, 'type', 'file') && isRel(v.file),
  run: (v) => onlyKeys(v, 'type', 'command') && isOneOf(RUN_COMMANDS, v.command),
};

// ---- Extension → webview ----------------------------------------------------------------

export interface DidChangeStateNotification {
  type: 'didChangeState';
  state: SidebarState;
}
export interface DidRequestFocusNotification {
  type: 'didRequestFocus';
  target: 'addGoal' | 'agenda' | 'feedback';
}
