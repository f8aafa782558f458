// Decisions are recorded in git, where the other side looks anyway: an accepted proposal is a
// merge commit on the mentoring branch with a `Mentoring-Accepted: <branch>` trailer, a declined
// one a commit (empty unless a proposed plan is set to ended) with `Mentoring-Declined:
// <branch or pair>` and the reason in its body. No file records them: a decline touches no plan,
// and a declined relationship has no folder to hold a record. `readDecisions` reads them back
// (What's new; pending proposals skip declined branches).
import { runGit } from '../git/runner';

export type Decision = 'accepted' | 'declined';

const TRAILER: Record<Decision, string> = { accepted: 'Mentoring-Accepted', declined: 'Mentoring-Declined' };

export interface DecisionRecord {
  decision: Decision;
  pair: string;
  /** The review branch decided on, or undefined for a proposal that was on the mentoring branch. */
  branch?: string;
  reason?: string;
  /** The recording commit, its author's email and date (ISO 8601). */
  commit: string;
  authorEmail: string;
  date: string;
}

/** A decision's commit message: a subject for the log, the reason in full, the trailer last. */
export function decisionMessage(options: {
  decision: Decision;
  pair: string;
  branch?: string;
  /** `ben accepted ana's plan changes`. */
  words: string;
  reason?: string;
  details?: string;
}): string {
  const reason = options.reason?.trim();
  const firstLine = reason?.split(/\r?\n/)[0].trim() ?? '';
  const clipped = firstLine.length > 72 ? `${firstLine.slice(0, 71)}…` : firstLine;
  const subject = `mentoring(${options.pair}): ${options.words}${clipped ? ` — ${clipped}` : ''}`;
  const body = [
    reason && reason !== clipped ? reason : '',
    options.details?.trim() ?? '',
    `${TRAILER[options.decision]}: ${options.branch ?? options.pair}`,
  ].filter(Boolean);
  return `${subject}\n\n${body.join('\n\n')}\n`;
}

/** The decision a commit message records, if any: read from its last paragraph only, so a reason cannot fake one. */
export function parseDecision(message: string): Omit<DecisionRecord, 'commit' | 'authorEmail' | 'date'> | undefined {
  const paragraphs = message
    .replace(/\r\n/g, '\n')
    .trim()
    .split(/\n\s*\n/);
  if (paragraphs.length < 2) return undefined;
  const last = paragraphs[paragraphs.length - 1];
  for (const decision of ['accepted', 'declined'] as const) {
    const match = new RegExp(`^${TRAILER[decision]}: (\\S+)$`, 'm').exec(last);
    if (!match) continue;
    const value = match[1];
    const branch = value.includes('/') ? value : undefined;
    const pair = branch ? value.split('/')[1] : value;
    const subject = paragraphs[0];
    const dash = subject.indexOf(' — ');
    const middle = paragraphs.slice(1, -1).join('\n\n').trim();
    const reason = decision === 'declined' ? middle || (dash === -1 ? '' : subject.slice(dash + 3).trim()) : '';
    return { decision, pair, ...(branch ? { branch } : {}), ...(reason ? { reason } : {}) };
  }
  return undefined;
}

const FIELD = '\x1f';
const RECORD = '\x1e';

/** Decisions recorded on `rev` (a commit id or branch), newest first, optionally only since a date (YYYY-MM-DD or ISO). */
export async function readDecisions(
  root: string,
  rev: string,
  options: { since?: string } = {},
): Promise<DecisionRecord[]> {
  if (!/^[0-9a-f]{40,64}$/.test(rev) && !/^[A-Za-z0-9_./-]+$/.test(rev)) return [];
  if (rev.startsWith('-')) return [];
  const since = options.since && /^[0-9T:+.Z-]+$/.test(options.since) ? [`--since=${options.since}`] : [];
  const out = await runGit(root, [
    'log',
    '--no-color',
    '--extended-regexp',
    '--grep=^Mentoring-(Accepted|Declined): ',
    `--format=%H${FIELD}%ae${FIELD}%aI${FIELD}%B${RECORD}`,
    ...since,
    '--end-of-options',
    rev,
    '--',
  ]);
  const records: DecisionRecord[] = [];
  for (const entry of out.split(RECORD)) {
    const [commit, authorEmail, date, message] = entry.replace(/^\n/, '').split(FIELD);
    if (!message) continue;
    const parsed = parseDecision(message);
    if (parsed) records.push({ ...parsed, commit, authorEmail, date });
  }
  return records;
}
