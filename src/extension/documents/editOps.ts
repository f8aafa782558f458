// Maps a sidebar edit (protocol `EditOp`) to the core text→text edit functions, and names the
// file kind each edit applies to, so a plan edit can never be aimed at a feedback file.
import * as edit from '../../core/edit';
import type { FileKind } from '../../core/folder/model';
import type { EditOp } from '../../protocol/messages';

export function fileKindFor(op: EditOp): FileKind {
  switch (op.op) {
    case 'addGoal':
    case 'updateGoal':
    case 'completeGoal':
    case 'dropGoal':
    case 'reopenGoal':
    case 'addBenchmark':
    case 'setBenchmarkDone':
    case 'addEvidence':
      return 'plan';
    case 'answerFeedback':
    case 'closeFeedback':
      return 'feedback';
    default:
      return 'session';
  }
}

/** The goal of the pair's plan that `op` names, if it names one. */
export function goalNamedBy(op: EditOp): string | undefined {
  if ('goalId' in op) return op.goalId;
  if (op.op === 'addTopic') return op.goal;
  return undefined;
}

const orUndefined = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);

/** The new text of the file after `op`; throws the core `EditError` when the text does not allow it. */
export function applyEditOp(text: string, op: EditOp, today: string): string {
  switch (op.op) {
    case 'addGoal':
      return edit.addGoal(text, {
        title: op.title.trim(),
        why: orUndefined(op.why),
        mentor_help: orUndefined(op.mentorHelp),
        due: orUndefined(op.due),
      });
    case 'updateGoal': {
      const { mentorHelp, ...rest } = op.changes;
      const changes: edit.GoalChanges = { ...rest };
      if (mentorHelp !== undefined) changes.mentor_help = mentorHelp;
      return edit.updateGoal(text, op.goalId, changes);
    }
    case 'completeGoal':
      return edit.completeGoal(text, op.goalId, today);
    case 'dropGoal':
      return edit.dropGoal(text, op.goalId);
    case 'reopenGoal':
      return edit.reopenGoal(text, op.goalId);
    case 'addBenchmark':
      return edit.addBenchmark(text, op.goalId, op.text.trim());
    case 'setBenchmarkDone':
      return edit.setBenchmarkDone(text, op.goalId, op.index, op.done ? today : null);
    case 'addEvidence':
      return edit.addEvidence(text, op.goalId, op.url.trim());
    case 'addListItem':
      return op.list === 'objectives' ? edit.addObjective(text, op.text.trim()) : edit.addIdea(text, op.text.trim());
    case 'addTopic':
      return edit.addTopic(text, { question: op.question.trim(), goal: op.goal });
    case 'removeItem':
      return edit.removeItem(text, [op.list], op.index);
    case 'addAction':
      return edit.addAction(text, { text: op.text.trim(), owner: op.owner, due: orUndefined(op.due) });
    case 'setActionDone':
      return edit.setActionDone(text, op.list, op.index, op.done);
    case 'setNextSession':
      return edit.setNextSession(text, op.date);
    case 'setText':
      return op.field === 'notes' ? edit.setNotes(text, op.value) : edit.setThanks(text, op.value);
    case 'answerFeedback':
      return edit.answerFeedback(text, op.answer.trim(), today);
    case 'closeFeedback':
      return edit.closeFeedback(text);
  }
}
