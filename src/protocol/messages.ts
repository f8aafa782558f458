// Every message between the extension and the sidebar webview. Three kinds, named by suffix:
// a ...Command goes from the webview to the extension and gets no answer; a ...Request carries
// an id and is answered by the response with the same id; a Did...Notification goes from the
// extension to the webview. Both sides import this file; the extension checks every incoming
// message with `parseWebviewMessage` before acting on it.

// ---- What the sidebar shows -------------------------------------------------------------

export type GoalStatusView = 'planned' | 'in-progress' | 'done' | 'dropped';
export type FeedbackKindView = 'code' | 'design' | 'career' | 'communication' | 'other';
export const FEEDBACK_KINDS: readonly FeedbackKindView[] = ['code', 'design', 'career', 'communication', 'other'];
export const GOAL_STATUSES: readonly GoalStatusView[] = ['planned', 'in-progress', 'done', 'dropped'];

export interface ProblemView {
  /** Relative to the workspace root, with '/'. */
  file: string;
  line: number;
  col: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface BenchmarkView {
  text: string;
  done?: string | null;
}

export interface GoalView {
  id: string;
  title: string;
  why?: string;
  mentorHelp?: string;
  status: GoalStatusView;
  due?: string;
  benchmarks: BenchmarkView[];
  evidence: string[];
}

export interface ActionView {
  text: string;
  owner: string;
  due?: string;
  done: boolean;
}

export interface SessionView {
  /** Relative to the workspace root; the file every edit of this session names. */
  file: string;
  date: string;
  /** False when the file has problems: it is shown but never edited. */
  editable: boolean;
  problems: ProblemView[];
  preparedBy?: string;
  objectives: string[];
  topics: { question: string; goal?: string }[];
  ideas: string[];
  followUps: ActionView[];
  notes: string;
  actions: ActionView[];
  nextSession?: string | null;
  thanks: string;
  /** Whether git has the file as it is, so there is nothing to commit (unknown in an untrusted workspace). */
  committed?: boolean;
}

export interface FeedbackView {
  file: string;
  editable: boolean;
  problems: ProblemView[];
  askedBy: string;
  askedOf: string;
  asked: string;
  kind: FeedbackKindView;
  goal?: string;
  code?: { path: string; lines: [number, number]; commit?: string };
  question: string;
  status: 'open' | 'answered' | 'closed';
  answer: string;
  answered?: string | null;
}

export interface PairSummary {
  id: string;
  mentee: string;
  mentor: string;
  /** My part in it; 'coordinator' when I see it only because I coordinate the program. */
  role: 'mentee' | 'mentor' | 'coordinator';
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
  proposedAgendaDate: string;
  /** The next session: its date and whether its agenda file exists. */
  nextSession?: { date: string; agendaReady: boolean };
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
  today: string;
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

// ---- History: the timeline and the health card --------------------------------------------

export interface TimelineEventView {
  /** A `HistoryEventKind` of the core. */
  kind: string;
  /** A codicon name. */
  icon: string;
  /** The event in words, for example "Ana prepared the agenda for Nov 28 — committed 2 days before". */
  text: string;
  /** The person's name, or "unknown <email>" for an author not in `people/`. */
  author: string;
  /** The author date's calendar day (YYYY-MM-DD). */
  date: string;
  commit: string;
  /** The file at that commit, relative to the workspace root. */
  file: string;
}

export interface TimelineMonthView {
  /** YYYY-MM. */
  month: string;
  /** Newest first. */
  events: TimelineEventView[];
}

export interface RatioView {
  part: number;
  total: number;
  share: number | null;
}

/** Figures only: numbers and dates, never the text of notes, goals or answers. */
export interface HealthView {
  /** False when git could not run (Restricted Mode): the figures that need the log are null. */
  fromHistory: boolean;
  lastSession: string | null;
  daysSinceLastSession: number | null;
  sessions: { held: number; expected: number | null; cadenceDays: number | null };
  agendasBeforeSession: RatioView | null;
  followThrough: RatioView | null;
  menteeDrives: RatioView | null;
  /** The mentee's share of agendas, feedback requests and plan edits, month by month, oldest first. */
  trend: { month: string; mentee: number; total: number; share: number | null }[];
  openFeedback: { count: number; oldestDays: number | null };
  goals: { total: number; planned: number; inProgress: number; done: number; dropped: number };
  benchmarks: RatioView;
  nextSession: { agreed: boolean; date: string | null };
}

export interface HistoryView {
  pairId: string;
  /** 'unavailable': git cannot run here (Restricted Mode, or not a repository); `message` says why. */
  status: 'loading' | 'ready' | 'unavailable' | 'error';
  message?: string;
  /** Newest month first. */
  months: TimelineMonthView[];
  health?: HealthView;
  /** A shallow clone: the history before its oldest commit is missing. */
  shallow: boolean;
}

// ---- Proposals: relationships and plan changes waiting for review ---------------------------

export interface ProposalView {
  kind: 'relationship' | 'plan-change';
  pair: string;
  mentee: string;
  mentor: string;
  /** Who proposed: a handle, `program`, or absent when unknown. */
  from?: string;
  /** The review branch; absent for a proposed plan already on the default branch. */
  branch?: string;
  /** The proposal's commit date (YYYY-MM-DD), when known. */
  date?: string;
}

export interface ProposalsView {
  /** 'unavailable': git cannot run here (Restricted Mode, or not a repository); `message` says why. */
  status: 'loading' | 'ready' | 'unavailable' | 'error';
  message?: string;
  /** Proposed by me, waiting for the other side. */
  mine: ProposalView[];
  /** Proposed to me: mine to review and accept. */
  toMe: ProposalView[];
}

// ---- Edits ------------------------------------------------------------------------------

export type AgendaList = 'objectives' | 'ideas' | 'topics' | 'actions' | 'follow_ups';

/** One change to one file; the extension maps it to a core edit function. */
export type EditOp =
  | { op: 'addGoal'; title: string; why?: string; mentorHelp?: string; due?: string }
  | {
      op: 'updateGoal';
      goalId: string;
      changes: { title?: string; why?: string; mentorHelp?: string; due?: string; status?: GoalStatusView };
    }
  | { op: 'completeGoal'; goalId: string }
  | { op: 'dropGoal'; goalId: string }
  | { op: 'addBenchmark'; goalId: string; text: string }
  | { op: 'setBenchmarkDone'; goalId: string; index: number; done: boolean }
  | { op: 'addEvidence'; goalId: string; url: string }
  | { op: 'addListItem'; list: 'objectives' | 'ideas'; text: string }
  | { op: 'addTopic'; question: string; goal?: string }
  | { op: 'removeItem'; list: AgendaList; index: number }
  | { op: 'addAction'; text: string; owner: string; due?: string }
  | { op: 'setActionDone'; list: 'actions' | 'follow_ups'; index: number; done: boolean }
  | { op: 'setNextSession'; date: string }
  | { op: 'setText'; field: 'notes' | 'thanks'; value: string }
  | { op: 'answerFeedback'; answer: string }
  | { op: 'closeFeedback' };

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
/** Load (or bring up to date) a pair's history: sent when its timeline or health card is shown. */
export interface LoadHistoryCommand {
  type: 'loadHistory';
  pairId: string;
}
/** Open the file of a timeline event as it was at that commit. */
export interface OpenHistoryEventCommand {
  type: 'openHistoryEvent';
  pairId: string;
  commit: string;
  file: string;
}
export interface RunCommand {
  type: 'run';
  command:
    | 'init'
    | 'refresh'
    | 'askForFeedbackOnSelection'
    | 'createPerson'
    | 'openWalkthrough'
    | 'askForMentoring'
    | 'offerMentoring'
    | 'proposePlanChanges';
}
/** Load (or bring up to date) the pending proposals: sent when the Proposals section is shown. */
export interface LoadProposalsCommand {
  type: 'loadProposals';
}
/** Show the semantic summary of a proposal's review branch against the default branch. */
export interface ReviewProposalCommand {
  type: 'reviewProposal';
  branch: string;
}

/** An edit of an existing file of the mentoring folder. */
export interface EditRequest {
  type: 'edit';
  id: number;
  file: string;
  edit: EditOp;
}
export interface PrepareAgendaRequest {
  type: 'prepareAgenda';
  id: number;
  pairId: string;
  date: string;
}
export interface CommitAgendaRequest {
  type: 'commitAgenda';
  id: number;
  file: string;
}
export interface AskFeedbackRequest {
  type: 'askFeedback';
  id: number;
  pairId: string;
  question: string;
  kind: FeedbackKindView;
  goal?: string;
}

export type WebviewRequest = EditRequest | PrepareAgendaRequest | CommitAgendaRequest | AskFeedbackRequest;
export type WebviewCommand =
  | ReadyCommand
  | SelectPairCommand
  | PickMeCommand
  | OpenFileCommand
  | OpenCodeCommand
  | RunCommand
  | LoadHistoryCommand
  | OpenHistoryEventCommand
  | LoadProposalsCommand
  | ReviewProposalCommand;
export type WebviewMessage = WebviewCommand | WebviewRequest;

// ---- Extension → webview ----------------------------------------------------------------

export interface DidChangeStateNotification {
  type: 'didChangeState';
  state: SidebarState;
}
/** Answers the request with the same id. */
export interface RequestResponse {
  type: 'response';
  id: number;
  ok: boolean;
  /** Shown to the user when `ok` is false, or as a note when it is true (a dirty editor left unsaved). */
  message?: string;
}
export interface DidRequestFocusNotification {
  type: 'didRequestFocus';
  target: 'addGoal' | 'agenda' | 'feedback';
}

export interface DidChangeHistoryNotification {
  type: 'didChangeHistory';
  history: HistoryView;
}

export interface DidChangeProposalsNotification {
  type: 'didChangeProposals';
  proposals: ProposalsView;
}

export type ExtensionMessage =
  | DidChangeStateNotification
  | RequestResponse
  | DidRequestFocusNotification
  | DidChangeHistoryNotification
  | DidChangeProposalsNotification;
