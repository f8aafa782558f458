// A pair's action items across its agendas, each once: an action agreed in one session and
// carried over as a follow-up of later agendas is the same action (same owner and text). What
// follow-through counts, and what decides that a finished action is never shown as overdue.
import { actionKey } from '../history/facts';
import type { SessionFacts } from '../history/facts';

export interface PairAction {
  /** Owner and normalised text (`actionKey`). */
  key: string;
  /** The session it was agreed in: the first agenda that lists it under `actions`. */
  session: string;
  due?: string;
  /**
   * The day it should be done by: its `due`; without one, the next session after the one it was
   * agreed in (the date of the next agenda, else that session's `next_session`); undefined while
   * neither is known.
   */
  deadline?: string;
  /** `done: true` on any copy of it (its own agenda or a later agenda's follow-ups). */
  finished: boolean;
}

type DatedSession = Pick<SessionFacts, 'actions' | 'followUps' | 'nextSession'> & { sessionDate: string };

/** Every action agreed in the pair's sessions (sorted oldest first), by key. */
export function pairActions(sessions: readonly DatedSession[]): Map<string, PairAction> {
  const actions = new Map<string, PairAction>();
  const finished = finishedActionKeys(sessions);
  sessions.forEach((session, index) => {
    const later = sessions.slice(index + 1).find((next) => next.sessionDate > session.sessionDate)?.sessionDate;
    for (const action of session.actions) {
      const known = actions.get(action.key);
      if (known) {
        if (known.due === undefined && action.due !== undefined) known.deadline = known.due = action.due;
        continue;
      }
      actions.set(action.key, {
        key: action.key,
        session: session.sessionDate,
        due: action.due,
        deadline: action.due ?? later ?? session.nextSession,
        finished: false,
      });
    }
  });
  for (const action of actions.values()) action.finished = finished.has(action.key);
  return actions;
}

/** Keys of the actions done on any copy: a finished action is never overdue, wherever an older copy shows it open. */
export function finishedActionKeys(sessions: readonly Pick<SessionFacts, 'actions' | 'followUps'>[]): Set<string> {
  const keys = new Set<string>();
  for (const session of sessions)
    for (const action of [...session.actions, ...session.followUps]) if (action.done) keys.add(action.key);
  return keys;
}

export { actionKey };
