// What's new in a pair: what the other side changed since I last looked, in the timeline's
// sentences. It reads the mentoring branch (the default branch unless one is given), not my
// checkout, and also its remote-tracking branch when that has commits mine lacks (after a
// fetch), so the other side's shared changes show before I pull them. The caller stores the
// returned `seen` commit (locally, never committed) and passes it back as `since`.
import type { Handle, MentoringModel, PairModel } from '../folder/model';
import { loadMentoring } from '../folder/load';
import { parsePairId } from '../folder/names';
import { DEFAULT_FOLDER } from '../folder/paths';
import { parseYamlBlob } from '../folder/yamlText';
import { readObjects } from '../git/objects';
import { resolveCommit } from '../git/refs';
import { findMentoringBranch } from '../git/mentoringBranch';
import { commitsAhead, commitsSince } from '../git/remoteBranch';
import { headCommit } from '../git/repository';
import { pairTimeline, readHistory, type History, type HistoryEvent } from '../history';
import { accessTo, mayReadPrivate } from '../policy/access';
import { personNames, timelineInWords, type TimelineEntry } from './timeline';
import { localToday } from './today';

/** Nothing seen yet: the other side's changes since the last session held, at most this many. */
export const FIRST_LOOK_EVENTS = 10;

export interface WhatsNewOptions {
  /** The mentoring folder, relative to the root (default `.mentoring`). */
  folder?: string;
  pair: string;
  /** Who looks: their own changes are not news to them. */
  me: Handle;
  /** The commit seen last (`seen` of an earlier result); undefined when nothing was seen yet. */
  since?: string;
  /** The mentoring branch (the setting `mentoring.branch`); default the repository's default branch. */
  branch?: string;
  /** The loaded folder, for people's names and who may read what; loaded when not given. */
  model?: MentoringModel;
  /** The user's calendar day (`localToday`), for "since the last session". */
  today?: string;
}

export interface NewsEntry extends TimelineEntry {
  /** The change is on the remote-tracking branch only: a pull brings it. */
  remoteOnly: boolean;
}

export interface WhatsNew {
  pair: string;
  /** The mentoring branch read; undefined on a detached HEAD with no default branch (HEAD was read). */
  branch?: string;
  /** Its remote-tracking branch (`origin/main`), when there is a remote. */
  remoteBranch?: string;
  /** The other side's changes, newest first. */
  entries: NewsEntry[];
  /** The commit to store as seen and pass as `since` next time; undefined when there is nothing to read. */
  seen?: string;
  /** Commits the remote-tracking branch has that the local mentoring branch lacks: offer a Pull. */
  behindRemote: number;
  /** `since` is not a commit here (gone after a history rewrite): read as if nothing had been seen. */
  sinceMissing: boolean;
}

export class WhatsNewRefused extends Error {
  override name = 'WhatsNewRefused';
}

export async function whatsNew(root: string, options: WhatsNewOptions): Promise<WhatsNew> {
  const { pair, me } = options;
  const ids = parsePairId(pair);
  const folder = options.folder ?? DEFAULT_FOLDER;
  const model = options.model ?? (await loadMentoring(root, { folder }));
  // A pair only on the remote so far is not in my files yet: its id says who is in it.
  const pairModel: PairModel = model.pairs.find((p) => p.id === pair) ?? {
    id: pair,
    ...ids,
    dir: '',
    sessions: [],
    feedback: [],
  };
  // Only the pair's two people: the changes are told in the pair's own words (a request's file name
  // is made from its question), and a coordinator follows pairs in the program's health instead.
  if (!mayReadPrivate(accessTo(model, pairModel, me)))
    throw new WhatsNewRefused(`${me} is not part of the pair ${pair}: what's new is for its mentee and mentor`);

  const found = await findMentoringBranch(root, { branch: options.branch });
  const branch = found?.branch;
  const local = found ? found.local : await headCommit(root);
  const remote = found?.tracking;
  const behindRemote = local && remote ? await commitsAhead(root, local, remote) : 0;
  const remoteAhead = remote !== undefined && (local === undefined || behindRemote > 0);
  // Diverged (my unshared commits and theirs): both tips are read; otherwise the newer one holds all.
  const tips =
    remoteAhead && local && remote && (await commitsAhead(root, remote, local)) > 0
      ? [local, remote]
      : [remoteAhead ? remote : local].filter((tip): tip is string => tip !== undefined);
  const result: WhatsNew = {
    pair,
    branch,
    remoteBranch: remote && found?.trackingRef?.slice('refs/remotes/'.length),
    entries: [],
    seen: remoteAhead ? remote : local,
    behindRemote,
    sinceMissing: false,
  };
  if (tips.length === 0) return result;

  let since: string | undefined;
  if (options.since !== undefined) {
    since = await resolveCommit(root, options.since).catch(() => undefined);
    result.sinceMissing = since === undefined;
  }
  const histories = await Promise.all(tips.map((at) => readHistory(root, { folder, pair, at })));
  const pathspec = `${histories[0].folder}/pairs/${pair}`;
  const unseen = await commitsSince(root, tips, since, [pathspec]);
  // What a pull would bring: all of the remote's commits when there is no local branch.
  const notPulled = remoteAhead && local ? await commitsSince(root, [remote], local, [pathspec]) : undefined;
  const isRemoteOnly = (commit: string) => remoteAhead && (notPulled === undefined || notPulled.has(commit));
  const isNews = (event: HistoryEvent) =>
    unseen.has(event.commit) && !('handle' in event.author && event.author.handle === me);

  const candidates = histories.flatMap((history) => pairTimeline(history, pair).filter(isNews));
  const context = {
    names: personNames(model),
    questions: await questionsAsked(root, candidates),
    private: false,
    reader: me,
  };
  const byKey = new Map<string, NewsEntry>();
  for (const history of histories) {
    for (const entry of timelineInWords(history, pair, context, { newestFirst: true })) {
      if (!isNews(entry.event)) continue;
      const key = JSON.stringify([entry.event.commit, entry.event.kind, entry.event.fileId, entry.event.details]);
      byKey.set(key, { ...entry, remoteOnly: isRemoteOnly(entry.event.commit) });
    }
  }
  let entries = [...byKey.values()].sort((a, b) => Date.parse(b.event.date) - Date.parse(a.event.date));
  if (since === undefined) {
    const lastHeld = lastSessionHeld(histories, pair, options.today ?? localToday());
    if (lastHeld) entries = entries.filter((entry) => entry.event.date.slice(0, 10) >= lastHeld);
    entries = entries.slice(0, FIRST_LOOK_EVENTS);
  }
  result.entries = entries;
  return result;
}

/** The question of each feedback request in `events`, by file id, as the request read at that commit. */
async function questionsAsked(root: string, events: HistoryEvent[]): Promise<Map<string, string>> {
  const feedback = events.filter((event) => event.kind === 'feedback-asked' || event.kind === 'feedback-answered');
  const blobs = await readObjects(
    root,
    feedback.map((event) => `${event.commit}:${event.path}`),
  );
  const questions = new Map<string, string>();
  feedback.forEach((event, i) => {
    const { data } = parseYamlBlob(blobs[i]);
    const question = (data as { question?: unknown } | undefined)?.question;
    if (typeof question === 'string' && !questions.has(event.fileId)) questions.set(event.fileId, question);
  });
  return questions;
}

/** The date of the pair's last session on or before today, in the tips read. */
function lastSessionHeld(histories: History[], pair: string, today: string): string | undefined {
  const held = histories
    .flatMap((history) => history.pairs.get(pair)?.sessions ?? [])
    .map((session) => session.sessionDate)
    .filter((date) => date <= today)
    .sort();
  return held[held.length - 1];
}
