// Accepting and declining proposals, as both faces call them: core/review does the git (merge,
// record, push, delete the review branch); here the plan's text is edited the way every other
// edit is, keeping comments and layout. Accepting a relationship sets `status: active`,
// `accepted_by` and `accepted` (and `started` when the plan has none); a program's match
// becomes active only once both have accepted. A declined relationship that was proposed on the
// mentoring branch itself is set to `status: ended`.
import { setValue } from '../edit';
import { parseYaml } from '../folder/yamlText';
import {
  acceptProposal,
  declineProposal,
  withoutPendingNote,
  type DecideOptions,
  type DecisionResult,
  type PlanAcceptance,
} from '../review';

export type { DecideOptions, DecisionResult };

export function accept(root: string, options: DecideOptions): Promise<DecisionResult> {
  return acceptProposal(root, { ...options, acceptPlan: acceptedPlanText });
}

export function decline(root: string, options: DecideOptions & { reason?: string }): Promise<DecisionResult> {
  return declineProposal(root, { ...options, endPlan: (text) => setValue(text, ['status'], 'ended') });
}

/** A proposed plan's text once accepted by `acceptance.acceptedBy`. */
export function acceptedPlanText(text: string, acceptance: PlanAcceptance): string {
  let plan = setValue(text, ['accepted_by'], acceptance.acceptedBy);
  if (!acceptance.active) return plan;
  plan = setValue(plan, ['status'], 'active');
  plan = setValue(plan, ['accepted'], acceptance.today);
  const data = parseYaml(plan).data as Record<string, unknown> | undefined;
  if (data?.started === undefined || data.started === null) plan = setValue(plan, ['started'], acceptance.today);
  return withoutPendingNote(plan);
}
