// Turns the core's answers (the inbox, the unshared changes, what's new) into what the sidebar
// shows. Plain functions, no vscode: the unit tests call them as the extension does.
import type { InboxItem } from '../../core/app/inbox';
import type { PairUnshared } from '../../core/app/share';
import type { WhatsNew } from '../../core/app/whatsNew';
import type { InboxItemView, NewsView, UnsharedView } from '../../protocol/exchange';
import { eventIcon } from '../history/eventIcons';

/** How many opened inbox items are remembered: enough for weeks of answers, small in workspace state. */
export const SEEN_LIMIT = 200;

export function inboxItemView(item: InboxItem): InboxItemView {
  const { id, kind, pair, role, other, text, date, ageDays, dueInDays, file, line } = item;
  return { id, kind, pair, role, other, text, date, ageDays, dueInDays, file, line };
}

/** Only an answer I was waiting for is read by opening it; everything else stays until it is handled. */
export function isReadWhenOpened(item: Pick<InboxItem, 'kind'>): boolean {
  return item.kind === 'feedback-answered';
}

/** `seen` with `id` added last, the oldest dropped beyond `limit`. */
export function withSeen(seen: readonly string[] | undefined, id: string, limit = SEEN_LIMIT): string[] {
  const list = (seen ?? []).filter((known) => known !== id);
  list.push(id);
  return list.slice(Math.max(0, list.length - limit));
}

export function unsharedView(unshared: PairUnshared): UnsharedView {
  const warnings = unshared.files.flatMap((file) => {
    if (file.problem) return [`${file.path}: ${file.problem}`];
    if (file.conflicts) return [`${file.path} was also changed on the mentoring branch, on the same lines`];
    return [];
  });
  return {
    pair: unshared.pair,
    // A file whose change has no words (a comment edited) is still one change.
    count: Math.max(unshared.words.length, unshared.files.length),
    words: unshared.words,
    notPushed: unshared.notPushed,
    warnings,
    ...(unshared.inReview ? { inReview: unshared.inReview } : {}),
  };
}

/** The status bar's and the sidebar's words: "1 change not shared", "3 changes not shared". */
export function notSharedText(count: number): string {
  return `${count} ${count === 1 ? 'change' : 'changes'} not shared`;
}

/** All changes of my pairs waiting for Share, pushes included. */
export function unsharedTotal(views: readonly UnsharedView[]): number {
  return views.reduce((sum, view) => sum + (view.count > 0 ? view.count : view.notPushed > 0 ? 1 : 0), 0);
}

export interface NewsContext {
  /** The other side's first name. */
  other: string;
  /** Whether a seen commit was stored for the pair (and is still there). */
  hadSeen: boolean;
  canFetch: boolean;
  onBranch: boolean;
}

export function newsView(news: WhatsNew, context: NewsContext): NewsView {
  return {
    pair: news.pair,
    other: context.other,
    entries: news.entries.map(({ event, text, remoteOnly }) => ({
      text,
      icon: eventIcon(event.kind),
      date: event.date.slice(0, 10),
      commit: event.commit,
      remoteOnly,
    })),
    firstLook: !context.hadSeen || news.sinceMissing,
    behindRemote: news.behindRemote,
    ...(news.branch ? { branch: news.branch } : {}),
    ...(news.remoteBranch ? { remoteBranch: news.remoteBranch } : {}),
    canFetch: context.canFetch,
    onBranch: context.onBranch,
  };
}
