// Preparing a session's agenda, decided once for `mentoring agenda` and the sidebar: which file,
// with what text, carrying over what. Each face writes the file its own way (the CLI with node
// fs, the extension through a WorkspaceEdit), and each refuses to overwrite.
import { lineEndingFor, withLineEnding } from '../fs';
import { isIsoDate } from '../../shared/dates';
import { newAgendaText, openItems } from '../edit';
import type { Action, LoadedFile, MentoringModel, PairModel } from '../folder/model';
import { sessionPath, toRel } from '../folder/paths';
import { cadenceDays, proposedAgendaDate, sessionDate } from './nextSession';

/** Why no agenda was prepared, said so that the user knows what to do. */
export class AgendaRefused extends Error {
  override name = 'AgendaRefused';
}

export interface AgendaRequest {
  model: MentoringModel;
  pairId: string;
  /** Who prepares it; a member of the pair signs it, anyone else (or nobody known) leaves it to the mentee. */
  preparedBy: string | undefined;
  /** The session's date; by default `proposedAgendaDate`. */
  date?: string;
  today: string;
}

export interface PreparedAgenda {
  pair: PairModel;
  date: string;
  /** Absolute path of the new file. */
  path: string;
  /** The same, relative to the root, with '/'. */
  rel: string;
  text: string;
  preparedBy: string;
  /** The previous session's open actions and follow-ups, now this agenda's `follow_ups`. */
  carriedOver: Action[];
}

export function prepareAgenda(request: AgendaRequest): PreparedAgenda {
  const { model, pairId } = request;
  const pair = model.pairs.find((p) => p.id === pairId);
  if (!pair) throw new AgendaRefused(`There is no pair ${pairId} in ${toRel(model.root, model.folder)}/pairs/.`);
  // The plan holds the agreed cadence, from which the agenda proposes the next session.
  if (!pair.plan) throw new AgendaRefused(`The pair ${pairId} has no plan.yaml; write the plan first.`);
  refuseBroken(pair.plan, `The plan of ${pairId} has errors; fix them first`);
  const date = request.date ?? proposedAgendaDate(model, pair, request.today);
  if (!isIsoDate(date)) throw new AgendaRefused(`"${date}" is not a real date as YYYY-MM-DD.`);
  const path = sessionPath(model.folder, pair.id, date);
  const rel = toRel(model.root, path);
  if (pair.sessions.some((file) => sessionDate(file) === date))
    throw new AgendaRefused(
      `${rel} already exists: the agenda for ${date} is prepared; open it, or pick another date.`,
    );
  const previous = pair.sessions.filter((file) => sessionDate(file) < date).pop();
  if (previous)
    refuseBroken(
      previous,
      `The previous agenda ${previous.rel} has errors, so its open actions cannot be carried over; fix it first`,
    );
  const { mentee, mentor } = pair;
  const preparedBy = request.preparedBy === mentor ? mentor : mentee;
  const fresh = newAgendaText({ date, preparedBy, previous: previous?.data, cadenceDays: cadenceDays(model, pair) });
  // A folder kept in CRLF gets a CRLF agenda, not one file that differs from all the others.
  const text = withLineEnding(fresh, lineEndingFor(model.root, path));
  return { pair, date, path, rel, text, preparedBy, carriedOver: openItems(previous?.data) };
}

function refuseBroken(file: LoadedFile<unknown>, what: string): void {
  const error = file.problems.find((p) => p.severity === 'error');
  if (error) throw new AgendaRefused(`${what} (${error.file}:${error.line}:${error.col}: ${error.message}).`);
  if (file.data === undefined) throw new AgendaRefused(`${what} (${file.rel} could not be read).`);
}
