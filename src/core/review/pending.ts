// Proposals waiting for the other side: a relationship is pending while its plan says
// `status: proposed` on the default branch or on a `mentoring/*` review branch that is not
// merged yet; a plan change is pending while its review branch is not merged.
import { listFolderAt, listTree } from '../git/commits';
import { readObjects } from '../git/objects';
import { listRefs, resolveCommit } from '../git/refs';
import { tryParsePairId } from '../folder/names';
import { DEFAULT_FOLDER } from '../folder/paths';
import { parseYamlBlob } from '../folder/yamlText';

import type { Proposal } from './proposal';
import { readDecisions } from './records';
import { findMentoringBranch, newestTip } from '../git/mentoringBranch';

export type { Proposal };

export interface PendingOptions {
  folder?: string;
  /** The mentoring branch, when not the default branch. */
  into?: string;
  /** Maps a commit author's email to a person's handle (plan changes: who proposed). */
  handleOfEmail?: (email: string) => string | undefined;
}

/** Plan paths given to one `git ls-tree` (a command line stays well under the system's limit). */
const PATHS_PER_LISTING = 1000;
const BRANCH = /^mentoring\/([^/]+)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** A review branch's name: `mentoring/<mentee>--<mentor>/<what>-<date>`. */
export function isReviewBranch(name: string): boolean {
  const match = BRANCH.exec(name);
  return match !== null && tryParsePairId(match[1]) !== undefined;
}

export async function pendingProposals(root: string, options: PendingOptions = {}): Promise<Proposal[]> {
  const folder = (options.folder ?? DEFAULT_FOLDER).replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '');
  const target = await findMentoringBranch(root, { branch: options.into });
  const remote = target?.remote;
  const targetCommit = target
    ? (await newestTip(root, target)).commit
    : await resolveCommit(root, 'HEAD').catch(() => undefined);
  if (!targetCommit) return [];

  const refs = await listRefs(
    root,
    ['refs/heads/mentoring/', ...(remote ? [`refs/remotes/${remote}/mentoring/`] : [])],
    targetCommit,
  );
  const branches = new Map<string, { ref: (typeof refs)[number]; remoteOnly: boolean }>();
  for (const ref of refs) {
    const local = ref.ref.startsWith('refs/heads/');
    const name = local ? ref.ref.slice('refs/heads/'.length) : ref.ref.slice(`refs/remotes/${remote}/`.length);
    if (!BRANCH.test(name)) continue;
    // A local branch wins over its pushed copy: it is the newer one when they differ.
    if (local || !branches.has(name)) branches.set(name, { ref, remoteOnly: !local });
  }

  const planPath = (pair: string) => `${folder}/pairs/${pair}/plan.yaml`;
  // Each pair folder's plan, listed by its path: listing every file under pairs/ costs a large
  // organisation's repository a quarter of a second, and reading each plan as `<commit>:<path>`
  // makes git read the pairs folder again for every one.
  const pairs = (await listFolderAt(root, targetCommit, `${folder}/pairs`))
    .filter((entry) => entry.type === 'tree')
    .map((entry) => entry.path.slice(`${folder}/pairs/`.length))
    .filter((pair) => tryParsePairId(pair) !== undefined);
  const onTarget: { pair: string; id: string }[] = [];
  for (let at = 0; at < pairs.length; at += PATHS_PER_LISTING) {
    const paths = pairs.slice(at, at + PATHS_PER_LISTING).map(planPath);
    for (const entry of await listTree(root, targetCommit, paths))
      if (entry.type === 'blob') onTarget.push({ pair: entry.path.split('/').at(-2) as string, id: entry.id });
  }
  const entries = [...branches].map(([name, { ref, remoteOnly }]) => ({
    name,
    ref,
    remoteOnly,
    pair: (BRANCH.exec(name) as RegExpExecArray)[1],
  }));
  const declined = await declinedBranches(
    root,
    targetCommit,
    entries.map((entry) => entry.ref.date),
  );
  const candidates = entries.filter((entry) => tryParsePairId(entry.pair) && !declined.has(entry.name));
  const blobs = await readObjects(root, [
    ...candidates.flatMap((entry) => [
      `${entry.ref.commit}:${planPath(entry.pair)}`,
      `${targetCommit}:${planPath(entry.pair)}`,
    ]),
    ...onTarget.map((entry) => entry.id),
  ]);

  const proposals: Proposal[] = [];
  const withBranch = new Set<string>();
  candidates.forEach((entry, i) => {
    const plan = parsePlan(blobs[2 * i]);
    const before = blobs[2 * i + 1];
    if (!plan) return;
    const ids = tryParsePairId(entry.pair) as { mentee: string; mentor: string };
    // A new plan is a relationship proposal, also once the other side has set it active on the branch.
    const proposed = plan.status === 'proposed' || before === undefined;
    if (!proposed && blobs[2 * i]?.equals(before as Buffer)) return; // the plan is not what changed
    withBranch.add(entry.pair);
    proposals.push({
      kind: proposed ? 'relationship' : 'plan-change',
      pair: entry.pair,
      ...ids,
      from: proposed ? proposer(plan, ids) : options.handleOfEmail?.(entry.ref.authorEmail),
      branch: entry.name,
      remoteOnly: entry.remoteOnly,
      commit: entry.ref.commit,
      date: entry.ref.date,
    });
  });
  onTarget.forEach(({ pair }, i) => {
    const ids = tryParsePairId(pair);
    const plan = parsePlan(blobs[2 * candidates.length + i]);
    if (!ids || !plan || plan.status !== 'proposed' || withBranch.has(pair)) return;
    proposals.push({
      kind: 'relationship',
      pair,
      ...ids,
      from: proposer(plan, ids),
      remoteOnly: false,
      commit: targetCommit,
      date: '',
    });
  });
  return proposals.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.pair < b.pair ? -1 : 1));
}

/**
 * Review branches declined on the mentoring branch: the proposer's clone still has its copy of
 * the branch after the other side deleted it. Only the log since the oldest branch is read.
 */
async function declinedBranches(root: string, target: string, dates: string[]): Promise<Set<string>> {
  const times = dates.map((date) => Date.parse(date)).filter((time) => !Number.isNaN(time));
  if (times.length === 0) return new Set();
  const since = new Date(Math.min(...times) - 24 * 3600 * 1000).toISOString();
  const decisions = await readDecisions(root, target, { since }).catch(() => []);
  return new Set(decisions.flatMap((d) => (d.decision === 'declined' && d.branch ? [d.branch] : [])));
}

function proposer(plan: Record<string, unknown>, ids: { mentee: string; mentor: string }): string | undefined {
  if (plan.initiated_by === 'mentee') return ids.mentee;
  if (plan.initiated_by === 'mentor') return ids.mentor;
  if (plan.initiated_by === 'program') return 'program';
  return undefined;
}

function parsePlan(content: Buffer | undefined): Record<string, unknown> | undefined {
  const { data } = parseYamlBlob(content);
  return typeof data === 'object' && data !== null && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : undefined;
}
