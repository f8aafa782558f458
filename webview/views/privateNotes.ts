// My private notes, beside the agenda: about the relationship (its own section) and about each
// session (inside the session). They live in `.mentoring/.private/` on this machine, git ignores
// them and nothing shares them, so the sidebar says "only you see these" where they are typed.
// Saved like the other text fields: a draft kept across reloads until the file says the same.
import { html, nothing, type TemplateResult } from 'lit';
import type { PrivateNoteView, PrivateNotesView } from '../../src/protocol/privateNotes';
import type { PairView, SessionView } from '../../src/protocol/sidebar';
import type { Ui } from '../ui';
import { button, draftArea, icon, outcome, saveOrDiscard, section } from './common';

const ONLY_YOU = 'Private notes — only you see these';

export function privateNotesSection(ui: Ui, pair: PairView, trusted: boolean): TemplateResult | typeof nothing {
  const notes = pair.privateNotes;
  if (!notes) return nothing;
  const body = html`<div class="private-notes" data-testid="private-notes">
    ${whereTheyAre(notes)}
    ${notes.problem ? html`<p class="message error" role="alert">${icon('error')} <span>${notes.problem}</span></p>` : nothing}
    ${noteEditor(ui, pair.id, undefined, notes.notes, trusted, 'What I want to remember about this relationship…')}
    <div class="buttons">
      ${button('Open in editor', () => ui.send({ type: 'run', command: 'openPrivateNotes' }), {
        icon: 'go-to-file',
        secondary: true,
        disabled: !trusted,
        testId: 'open-private-notes',
      })}
    </div>
  </div>`;
  return section(ui, 'private', 'Private notes', body, { open: false, description: 'only you see these' });
}

/** My notes about one session, at the end of its agenda. */
export function privateSessionNotes(
  ui: Ui,
  pair: PairView,
  s: SessionView,
  trusted: boolean,
): TemplateResult | typeof nothing {
  const notes = pair.privateNotes;
  if (!notes || notes.problem) return nothing;
  const note = notes.sessions[s.date] ?? { text: '', editable: true };
  return html`<div class="private-notes session-private" data-testid="private-session-notes">
    <h4>${icon('lock')} ${ONLY_YOU}</h4>
    ${noteEditor(ui, pair.id, s.date, note, trusted, 'Only for me: what to raise, how it went…')}
  </div>`;
}

function whereTheyAre(notes: PrivateNotesView): TemplateResult {
  return html`<p class="notice info private-note">
    ${icon('lock')}<span
      >Only you see these: they stay on this machine${notes.file ? html` in <code>${notes.file}</code>` : nothing}; git
      ignores them and Share never sends them.</span
    >
  </p>`;
}

function noteEditor(
  ui: Ui,
  pairId: string,
  date: string | undefined,
  note: PrivateNoteView,
  trusted: boolean,
  placeholder: string,
): TemplateResult {
  if (!note.editable || !trusted)
    return note.text
      ? html`<p class="prose">${note.text}</p>
          ${!note.editable ? html`<p class="hint">Too long to edit here: open it in the editor.</p>` : nothing}`
      : html`<p class="hint">Empty.</p>`;
  const key = `private:${pairId}:${date ?? 'pair'}`;
  const draftKey = `${key}:text`;
  // A saved draft goes once the file says the same (see the agenda's notes).
  if (ui.hasDraft(draftKey) && ui.draft(draftKey) === note.text) ui.setDraft(draftKey, '');
  const save = () =>
    void ui.run(key, { type: 'savePrivateNote', pairId, ...(date ? { date } : {}), text: ui.draft(draftKey) });
  return html`${draftArea(ui, draftKey, {
    placeholder,
    label: date ? `My private notes for ${date}` : 'My private notes',
    rows: 3,
    initial: note.text,
    testId: date ? 'private-session-note' : 'private-note',
  })}
  ${saveOrDiscard(ui, draftKey, save, {
    icon: 'lock',
    busy: ui.isBusy(key),
    testId: date ? 'save-private-session-note' : 'save-private-note',
  })}
  ${outcome(ui, key)}`;
}
