// What changed between two versions of a pair file, as the relationship's events: a plan's status
// and goals, a session's agenda, notes and actions, a feedback request and its answer.
import type { CommitRecord } from '../git/logParser';
import type { FeedbackFacts, PlanFacts, SessionFacts } from './facts';
import type { EventDetails, HistoryEventKind } from './types';

export type Emit = (kind: HistoryEventKind, details: EventDetails, onceKey?: string) => void;

export function planEvents(old: PlanFacts | undefined, plan: PlanFacts, emit: Emit, pair: string): void {
  if (old?.status !== plan.status && plan.status !== undefined) {
    const previousStatus = old?.status;
    const details = previousStatus === undefined ? { status: plan.status } : { status: plan.status, previousStatus };
    if (plan.status === 'proposed') emit('relationship-proposed', details);
    else if (plan.status === 'active') {
      if (previousStatus === 'proposed') emit('relationship-accepted', details);
      else if (previousStatus === 'paused') emit('relationship-resumed', details);
      else emit('relationship-started', details);
    } else if (plan.status === 'paused') emit('relationship-paused', details);
    else if (plan.status === 'completed' || plan.status === 'ended') emit('relationship-ended', details);
  }
  const before = new Map((old?.goals ?? []).map((goal) => [goal.id, goal]));
  const after = new Set<string>();
  for (const goal of plan.goals) {
    after.add(goal.id);
    const previous = before.get(goal.id);
    if (!previous) {
      emit('goal-added', { goal: goal.id, title: goal.title, status: goal.status });
      continue;
    }
    let statusReported = false;
    if (goal.status !== previous.status && (goal.status === 'done' || goal.status === 'dropped')) {
      emit(goal.status === 'done' ? 'goal-done' : 'goal-dropped', {
        goal: goal.id,
        title: goal.title,
        previousStatus: previous.status,
      });
      statusReported = true;
    }
    const keys = new Set([...Object.keys(goal.fields), ...Object.keys(previous.fields)]);
    const fields = [...keys]
      .filter((key) => goal.fields[key] !== previous.fields[key] && !(statusReported && key === 'status'))
      .sort();
    if (fields.length > 0) emit('goal-changed', { goal: goal.id, title: goal.title, fields, status: goal.status });
    const reachedBefore = new Set(previous.benchmarks.filter((b) => b.done).map((b) => b.text));
    for (const benchmark of goal.benchmarks) {
      if (benchmark.done && !reachedBefore.has(benchmark.text)) {
        emit(
          'benchmark-reached',
          { goal: goal.id, benchmark: benchmark.text, due: benchmark.done },
          `benchmark\0${pair}\0${goal.id}\0${benchmark.text}`,
        );
      }
    }
  }
  for (const [id, goal] of before) {
    if (!after.has(id)) emit('goal-removed', { goal: id, title: goal.title });
  }
}

export function sessionEvents(
  old: SessionFacts | undefined,
  session: SessionFacts,
  emit: Emit,
  pair: string,
  fileName: string,
  commit: CommitRecord,
  fileId: string,
): void {
  const sessionDate = session.date ?? fileName.replace(/\.yaml$/, '');
  if (!old) {
    emit(
      'agenda-prepared',
      {
        sessionDate,
        preparedBy: session.preparedBy,
        committedBeforeSession: commit.committerDate.slice(0, 10) < sessionDate,
      },
      `agenda\0${fileId}`,
    );
  }
  if (session.notes && !old?.notes) emit('notes-written', { sessionDate }, `notes\0${fileId}`);
  const doneBefore = new Set(
    [...(old?.actions ?? []), ...(old?.followUps ?? [])].filter((a) => a.done).map((a) => a.key),
  );
  for (const action of [...session.actions, ...session.followUps]) {
    if (action.done && !doneBefore.has(action.key)) {
      emit(
        'action-done',
        { action: action.text, actionKey: action.key, owner: action.owner, due: action.due, sessionDate },
        `action\0${pair}\0${action.key}`,
      );
    }
  }
}

export function feedbackEvents(
  old: FeedbackFacts | undefined,
  feedback: FeedbackFacts,
  emit: Emit,
  fileId: string,
): void {
  const details = {
    askedBy: feedback.askedBy,
    askedOf: feedback.askedOf,
    asked: feedback.asked,
    feedbackKind: feedback.feedbackKind,
    goal: feedback.goal,
  };
  if (!old) emit('feedback-asked', details, `asked\0${fileId}`);
  if (feedback.answered && !old?.answered)
    emit('feedback-answered', { ...details, status: feedback.status }, `answered\0${fileId}`);
}
