// The shapes of a history result: each pair's files at HEAD, one pair's slice of a whole
// folder's history, and the history of a repository without commits.
import { parsePairId } from '../folder/names';
import { classifyPairPath, type FileFacts, type PairFileKind } from './facts';
import type { History, PairState } from './types';

export function pairState(
  files: [string, string][],
  folder: string,
  id: string,
  facts: (kind: PairFileKind, blob: string) => FileFacts | undefined,
): PairState | undefined {
  const { mentee, mentor } = parsePairId(id);
  const state: PairState = { id, mentee, mentor, sessions: [], feedback: [] };
  let any = false;
  for (const [path, blob] of files) {
    const where = classifyPairPath(`${folder}/`, path);
    if (!where) continue;
    any = true;
    const fileFacts = facts(where.kind, blob);
    if (!fileFacts || fileFacts.kind === 'invalid') continue;
    if (fileFacts.kind === 'plan') state.plan = fileFacts;
    else if (fileFacts.kind === 'session')
      state.sessions.push({ ...fileFacts, path, sessionDate: fileFacts.date ?? where.name.replace(/\.yaml$/, '') });
    else state.feedback.push({ ...fileFacts, path });
  }
  state.sessions.sort((a, b) => (a.sessionDate < b.sessionDate ? -1 : a.sessionDate > b.sessionDate ? 1 : 0));
  state.feedback.sort((a, b) => (a.path < b.path ? -1 : 1));
  return any ? state : undefined;
}

export function onlyPair(history: History, pair: string): History {
  const prefix = `${history.folder}/pairs/${pair}/`;
  const pairs = new Map<string, PairState>();
  const state = history.pairs.get(pair);
  if (state) pairs.set(pair, state);
  return {
    ...history,
    pair,
    events: history.events.filter((event) => event.pair === pair),
    edits: history.edits.filter((edit) => edit.pair === pair),
    pairs,
    fileIds: new Map([...history.fileIds].filter(([path]) => path.startsWith(prefix))),
    logs: new Map([...history.logs].filter(([id]) => id === pair)),
  };
}

export function emptyHistory(root: string, folder: string, pair: string | undefined, shallow: boolean): History {
  return {
    root,
    folder,
    pair,
    head: undefined,
    shallow,
    commits: 0,
    events: [],
    edits: [],
    pairs: new Map(),
    fileIds: new Map(),
    logs: new Map(),
  };
}
