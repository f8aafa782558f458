// Every message between the extension and the sidebar webview. Three kinds, named by suffix:
// a ...Command goes from the webview to the extension and gets no answer; a ...Request carries
// an id and is answered by the response with the same id; a Did...Notification goes from the
// extension to the webview. Each area (sidebar, history, review, edit, exchange) declares its messages
// and their runtime checks in its own file; this one joins them, and the extension checks every
// incoming message with `parseWebviewMessage` before acting on it.
import { isObj, type Check } from './guards';
import { EDIT_CHECKS, type WebviewRequest as EditAreaRequest } from './edit';
import {
  EXCHANGE_CHECKS,
  type DidChangeExchangeNotification,
  type ExchangeCommand,
  type ExchangeRequest,
} from './exchange';
import { PRIVATE_NOTES_CHECKS, type SavePrivateNoteRequest } from './privateNotes';
import { HISTORY_CHECKS, type DidChangeHistoryNotification, type HistoryCommand } from './history';
import { REVIEW_CHECKS, type DidChangeProposalsNotification, type ReviewCommand } from './review';
import {
  SIDEBAR_CHECKS,
  type DidChangeStateNotification,
  type DidRequestFocusNotification,
  type SidebarCommand,
} from './sidebar';

export type {
  ActionView,
  BenchmarkView,
  DidChangeStateNotification,
  DidRequestFocusNotification,
  FeedbackKindView,
  FeedbackView,
  GoalStatusView,
  GoalView,
  IdentityView,
  OpenCodeCommand,
  OpenFileCommand,
  PairSummary,
  PairView,
  PersonView,
  PickMeCommand,
  ProblemView,
  ReadyCommand,
  SealingView,
  RunCommand,
  SelectPairCommand,
  SessionView,
  SidebarState,
} from './sidebar';
export type {
  DidChangeHistoryNotification,
  HealthView,
  HistoryView,
  LoadHistoryCommand,
  OpenHistoryEventCommand,
  RatioView,
  TimelineEventView,
  TimelineMonthView,
} from './history';
export type {
  DidChangeProposalsNotification,
  LoadProposalsCommand,
  ProposalView,
  ProposalsView,
  ReviewProposalCommand,
} from './review';
export type {
  AgendaList,
  AskFeedbackRequest,
  CommitAgendaRequest,
  EditOp,
  EditRequest,
  PrepareAgendaRequest,
} from './edit';
export type { PrivateNoteView, PrivateNotesView, SavePrivateNoteRequest } from './privateNotes';
export type {
  DidChangeExchangeNotification,
  ExchangeView,
  FetchMentoringRequest,
  InboxItemView,
  LoadExchangeCommand,
  MarkNewsSeenCommand,
  NewsEntryView,
  NewsView,
  OpenInboxItemCommand,
  PullMentoringCommand,
  ShareRequest,
  UnsharedView,
} from './exchange';

// ---- Webview → extension ----------------------------------------------------------------

export type WebviewCommand = SidebarCommand | HistoryCommand | ReviewCommand | ExchangeCommand;
export type WebviewRequest = EditAreaRequest | ExchangeRequest | SavePrivateNoteRequest;
export type WebviewMessage = WebviewCommand | WebviewRequest;

const CHECKS: { [T in WebviewMessage['type']]: Check } = {
  ...SIDEBAR_CHECKS,
  ...HISTORY_CHECKS,
  ...REVIEW_CHECKS,
  ...EDIT_CHECKS,
  ...EXCHANGE_CHECKS,
  ...PRIVATE_NOTES_CHECKS,
};

/** The message when it is one the protocol knows, with exactly its fields, well formed; otherwise undefined. */
export function parseWebviewMessage(v: unknown): WebviewMessage | undefined {
  if (!isObj(v) || typeof v.type !== 'string' || !Object.hasOwn(CHECKS, v.type)) return undefined;
  return CHECKS[v.type as WebviewMessage['type']](v) ? (v as unknown as WebviewMessage) : undefined;
}

export function isRequest(message: WebviewMessage): message is WebviewRequest {
  return 'id' in message;
}

// ---- Extension → webview ----------------------------------------------------------------

/** Answers the request with the same id. */
export interface RequestResponse {
  type: 'response';
  id: number;
  ok: boolean;
  /** Shown to the user when `ok` is false, or as a note when it is true (a dirty editor left unsaved). */
  message?: string;
}

export type ExtensionMessage =
  | DidChangeStateNotification
  | RequestResponse
  | DidRequestFocusNotification
  | DidChangeHistoryNotification
  | DidChangeProposalsNotification
  | DidChangeExchangeNotification;
