// The sidebar's Proposals section: relationships and plan changes waiting for review, the
// commands that load and review them, and their runtime checks. A proposal is the core's
// (type-only import: the webview bundles this file, never the core's code).
import type { IsoDate } from '../core/folder/model';
import type { Proposal } from '../core/review/proposal';
import { isStr, onlyKeys, type Check } from './guards';

/** A review branch: `mentoring/<mentee>--<mentor>/<what>-<date>`, names as names.ts allows them. */
export const REVIEW_BRANCH = /^mentoring\/[a-z0-9]+(-[a-z0-9]+)*--[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/;

/** `branch` is absent for a proposed plan already on the default branch. */
export interface ProposalView extends Pick<Proposal, 'kind' | 'pair' | 'mentee' | 'mentor' | 'from' | 'branch'> {
  /** The proposal's commit day, when known. */
  date?: IsoDate;
  /** For one waiting for my decision: its title in my words ("Ana asks you for mentoring"). */
  title?: string;
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

// ---- Webview → extension ----------------------------------------------------------------

/** Load (or bring up to date) the pending proposals: sent when the Proposals section is shown. */
export interface LoadProposalsCommand {
  type: 'loadProposals';
}
/** Show the semantic summary of a proposal's review branch against the default branch. */
export interface ReviewProposalCommand {
  type: 'reviewProposal';
  branch: string;
}

export type ReviewCommand = LoadProposalsCommand | ReviewProposalCommand;

export const REVIEW_CHECKS: { [T in ReviewCommand['type']]: Check } = {
  loadProposals: (v) => onlyKeys(v, 'type'),
  reviewProposal: (v) => onlyKeys(v, 'type', 'branch') && isStr(v.branch, 200) && REVIEW_BRANCH.test(v.branch),
};

// ---- Extension → webview ----------------------------------------------------------------

export interface DidChangeProposalsNotification {
  type: 'didChangeProposals';
  proposals: ProposalsView;
}
