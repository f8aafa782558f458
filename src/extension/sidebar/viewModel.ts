// Turns the loaded model into what the sidebar shows. It renders only what the access policy
// (core/policy) gives it: the pairs I may see, each as my part in it lets me see it, so nothing
// private reaches the webview.
import { proposedAgendaDate } from '../../core/app/nextSession';
import { ISO_DATE_SOURCE } from '../../shared/dates';
import { summarizePair } from '../../core/health/summary';
import { actionKey, finishedActionKeys } from '../../core/health/actions';
import { pairStateFromModel } from '../../core/health/figures';
import type { Action, Feedback, Goal, LoadedFile, MentoringModel, Problem, Session } from '../../core/folder/model';
import { isCoordinator, mayEdit, visiblePairs, type VisiblePair } from '../../core/policy/access';
import type { PrivateNotes } from '../../core/app/privateNotes';
import { privateNotesView } from './privateNotesView';
import { isWithheld, pairAsSeenBy, problemsSeenBy } from '../../core/policy/redact';
import { containsSealed, pairFiles } from '../../core/seal';
import { isSealed, SEALED_PLACEHOLDER } from '../../shared/sealed';
import { sealingView, unreadableProblem } from './sealingView';
import type {
  ActionView,
  FeedbackView,
  GoalView,
  IdentityView,
  PairSummary,
  PairView,
  PersonView,
  ProblemView,
  SessionView,
  SidebarState,
} from '../../protocol/messages';

export interface ViewInputs {
  model: MentoringModel | undefined;
  loading: boolean;
  trusted: boolean;
  hasWorkspace: boolean;
  folder: string;
  today: string;
  me: IdentityView;
  /** The people of the folder, for "Choose Who I Am". */
  people: PersonView[];
  selectedPairId: string | undefined;
  /** Whether git has the file as it is, saved: nothing to commit. */
  isCommitted: (rel: string) => boolean;
  loadError?: string;
  /** Reads my private notes about a pair (core/app/privateNotes); absent: none are shown. */
  privateNotes?: (pairId: string) => PrivateNotes;
}

function pairSummary({ pair, role }: VisiblePair): PairSummary {
  return { id: pair.id, mentee: pair.mentee, mentor: pair.mentor, role, status: pair.plan?.data?.status };
}

export function buildState(input: ViewInputs): SidebarState {
  const { model, me } = input;
  const viewer = me.kind === 'known' ? me.handle : undefined;
  const visible = visiblePairs(model, viewer);
  const chosen = visible.find((p) => p.pair.id === input.selectedPairId) ?? visible[0];
  return {
    trusted: input.trusted,
    loading: input.loading,
    folder: input.folder,
    folderExists: model?.exists ?? false,
    hasWorkspace: input.hasWorkspace,
    today: input.today,
    me,
    people: input.people,
    isCoordinator: isCoordinator(model, viewer),
    pairs: visible.map(pairSummary),
    pair: chosen ? pairView(chosen, input) : undefined,
    problems: problemsSeenBy(model, viewer).map(problemView),
    loadError: input.loadError,
  };
}

function problemView(p: Problem): ProblemView {
  return { file: p.file, line: p.line, col: p.col, message: p.message, severity: p.severity };
}

const hasErrors = (file: LoadedFile<unknown>) =>
  file.problems.some((p) => p.severity === 'error') || file.data === undefined;

/**
 * The files of a pair that still hold sealed values as loaded (after my keys opened what they
 * could): for its mentee and mentor, sealed text no key of mine opened, shown read-only so nothing
 * is written over it; for a coordinator, files whose words are sealed. The policy's copy of a file
 * reads "(sealed)" instead, so this is judged from the files as loaded.
 */
type SealedFiles = ReadonlySet<string>;

const unreadable = (file: LoadedFile<unknown>, sealed: SealedFiles) => !isWithheld(file) && sealed.has(file.rel);

/** A file's problems, with why it is read-only when it holds sealed text I cannot open. */
const problemsOf = (file: LoadedFile<unknown>, sealed: SealedFiles) =>
  (unreadable(file, sealed) ? [...file.problems, unreadableProblem(file.rel)] : file.problems).map(problemView);

function pairView(visible: VisiblePair, input: ViewInputs): PairView {
  const pair = pairAsSeenBy(visible.pair, visible.role);
  const editable = mayEdit(visible.role);
  const plan = pair.plan?.data;
  const cadenceDays = typeof plan?.agreement?.cadence_days === 'number' ? plan.agreement.cadence_days : undefined;
  const finished = finishedActionKeys(pairStateFromModel(pair).sessions);
  const sealed: SealedFiles = new Set(
    pairFiles(visible.pair)
      .filter((file) => containsSealed(file.data))
      .map((file) => file.rel),
  );
  const sessions = pair.sessions
    .map((file) => sessionView(file, input, editable, finished, sealed))
    .sort((a, b) => b.date.localeCompare(a.date));
  const glance = summarizePair(pair, input.today);
  const nextSession = glance.nextSession ? { date: glance.nextSession, agendaReady: glance.agendaReady } : undefined;
  return {
    ...pairSummary(visible),
    planFile: pair.plan?.rel ?? '',
    planEditable: editable && !!pair.plan && !hasErrors(pair.plan) && !unreadable(pair.plan, sealed),
    cadenceDays,
    goals: (Array.isArray(plan?.goals) ? plan.goals : []).filter(isGoal).map(goalView),
    sessions,
    feedback: pair.feedback
      .map((file) => feedbackView(file, editable, sealed))
      .sort((a, b) => b.file.localeCompare(a.file)),
    proposedAgendaDate: input.model ? proposedAgendaDate(input.model, pair, input.today) : input.today,
    nextSession,
    privateNotes: privateNotesView(pair.id, input.privateNotes),
    sealing: mayEdit(visible.role) && input.model ? sealingView(input.model, visible.pair) : undefined,
  };
}

function isGoal(value: unknown): value is Goal {
  return typeof value === 'object' && value !== null && typeof (value as Goal).id === 'string';
}

/** A text of the file; one still sealed (no key of mine opened it, or it is not mine to open) as the placeholder, never ciphertext. */
function str(value: unknown): string | undefined {
  if (isSealed(value)) return SEALED_PLACEHOLDER;
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function goalView(goal: Goal): GoalView {
  return {
    id: goal.id,
    title: str(goal.title) ?? goal.id,
    why: str(goal.why),
    mentorHelp: str(goal.mentor_help),
    status: goal.status ?? 'planned',
    due: str(goal.due),
    benchmarks: (Array.isArray(goal.benchmarks) ? goal.benchmarks : []).map((b) => ({
      text: str(b?.text) ?? '',
      done: str(b?.done) ?? null,
    })),
    evidence: (Array.isArray(goal.evidence) ? goal.evidence : []).filter((e): e is string => typeof e === 'string'),
  };
}

function actionViews(actions: unknown, finished: ReadonlySet<string>): ActionView[] {
  if (!Array.isArray(actions)) return [];
  return actions.map((a: Partial<Action>) => {
    const text = str(a?.text) ?? '';
    const done = a?.done === true;
    return {
      text,
      owner: str(a?.owner) ?? '',
      due: str(a?.due),
      done,
      finished: done || finished.has(actionKey(str(a?.owner), text)),
    };
  });
}

function strings(list: unknown): string[] {
  return Array.isArray(list) ? list.map((item) => str(item) ?? '') : [];
}

const SESSION_FILE_NAME = new RegExp(`(${ISO_DATE_SOURCE})\\.yaml$`);

function sessionView(
  file: LoadedFile<Session>,
  input: ViewInputs,
  editable: boolean,
  finished: ReadonlySet<string>,
  sealed: SealedFiles,
): SessionView {
  const s: Partial<Session> = file.data ?? {};
  const fromName = SESSION_FILE_NAME.exec(file.rel)?.[1] ?? '';
  return {
    file: file.rel,
    date: str(s.date) ?? fromName,
    editable: editable && !hasErrors(file) && !unreadable(file, sealed),
    withheld: isWithheld(file),
    sealed: isWithheld(file) && sealed.has(file.rel) ? true : undefined,
    problems: problemsOf(file, sealed),
    preparedBy: str(s.prepared_by),
    objectives: strings(s.objectives),
    topics: (Array.isArray(s.topics) ? s.topics : []).map((t) => ({
      question: str(t?.question) ?? '',
      goal: str(t?.goal),
    })),
    ideas: strings(s.ideas),
    followUps: actionViews(s.follow_ups, finished),
    notes: str(s.notes) ?? '',
    actions: actionViews(s.actions, finished),
    nextSession: str(s.next_session) ?? null,
    thanks: str(s.thanks) ?? '',
    committed: input.trusted ? input.isCommitted(file.rel) : undefined,
    unsaved: file.unsaved,
  };
}

function feedbackView(file: LoadedFile<Feedback>, editable: boolean, sealed: SealedFiles): FeedbackView {
  const f: Partial<Feedback> = file.data ?? {};
  const code = f.code && typeof f.code.path === 'string' && Array.isArray(f.code.lines) ? f.code : undefined;
  return {
    file: file.rel,
    editable: editable && !hasErrors(file) && !unreadable(file, sealed),
    withheld: isWithheld(file),
    sealed: isWithheld(file) && sealed.has(file.rel) ? true : undefined,
    problems: problemsOf(file, sealed),
    askedBy: str(f.asked_by) ?? '',
    askedOf: str(f.asked_of) ?? '',
    asked: str(f.asked) ?? '',
    kind: f.kind ?? 'other',
    goal: str(f.goal),
    code: code
      ? {
          ...(typeof code.repository === 'string' ? { repository: code.repository } : {}),
          path: code.path,
          lines: [Number(code.lines[0]) || 1, Number(code.lines[1]) || Number(code.lines[0]) || 1],
          commit: str(code.commit),
        }
      : undefined,
    question: isWithheld(file) ? '' : (str(f.question) ?? (file.data ? '' : '(this file could not be read)')),
    status: f.status ?? 'open',
    answer: str(f.answer) ?? '',
    answered: str(f.answered) ?? null,
  };
}
