// What the pair's mentee and mentor are told about its sealed fields: which they are, who has no
// key yet (so they are stored in clear until then), and how many values no key of this machine
// opened. The values themselves reach the view already opened (Controller.readableModel); one
// still sealed is shown as the core's placeholder, never as ciphertext.
import type { MentoringModel, PairModel, Problem } from '../../core/folder/model';
import { pairFiles, pairRecipients, sealedFieldsFor, type SealableField } from '../../core/seal';
import { containsSealed } from '../../core/seal';
import { knownPeople } from '../../core/folder/people';
import type { SealingView } from '../../protocol/messages';

/** The sealed fields in the words the sidebar uses. */
const FIELD_WORDS: Record<SealableField, string> = {
  'agenda.notes': 'notes',
  'agenda.topics.question': 'questions',
  'agenda.ideas': 'ideas',
  'agenda.actions.text': 'actions',
  'feedback.question': 'feedback questions',
  'feedback.answer': 'feedback answers',
  'goal.why': 'why each goal matters',
  'goal.mentor_help': 'what each goal needs from the mentor',
};

export function sealingView(model: MentoringModel, pair: PairModel): SealingView {
  const people = knownPeople(model);
  const { withoutKey } = pairRecipients(model, pair.id);
  return {
    fields: sealedFieldsFor(model, pair.id).map((field) => FIELD_WORDS[field]),
    withoutKey: withoutKey.map((handle) => ({
      handle,
      name: people.find((p) => p.handle === handle)?.name || handle,
    })),
    unreadable: pairFiles(pair).filter((file) => containsSealed(file.data)).length,
  };
}

/**
 * Why a file whose sealed values no key here opens is shown read-only: an edit would be written
 * over text nobody here could read back.
 */
export function unreadableProblem(rel: string): Problem {
  return {
    file: rel,
    line: 1,
    col: 1,
    severity: 'warning',
    message:
      'Sealed text that no key on this machine opens. Add this device (Mentoring: Set Up My Key), then ask your partner to share again.',
  };
}
