// My private notes as the sidebar shows them: read from `.private/` on this machine for the
// selected pair only. They are mine whatever my part in the pair, so no access rule hides them;
// they never leave the machine, so nobody else's sidebar has them.
import type { PrivateNotes } from '../../core/app/privateNotes';
import { errorMessage } from '../../shared/errors';
import { MAX_PRIVATE_NOTE_CHARS } from '../../protocol/privateNotes';
import type { PrivateNoteView, PrivateNotesView } from '../../protocol/messages';

export function privateNotesView(
  pairId: string,
  read: ((pairId: string) => PrivateNotes) | undefined,
): PrivateNotesView | undefined {
  if (!read) return undefined;
  try {
    const notes = read(pairId);
    return {
      file: notes.file,
      notes: noteView(notes.notes),
      sessions: Object.fromEntries(notes.sessions.map((s) => [s.date, noteView(s.text)])),
    };
  } catch (error) {
    return {
      file: '',
      notes: noteView(''),
      sessions: {},
      problem: `Your private notes could not be read: ${errorMessage(error)}`,
    };
  }
}

function noteView(text: string): PrivateNoteView {
  return { text, editable: text.length <= MAX_PRIVATE_NOTE_CHARS };
}
