// Share: what of a pair's files is not on the mentoring branch yet, said in words, and one action
// that commits exactly those files there (and pushes), whatever branch I am on. Both faces call
// these two functions: the sidebar (and its per-agenda "Commit agenda") and `mentoring share`.
//
// API (plain data in, plain data out):
// - `unsharedChanges(root, { folder, pair?, branch? })`: per pair, the files that differ from the
//   mentoring branch by a change of mine, each with what changed in words, and the commit message.
// - `share(root, { folder, pair, branch?, dryRun?, only?, today?, onStep? })`: commits them to the
//   mentoring branch and pushes; the result says what happened in words and in data (commit,
//   pushed, rebuilt on a moved remote, the review branch a protected branch sent it to, the file
//   that conflicts), with each step taken (also handed to `onStep` as it happens).
import { GitError } from '../git/runner';
import { parsePairId } from '../folder/names';
import {
  findChanges,
  resolveChanges,
  shareScope,
  unpushedFiles,
  type ResolvedChange,
  type Scope,
  type ShareScopeOptions,
} from './shareChanges';
import { conflictResult, publishShare, pushPending, type PublishPlan } from './sharePublish';
import { alreadyInReview, reviewBranchHolding } from './shareReview';
import { sealPairs } from './seal';
import type { ShareResult, ShareSealing, ShareStep, UnsharedFile } from './shareTypes';
import { changeInWords, type Phrase } from './shareWords';
import { localToday } from './today';

export type { ShareResult, ShareSealing, ShareStatus, ShareStep, UnsharedFile } from './shareTypes';

export interface PairUnshared {
  pair: string;
  files: UnsharedFile[];
  /** Every file's words in order: what the sidebar shows under "N changes not shared". */
  words: string[];
  /** The commit message sharing them makes. */
  message: string;
  /** Files of this pair whose change on the local mentoring branch its upstream does not have (a push failed). */
  notPushed: number;
  /** The review branch these changes already wait on (the remote refused the mentoring branch). */
  inReview?: string;
}

export interface Unshared {
  /** The mentoring branch: where Share commits. */
  branch: string;
  /** Pairs with changes not shared or commits not pushed, by pair id. */
  pairs: PairUnshared[];
}

export async function unsharedChanges(root: string, options: ShareScopeOptions): Promise<Unshared> {
  const scope = await shareScope(root, options);
  const changes = await resolveChanges(scope.top, await findChanges(scope, options.pair));
  const notPushed = await unpushedFiles(scope, options.pair);
  const pairs = new Map<string, PairUnshared>();
  const entry = (pair: string): PairUnshared => {
    let found = pairs.get(pair);
    if (!found) pairs.set(pair, (found = { pair, files: [], words: [], message: '', notPushed: 0 }));
    return found;
  };
  const phrases = new Map<string, Phrase[]>();
  for (const change of changes) {
    const described = describe(scope, change);
    entry(change.file.pair).files.push(described.file);
    phrases.set(change.file.pair, [...(phrases.get(change.file.pair) ?? []), ...described.phrases]);
  }
  for (const [pair, count] of notPushed) entry(pair).notPushed = count;
  for (const unshared of pairs.values()) {
    const own = changes.filter((change) => change.file.pair === unshared.pair);
    const inReview = await reviewBranchHolding(scope.top, unshared.pair, own);
    if (inReview) unshared.inReview = inReview;
    const said = phrases.get(unshared.pair) ?? [];
    unshared.words = said.map((p) => p.done);
    unshared.message = said.length > 0 ? shareMessage(unshared.pair, said) : '';
  }
  return { branch: scope.mentoring.branch, pairs: [...pairs.values()].sort((a, b) => a.pair.localeCompare(b.pair)) };
}

export interface ShareOptions extends ShareScopeOptions {
  pair: string;
  /** Say what would be committed; change nothing. */
  dryRun?: boolean;
  /** Only these of the pair's files (relative to the root): the per-agenda "Commit agenda". */
  only?: string[];
  /** YYYY-MM-DD for a review branch's name (default: today here). */
  today?: string;
  /** Each step as it is taken (the result lists them too). */
  onStep?: (step: ShareStep) => void;
  /** My identities (age secret keys): values sealed to older recipients are re-sealed with them (core/app/seal.ts). */
  identities?: readonly string[];
}

export async function share(root: string, options: ShareOptions): Promise<ShareResult> {
  parsePairId(options.pair);
  const scope = await shareScope(root, options);
  const { mentoring } = scope;
  if (!options.dryRun && mentoring.worktree !== undefined && mentoring.worktree !== scope.top) {
    throw new GitError(
      `${mentoring.branch} is checked out in another worktree (${mentoring.worktree}): share from there`,
    );
  }
  const sealing = options.dryRun ? undefined : await sealBeforeSharing(root, options);
  let found = await findChanges(scope, options.pair);
  if (options.only) {
    const wanted = new Set(options.only.map((path) => `${scope.rootPrefix}${path.replace(/\\/g, '/')}`));
    found = found.filter((change) => wanted.has(change.path));
  }
  const changes = await resolveChanges(scope.top, found);
  const result: ShareResult = {
    pair: options.pair,
    status: 'nothing',
    summary: '',
    branch: mentoring.branch,
    message: '',
    files: [],
    remote: mentoring.upstream?.remote,
    pushed: false,
    rebuilt: false,
    steps: [],
    ...(sealing ? { sealing } : {}),
  };
  const sealStep = sealing && sealingStep(sealing);
  if (sealStep) {
    result.steps.push(sealStep);
    options.onStep?.(sealStep);
  }
  if (changes.length === 0) {
    const pending = (await unpushedFiles(scope, options.pair)).get(options.pair) ?? 0;
    if (pending > 0 && !options.dryRun && !options.only) return pushPending(scope, result, pending, options.onStep);
    result.summary = `Nothing to share for ${options.pair}: ${options.only ? 'that file is' : 'its files are'} as on ${mentoring.branch}.`;
    return result;
  }
  const phrases: Phrase[] = [];
  for (const change of changes) {
    const described = describe(scope, change);
    if (described.file.problem) throw new GitError(`${described.file.problem}. Fix it first; nothing was shared.`);
    result.files.push(described.file);
    phrases.push(...described.phrases);
  }
  result.message = shareMessage(options.pair, phrases);
  const conflict = changes.find((change) => change.conflict);
  if (conflict) return conflictResult(result, conflict.path.slice(scope.rootPrefix.length), mentoring.branch);
  const inReview = await reviewBranchHolding(scope.top, options.pair, changes);
  if (inReview) return alreadyInReview(scope, result, inReview);
  const plan: PublishPlan = {
    scope,
    changes: changes.map(({ path, tip, shared }) => ({ path, tip, shared })),
    message: result.message,
    pair: options.pair,
    today: options.today ?? localToday(),
    dryRun: options.dryRun === true,
  };
  return publishShare(plan, result, options.onStep);
}

async function sealBeforeSharing(root: string, options: ShareOptions): Promise<ShareSealing> {
  const [pair] = await sealPairs(root, {
    folder: options.folder,
    pair: options.pair,
    identities: options.identities,
    only: options.only?.map((path) => path.replace(/\\/g, '/')),
  });
  const count = (key: 'sealed' | 'resealed' | 'unopened') =>
    (pair?.files ?? []).reduce((sum, file) => sum + file[key], 0);
  return {
    sealed: count('sealed'),
    resealed: count('resealed'),
    unopened: count('unopened'),
    withoutKey: pair?.withoutKey ?? [],
  };
}

function sealingStep(sealing: ShareSealing): ShareStep | undefined {
  const said: string[] = [];
  const values = (n: number) => `${n} value${n === 1 ? '' : 's'}`;
  if (sealing.sealed > 0) said.push(`sealed ${values(sealing.sealed)} to the pair's keys`);
  if (sealing.resealed > 0) said.push(`sealed ${values(sealing.resealed)} again to the pair's new keys`);
  if (sealing.unopened > 0)
    said.push(
      `${values(sealing.unopened)} sealed to older keys that mine do not open (the other person's Share re-seals them)`,
    );
  if (said.length === 0) return undefined;
  const text = said.join('; ');
  return { step: 'seal', text: `${text[0].toUpperCase()}${text.slice(1)}.` };
}

/** `mentoring(ana--ben): ask ben for feedback on retry policy; complete goal system-design` */
export function shareMessage(pair: string, phrases: Phrase[]): string {
  const said = [...new Set(phrases.map((p) => p.todo))];
  const subject = `mentoring(${pair}): ${said.join('; ')}`;
  if (said.length <= 3 && subject.length <= 100) return subject;
  // A long list goes into the body: the subject stays one readable line.
  const head = `mentoring(${pair}): ${said.slice(0, 2).join('; ')}; and ${said.length - 2} more`;
  return `${head}\n\n${said.map((line) => `- ${line}`).join('\n')}\n`;
}

/** What sharing a change adds to the mentoring branch, in words; my change as I made it where it conflicts. */
function describe(scope: Scope, change: ResolvedChange): { file: UnsharedFile; phrases: Phrase[] } {
  const words = change.conflict
    ? changeInWords(change.file, change.conflict.before, change.conflict.ours)
    : changeInWords(change.file, change.tip, change.shared);
  const problem = change.problem ?? words.problem;
  return {
    file: {
      path: change.path.slice(scope.rootPrefix.length),
      change: change.change,
      words: words.phrases.map((p) => p.done),
      ...(problem ? { problem } : {}),
      ...(change.conflict ? { conflicts: true } : {}),
    },
    phrases: words.phrases,
  };
}
