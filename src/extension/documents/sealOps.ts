// A sidebar edit that writes the pair's words into a sealed field writes them sealed: the text is
// sealed to the pair's recipients (core/seal) before the edit puts it in the file, so the clear
// text never reaches the disk. Fields that are not sealed, and pairs where someone has no key
// yet, are written as typed. No vscode import: plain Node tests run it.
import { sealText, type SealableField } from '../../core/seal';
import type { EditOp } from '../../protocol/messages';

/** Where the words of a sealed field are going, for the pair of the file edited. */
export interface SealTo {
  fields: readonly SealableField[];
  /** Empty when someone of the pair has no key yet: then nothing is sealed. */
  recipients: readonly string[];
}

/** `op` with the text it writes into sealed fields sealed; the same op when it writes none. */
export async function sealEditOp(op: EditOp, to: SealTo): Promise<EditOp> {
  if (to.recipients.length === 0) return op;
  const seal = async (field: SealableField, value: string | undefined): Promise<string | undefined> =>
    value !== undefined && value.trim() !== '' && to.fields.includes(field)
      ? (await sealText(value.trim(), to.recipients)).trim()
      : value;
  switch (op.op) {
    case 'setText':
      return op.field === 'notes' ? { ...op, value: (await seal('agenda.notes', op.value)) ?? '' } : op;
    case 'addListItem':
      return op.list === 'ideas' ? { ...op, text: (await seal('agenda.ideas', op.text)) ?? '' } : op;
    case 'addTopic':
      return { ...op, question: (await seal('agenda.topics.question', op.question)) ?? '' };
    case 'addAction':
      return { ...op, text: (await seal('agenda.actions.text', op.text)) ?? '' };
    case 'answerFeedback':
      return { ...op, answer: (await seal('feedback.answer', op.answer)) ?? '' };
    case 'addGoal':
      return {
        ...op,
        why: await seal('goal.why', op.why),
        mentorHelp: await seal('goal.mentor_help', op.mentorHelp),
      };
    case 'updateGoal': {
      // Only the keys the edit names: a key present as undefined would read as "clear it".
      const changes = { ...op.changes };
      if (changes.why !== undefined) changes.why = await seal('goal.why', changes.why);
      if (changes.mentorHelp !== undefined) changes.mentorHelp = await seal('goal.mentor_help', changes.mentorHelp);
      return { ...op, changes };
    }
    default:
      return op;
  }
}

/** The question of a new feedback request, sealed when the pair seals feedback questions. */
export async function sealQuestion(question: string, to: SealTo): Promise<string> {
  return to.recipients.length > 0 && to.fields.includes('feedback.question') && question.trim() !== ''
    ? (await sealText(question.trim(), to.recipients)).trim()
    : question;
}
