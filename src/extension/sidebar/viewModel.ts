// Turns the loaded model into what the sidebar shows: plain data for the chosen pair only,
// so nothing private to other pairs ever reaches the webview.
import { addDays, ISO_DATE_SOURCE } from '../../shared/dates';
import { summarizePair } from '../../core/health/summary';
import type {
  Action,
  Feedback,
  Goal,
  LoadedFile,
  MentoringModel,
  PairModel,
  Problem,
  Session,
} from '../../core/folder/model';
import type {
  ActionView,
  FeedbackView,
  GoalView,
  IdentityView,
  PairSummary,
  PairView,
  ProblemView,
  SessionView,
  SidebarState,
} from '../../protocol/messages';
import { knownPeople } from '../state/identity';

export interface ViewInputs {
  model: MentoringModel | undefined;
  loading: boolean;
  trusted: boolean;
  hasWorkspace: boolean;
  folder: string;
  today: string;
  me: IdentityView;
  selectedPairId: string | undefined;
  /** Whether git has the file as it is, saved: nothing to commit. */
  isCommitted: (rel: string) => boolean;
  loadError?: string;
}

export function isCoordinator(model: MentoringModel | undefined, me: IdentityView): boolean {
  const coordinators = model?.program?.data?.coordinators;
  return me.kind === 'known' && Array.isArray(coordinators) && coordinators.includes(me.handle);
}

/** The pairs I am part of, as mentee or mentor; a coordinator sees every pair. */
export function myPairs(model: MentoringModel | undefined, me: IdentityView): PairSummary[] {
  if (!model || me.kind !== 'known') return [];
  const coordinator = isCoordinator(model, me);
  const pairs: PairSummary[] = [];
  for (const pair of model.pairs) {
    const role =
      pair.mentee === me.handle
        ? 'mentee'
        : pair.mentor === me.handle
          ? 'mentor'
          : coordinator
            ? 'coordinator'
            : undefined;
    if (role)
      pairs.push({ id: pair.id, mentee: pair.mentee, mentor: pair.mentor, role, status: pair.plan?.data?.status });
  }
  const order = { mentee: 0, mentor: 1, coordinator: 2 };
  return pairs.sort((a, b) => order[a.role] - order[b.role] || a.id.localeCompare(b.id));
}

export function buildState(input: ViewInputs): SidebarState {
  const { model, me } = input;
  const pairs = myPairs(model, me);
  const summary = pairs.find((p) => p.id === input.selectedPairId) ?? pairs[0];
  const pairModel = summary ? model?.pairs.find((p) => p.id === summary.id) : undefined;
  return {
    trusted: input.trusted,
    loading: input.loading,
    folder: input.folder,
    folderExists: model?.exists ?? false,
    hasWorkspace: input.hasWorkspace,
    today: input.today,
    me,
    people: knownPeople(model).map((p) => ({ handle: p.handle, name: p.name })),
    isCoordinator: isCoordinator(model, me),
    pairs,
    pair: summary && pairModel ? pairView(summary, pairModel, input) : undefined,
    problems: (model?.problems ?? []).map(problemView),
    loadError: input.loadError,
  };
}

function problemView(p: Problem): ProblemView {
  return { file: p.file, line: p.line, col: p.col, message: p.message, severity: p.severity };
}

const hasErrors = (file: LoadedFile<unknown>) =>
  file.problems.some((p) => p.severity === 'error') || file.data === undefined;

function pairView(summary: PairSummary, pair: PairModel, input: ViewInputs): PairView {
  const plan = pair.plan?.data;
  const cadenceDays = typeof plan?.agreement?.cadence_days === 'number' ? plan.agreement.cadence_days : undefined;
  const sessions = pair.sessions.map((file) => sessionView(file, input)).sort((a, b) => b.date.localeCompare(a.date));
  const glance = summarizePair(pair, input.today);
  const nextSession = glance.nextSession ? { date: glance.nextSession, agendaReady: glance.agendaReady } : undefined;
  if (summary.role === 'coordinator') {
    // What stays between the pair is not shown to a coordinator: goals and dates only.
    for (const session of sessions) Object.assign(session, PRIVATE_SESSION_FIELDS);
  }
  return {
    ...summary,
    planFile: pair.plan?.rel ?? '',
    planEditable: !!pair.plan && !hasErrors(pair.plan),
    cadenceDays,
    goals: (Array.isArray(plan?.goals) ? plan.goals : []).filter(isGoal).map(goalView),
    sessions,
    feedback:
      summary.role === 'coordinator'
        ? []
        : pair.feedback.map(feedbackView).sort((a, b) => b.file.localeCompare(a.file)),
    proposedAgendaDate: proposedDate(nextSession, sessions, input.today, cadenceDays),
    nextSession,
  };
}

const PRIVATE_SESSION_FIELDS: Partial<SessionView> = {
  editable: false,
  objectives: [],
  topics: [],
  ideas: [],
  followUps: [],
  notes: '',
  actions: [],
  thanks: '',
};

/** The date "Prepare agenda" proposes: the agreed next session, else the one after a prepared agenda, else today. */
function proposedDate(
  next: { date: string; agendaReady: boolean } | undefined,
  sessions: SessionView[],
  today: string,
  cadence?: number,
): string {
  if (!next) return today;
  if (!next.agendaReady) return next.date;
  const agreed = sessions.find((s) => s.date === next.date)?.nextSession;
  if (agreed && agreed > next.date) return agreed;
  return addDays(next.date, cadence ?? 1);
}

function isGoal(value: unknown): value is Goal {
  return typeof value === 'object' && value !== null && typeof (value as Goal).id === 'string';
}

function str(value: unknown): string | undefined {
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

function actionViews(actions: unknown): ActionView[] {
  if (!Array.isArray(actions)) return [];
  return actions.map((a: Partial<Action>) => ({
    text: str(a?.text) ?? '',
    owner: str(a?.owner) ?? '',
    due: str(a?.due),
    done: a?.done === true,
  }));
}

function strings(list: unknown): string[] {
  return Array.isArray(list) ? list.map((item) => str(item) ?? '') : [];
}

const SESSION_FILE_NAME = new RegExp(`(${ISO_DATE_SOURCE})\\.yaml$`);

function sessionView(file: LoadedFile<Session>, input: ViewInputs): SessionView {
  const s: Partial<Session> = file.data ?? {};
  const fromName = SESSION_FILE_NAME.exec(file.rel)?.[1] ?? '';
  return {
    file: file.rel,
    date: str(s.date) ?? fromName,
    editable: !hasErrors(file),
    problems: file.problems.map(problemView),
    preparedBy: str(s.prepared_by),
    objectives: strings(s.objectives),
    topics: (Array.isArray(s.topics) ? s.topics : []).map((t) => ({
      question: str(t?.question) ?? '',
      goal: str(t?.goal),
    })),
    ideas: strings(s.ideas),
    followUps: actionViews(s.follow_ups),
    notes: str(s.notes) ?? '',
    actions: actionViews(s.actions),
    nextSession: str(s.next_session) ?? null,
    thanks: str(s.thanks) ?? '',
    committed: input.trusted ? input.isCommitted(file.rel) : undefined,
  };
}

function feedbackView(file: LoadedFile<Feedback>): FeedbackView {
  const f: Partial<Feedback> = file.data ?? {};
  const code = f.code && typeof f.code.path === 'string' && Array.isArray(f.code.lines) ? f.code : undefined;
  return {
    file: file.rel,
    editable: !hasErrors(file),
    problems: file.problems.map(problemView),
    askedBy: str(f.asked_by) ?? '',
    askedOf: str(f.asked_of) ?? '',
    asked: str(f.asked) ?? '',
    kind: f.kind ?? 'other',
    goal: str(f.goal),
    code: code
      ? {
          path: code.path,
          lines: [Number(code.lines[0]) || 1, Number(code.lines[1]) || Number(code.lines[0]) || 1],
          commit: str(code.commit),
        }
      : undefined,
    question: str(f.question) ?? (file.data ? '' : '(this file could not be read)'),
    status: f.status ?? 'open',
    answer: str(f.answer) ?? '',
    answered: str(f.answered) ?? null,
  };
}
