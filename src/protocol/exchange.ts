// The exchange between the two sides of a pair, at the top of the sidebar: what needs me (the
// inbox), my changes not shared yet, and what the other side changed since I last looked; the
// commands and requests that act on them, and their runtime checks. The inbox's own module reads
// files, so its item is restated here; the extension's view model maps one to the other, and
// the compiler says when they drift.
import type { IsoDate } from '../core/folder/model';
import type { InboxItemKind } from '../shared/vocabulary';
import { isPairIdName, isRequestId, isStr, onlyKeys, type Check } from './guards';

/** One thing waiting for me, as `inbox` (core/app/inbox.ts) words it. */
export interface InboxItemView {
  /** The same while the item is the same. */
  id: string;
  kind: InboxItemKind;
  pair: string;
  role: 'mentee' | 'mentor';
  /** The pair's other person (a handle). */
  other: string;
  /** One sentence, for me. */
  text: string;
  date?: IsoDate;
  /** Days it has waited for me. */
  ageDays?: number;
  /** Days until it is due: negative when overdue. */
  dueInDays?: number;
  /** Where it is handled, relative to the workspace root. */
  file: string;
  line?: number;
}

/** A pair's changes not on the mentoring branch yet. */
export interface UnsharedView {
  pair: string;
  /** How many changes, as "N changes not shared" counts them (0: only commits not pushed). */
  count: number;
  /** What they are, in words, in order. */
  words: string[];
  /** Files committed on the mentoring branch whose push has not happened yet: Share pushes them. */
  notPushed: number;
  /** Why Share would stop, in words (a file that does not parse, a change that conflicts). */
  warnings: string[];
  /** The review branch these changes already wait on (the remote refused the mentoring branch). */
  inReview?: string;
}

export interface NewsEntryView {
  /** "Ben answered your feedback request 'Is this retry policy safe?'" */
  text: string;
  /** A codicon name. */
  icon: string;
  date: IsoDate;
  commit: string;
  /** Only on the remote so far: a pull brings it. */
  remoteOnly: boolean;
}

export interface NewsView {
  pair: string;
  /** The other side's first name: "Nothing new from Ben since you last looked." */
  other: string;
  /** Newest first. */
  entries: NewsEntryView[];
  /** Nothing was marked seen yet: the entries are those since the last session held. */
  firstLook: boolean;
  /** Commits the remote has that my mentoring branch lacks: offer a Pull. */
  behindRemote: number;
  /** The mentoring branch, and its remote-tracking branch when there is one. */
  branch?: string;
  remoteBranch?: string;
  /** There is a remote to fetch the mentoring branch from. */
  canFetch: boolean;
  /** I am on the mentoring branch, so a pull brings the changes into my working tree. */
  onBranch: boolean;
}

export interface ExchangeView {
  /** 'unavailable': nothing can be read here (Restricted Mode, no folder, not known who I am); `message` says why. */
  status: 'loading' | 'ready' | 'unavailable' | 'error';
  message?: string;
  /** Whom it was read for: the webview shows it only while that is still who I am. */
  me?: string;
  /** The mentoring branch Share commits to. */
  branch?: string;
  inbox: InboxItemView[];
  /** My pairs with changes not shared (or not pushed); pairs with none are absent. */
  unshared: UnsharedView[];
  /** What's new in the selected pair; absent when it is not mine (a coordinator) or git cannot say. */
  news?: NewsView;
  /** Why `news` is absent, when that is worth saying (not a git repository, a failed read). */
  newsMessage?: string;
}

// ---- Webview → extension ----------------------------------------------------------------

/** Load (or bring up to date) the exchange: sent when the sidebar shows it. */
export interface LoadExchangeCommand {
  type: 'loadExchange';
}
/** Open where an inbox item is handled (the extension looks the id up among the items it sent). */
export interface OpenInboxItemCommand {
  type: 'openInboxItem';
  itemId: string;
}
/** Pull the mentoring branch through the built-in git extension. */
export interface PullMentoringCommand {
  type: 'pullMentoring';
}
/** What's new of the pair was read: remember its newest commit as seen. */
export interface MarkNewsSeenCommand {
  type: 'markNewsSeen';
  pairId: string;
}

export type ExchangeCommand = LoadExchangeCommand | OpenInboxItemCommand | PullMentoringCommand | MarkNewsSeenCommand;

/** Share the pair's changes: commit them to the mentoring branch and push. */
export interface ShareRequest {
  type: 'share';
  id: number;
  pairId: string;
}
/** Fetch the mentoring branch from its remote. */
export interface FetchMentoringRequest {
  type: 'fetchMentoring';
  id: number;
}

export type ExchangeRequest = ShareRequest | FetchMentoringRequest;

export const EXCHANGE_CHECKS: { [T in (ExchangeCommand | ExchangeRequest)['type']]: Check } = {
  loadExchange: (v) => onlyKeys(v, 'type'),
  // An opaque id (made from a path, a pair, an action's text), only looked up among the items sent.
  openInboxItem: (v) => onlyKeys(v, 'type', 'itemId') && isStr(v.itemId, 1000) && v.itemId !== '',
  pullMentoring: (v) => onlyKeys(v, 'type'),
  markNewsSeen: (v) => onlyKeys(v, 'type', 'pairId') && isPairIdName(v.pairId),
  share: (v) => onlyKeys(v, 'type', 'id', 'pairId') && isRequestId(v.id) && isPairIdName(v.pairId),
  fetchMentoring: (v) => onlyKeys(v, 'type', 'id') && isRequestId(v.id),
};

// ---- Extension → webview ----------------------------------------------------------------

export interface DidChangeExchangeNotification {
  type: 'didChangeExchange';
  exchange: ExchangeView;
}
