// The Program Overview panel's messages (its own webview, apart from the sidebar's) and their
// runtime checks. The panel gets the program report's figures and nothing else: aggregates,
// dates, statuses and handles (type-only imports: the webview bundles this file, never the core).
import type {
  MentorLoad,
  MonthFigures,
  FollowThroughBuckets,
  PairRow,
  PendingRow,
  ProgramTotals,
  UnmatchedMentee,
} from '../core/program/model';
import { isObj, onlyKeys, type Check } from './guards';

/** A pair at risk, its reasons in words (made from the figures: "no session for 31 days …"). */
export interface AtRiskView {
  pair: string;
  reasons: string[];
}

export type { PairRow };

export interface OverviewView {
  status: 'loading' | 'ready' | 'error';
  /** Why there are no figures, when status is 'error'. */
  message?: string;
  /** The program's name and the day the figures are for. */
  name: string | null;
  today: string;
  /** The viewer is not a coordinator (program.yaml lets anyone open the overview). */
  readOnly: boolean;
  totals: ProgramTotals | null;
  pairs: PairRow[];
  atRisk: AtRiskView[];
  pending: PendingRow[];
  unmatchedMentees: UnmatchedMentee[];
  mentors: MentorLoad[];
  months: MonthFigures[];
  followThrough: FollowThroughBuckets;
}

// ---- Webview → extension ----------------------------------------------------------------

/** The panel has loaded its script and wants the figures. */
export interface OverviewReadyCommand {
  type: 'overviewReady';
}
/** Read the figures again (the Refresh button). */
export interface OverviewRefreshCommand {
  type: 'overviewRefresh';
}

export type OverviewCommand = OverviewReadyCommand | OverviewRefreshCommand;

const CHECKS: { [T in OverviewCommand['type']]: Check } = {
  overviewReady: (v) => onlyKeys(v, 'type'),
  overviewRefresh: (v) => onlyKeys(v, 'type'),
};

/** The command when it is one the panel may send, with exactly its fields; otherwise undefined. */
export function parseOverviewMessage(v: unknown): OverviewCommand | undefined {
  if (!isObj(v) || typeof v.type !== 'string' || !Object.hasOwn(CHECKS, v.type)) return undefined;
  return CHECKS[v.type as OverviewCommand['type']](v) ? (v as unknown as OverviewCommand) : undefined;
}

// ---- Extension → webview ----------------------------------------------------------------

export interface DidChangeOverviewNotification {
  type: 'didChangeOverview';
  overview: OverviewView;
}
