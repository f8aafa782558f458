// What a viewer is given of a pair, before anything renders it. Dates, statuses, ids and flags
// stay clear (SPEC, Confidentiality); the pair's words do not reach a coordinator: agenda texts,
// questions, ideas, notes, actions, thanks, what a feedback request asks and answers, the
// agreement's own words, and each file's raw text and problems (a problem can quote the file).
// A file given without its words says so (`withheld`): it is private, not broken. A sealed value
// still sealed reads "(sealed)" for everyone (sealed.ts): ciphertext is never given.
import type { Feedback, Handle, LoadedFile, MentoringModel, PairModel, Plan, Problem, Session } from '../folder/model';
import { toRel } from '../folder/paths';
import { accessTo, mayReadPrivate, type PairRole } from './access';
import { pairWithoutCiphertext, withoutCiphertext } from './sealed';

/** A file as a viewer is given it: `withheld` when the policy kept its words from them (its problems too). */
export type SeenFile<T> = LoadedFile<T> & { withheld?: true };

export interface SeenPair extends PairModel {
  plan?: SeenFile<Plan>;
  sessions: SeenFile<Session>[];
  feedback: SeenFile<Feedback>[];
}

/** Whether the policy withheld the file's words from the viewer it was given to (as opposed to a file with problems). */
export function isWithheld(file: LoadedFile<unknown>): boolean {
  return (file as SeenFile<unknown>).withheld === true;
}

/** A pair I may see (access.ts: `visiblePairs`) as my part in it lets me: whole for its mentee and mentor, redacted for a coordinator. */
export function pairAsSeenBy(pair: PairModel, role: PairRole): SeenPair {
  if (mayReadPrivate(role)) return pairWithoutCiphertext(pair);
  return {
    id: pair.id,
    mentee: pair.mentee,
    mentor: pair.mentor,
    dir: pair.dir,
    plan: pair.plan && withoutText(pair.plan, pair.plan.data && planFacts(pair.plan.data)),
    sessions: pair.sessions.map((file) => withoutText(file, file.data && sessionDates(file.data))),
    // That a request exists, who asked whom, when and its status are dates and flags, so the
    // Feedback section and health's "open feedback" count the same; what it asks is withheld.
    feedback: pair.feedback.map((file) => withoutText(file, file.data && feedbackDates(file.data))),
  };
}

/** The folder's problems `viewer` is shown: those outside pairs, and those of the pairs whose words they may read. */
export function problemsSeenBy(model: MentoringModel | undefined, viewer: Handle | undefined): Problem[] {
  if (!model || model.problems.length === 0) return []; // no pair folder to list for nothing to hide
  const hidden = model.pairs
    .filter((pair) => !mayReadPrivate(accessTo(model, pair, viewer)))
    .map((pair) => toRel(model.root, pair.dir));
  return model.problems.filter((p) => !hidden.some((dir) => p.file === dir || p.file.startsWith(`${dir}/`)));
}

function withoutText<T>(file: LoadedFile<T>, data: T | undefined): SeenFile<T> {
  return { kind: file.kind, path: file.path, rel: file.rel, data, problems: [], withheld: true };
}

function feedbackDates(request: Feedback): Feedback {
  const { asked_by, asked_of, asked, status, answered } = request;
  return { asked_by, asked_of, asked, status, answered } as Feedback;
}

function sessionDates(session: Session): Session {
  return { date: session.date, prepared_by: session.prepared_by, next_session: session.next_session };
}

/** The relationship and its goals (what a coordinator follows progress by); not the agreement's words. */
function planFacts(plan: Plan): Plan {
  const { mentee, mentor, initiated_by, status, started, ends, driver, goals, agreement } = plan;
  return {
    mentee,
    mentor,
    initiated_by,
    status,
    started,
    ends,
    driver,
    goals: withoutCiphertext(goals),
    agreement: agreement && {
      cadence_days: agreement.cadence_days,
      session_minutes: agreement.session_minutes,
      channel: agreement.channel,
    },
  };
}
