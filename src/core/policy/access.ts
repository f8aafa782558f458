// Who may see and edit what. A pair's mentee and mentor see and edit everything of their pair;
// a coordinator of the program sees every pair, read-only and without what stays between the
// pair (redact.ts says what that is); anyone else sees nothing of a pair. The sidebar and the
// commands ask here, never a rendered view.
import type { Handle, LoadedFile, MentoringModel, PairModel } from '../folder/model';
import { tryParsePairId } from '../folder/names';
import { toRel } from '../folder/paths';

/** A person's part toward a pair they may see. */
export type PairRole = 'mentee' | 'mentor' | 'coordinator';

/** A person's part toward any pair: 'none' sees nothing of it. */
export type Access = PairRole | 'none';

export interface VisiblePair {
  pair: PairModel;
  role: PairRole;
}

/** Whether `viewer` is one of `program.yaml`'s coordinators. */
export function isCoordinator(model: MentoringModel | undefined, viewer: Handle | undefined): boolean {
  const coordinators = model?.program?.data?.coordinators;
  return viewer !== undefined && Array.isArray(coordinators) && coordinators.includes(viewer);
}

/** My part in a pair: its mentee or mentor first, else coordinator when I coordinate the program. */
export function accessTo(model: MentoringModel | undefined, pair: PairModel, viewer: Handle | undefined): Access {
  if (viewer === undefined) return 'none';
  if (pair.mentee === viewer) return 'mentee';
  if (pair.mentor === viewer) return 'mentor';
  return isCoordinator(model, viewer) ? 'coordinator' : 'none';
}

const ORDER: Record<PairRole, number> = { mentee: 0, mentor: 1, coordinator: 2 };

/** The pairs `viewer` may see: as mentee, then as mentor, then those seen as coordinator; by id within each. */
export function visiblePairs(model: MentoringModel | undefined, viewer: Handle | undefined): VisiblePair[] {
  const visible: VisiblePair[] = [];
  for (const pair of model?.pairs ?? []) {
    const role = accessTo(model, pair, viewer);
    if (role !== 'none') visible.push({ pair, role });
  }
  return visible.sort((a, b) => ORDER[a.role] - ORDER[b.role] || a.pair.id.localeCompare(b.pair.id));
}

/** One pair `viewer` may see, with their part in it; undefined for a pair they may not see or that is not there. */
export function visiblePair(
  model: MentoringModel | undefined,
  viewer: Handle | undefined,
  pairId: string | undefined,
): VisiblePair | undefined {
  const pair = model?.pairs.find((p) => p.id === pairId);
  const role = pair ? accessTo(model, pair, viewer) : 'none';
  return pair && role !== 'none' ? { pair, role } : undefined;
}

/** Whether what stays between the pair (agenda texts, questions, ideas, notes, actions, thanks, feedback) may be read. */
export function mayReadPrivate(access: Access): boolean {
  return access === 'mentee' || access === 'mentor';
}

/** Whether the pair's files (plan, agendas, feedback requests) may be changed: only by its mentee and mentor. */
export function mayEdit(access: Access): boolean {
  return access === 'mentee' || access === 'mentor';
}

/** An ended relationship's folder stays as the record: the sidebar changes none of its files. */
export function hasEnded(pair: PairModel | undefined): boolean {
  return pair?.plan?.data?.status === 'ended';
}

/** The pair a plan, agenda or feedback file belongs to, by its path relative to the root. */
export function pairFileAt(
  model: MentoringModel | undefined,
  rel: string,
): { pair: PairModel; file: LoadedFile<unknown> } | undefined {
  for (const pair of model?.pairs ?? []) {
    const files: LoadedFile<unknown>[] = [...(pair.plan ? [pair.plan] : []), ...pair.sessions, ...pair.feedback];
    const file = files.find((f) => f.rel === rel);
    if (file) return { pair, file };
  }
  return undefined;
}

/** Whom `asker` asks when they ask for feedback in `pair`: the other side; undefined when they are not part of it. */
export function feedbackGiverFor(pair: PairModel, asker: Handle): Handle | undefined {
  if (asker === pair.mentee) return pair.mentor;
  if (asker === pair.mentor) return pair.mentee;
  return undefined;
}

/**
 * Whether `viewer` may open the Program Overview: the program's coordinators, and anyone when
 * program.yaml says `overview: { open: true }`. Its figures are aggregates and dates only either
 * way (core/app/programReport.ts builds them field by field from the health figures).
 */
export function mayViewProgram(model: MentoringModel | undefined, viewer: Handle | undefined): boolean {
  if (isCoordinator(model, viewer)) return true;
  const overview = model?.program?.data?.overview;
  return viewer !== undefined && typeof overview === 'object' && overview !== null && 'open' in overview
    ? overview.open === true
    : false;
}

/**
 * Whether `viewer` may open the file at `abs` (absolute) in an editor from the sidebar: what lies
 * in the mentoring folder outside `pairs/`, and a pair's files only for its mentee and mentor.
 * The pair's words a coordinator is not given (redact.ts) must not open either, whatever the
 * webview asks: the extension asks here before it opens anything. Names are compared without
 * case, as a case-insensitive file system would find them.
 */
export function mayOpenFile(model: MentoringModel | undefined, viewer: Handle | undefined, abs: string): boolean {
  if (!model) return false;
  const parts = toRel(model.folder, abs).split('/');
  if (parts[0] === '..' || parts[0] === '') return false;
  if (parts[0].toLowerCase() !== 'pairs' || parts.length < 2) return true;
  const id = parts[1].toLowerCase();
  const pair = model.pairs.find((p) => p.id === id);
  if (pair) return mayReadPrivate(accessTo(model, pair, viewer));
  // A pair folder the model has no pair for (no plan yet): its members by its name.
  const named = tryParsePairId(id);
  return named !== undefined && viewer !== undefined && (named.mentee === viewer || named.mentor === viewer);
}
