// Adding to a session's agenda: one composer for objectives, questions (linked to a goal) and
// the mentee's own ideas, and the edit message every agenda change sends.
import { html, nothing, type TemplateResult } from 'lit';
import type { EditOp } from '../../src/protocol/edit';
import type { PairView, SessionView } from '../../src/protocol/sidebar';
import type { Ui } from '../ui';
import { draftField } from './common';

export function sessionEdit(ui: Ui, s: SessionView, key: string, op: EditOp, clear: string[] = []): Promise<boolean> {
  return ui.run(key, { type: 'edit', file: s.file, edit: op }, clear);
}

type AgendaItemKind = 'objective' | 'question' | 'idea';
const ITEM_KINDS: { value: AgendaItemKind; label: string }[] = [
  { value: 'objective', label: 'Objective' },
  { value: 'question', label: 'Question' },
  { value: 'idea', label: 'My idea' },
];

/** One field to add an objective, a question (optionally about a goal) or an idea of mine. */
export function composer(ui: Ui, pair: PairView, s: SessionView, key: string): TemplateResult {
  const textKey = `${key}:item`;
  const kindKey = `${key}:itemKind`;
  const goalKey = `${key}:itemGoal`;
  const kind = (ui.draft(kindKey) || 'objective') as AgendaItemKind;
  const add = () => {
    const text = ui.draft(textKey).trim();
    if (!text) return;
    const op: EditOp =
      kind === 'question'
        ? { op: 'addTopic', question: text, goal: ui.draft(goalKey) || undefined }
        : { op: 'addListItem', list: kind === 'objective' ? 'objectives' : 'ideas', text };
    void sessionEdit(ui, s, key, op, [textKey, goalKey]);
  };
  const placeholder =
    kind === 'question'
      ? 'A question to ask…'
      : kind === 'idea'
        ? 'An idea to get feedback on…'
        : 'Today I would like to accomplish…';
  const headingId = `${key}:add`;
  return html`<h4 id=${headingId}>Add to the agenda</h4>
    <div class="form compact composer" role="group" aria-labelledby=${headingId}>
      <div class="row">
        <vscode-single-select
          class="kind"
          label="What to add"
          data-testid="agenda-item-kind"
          .value=${kind}
          @change=${(e: Event) => {
            ui.setDraft(kindKey, (e.target as HTMLSelectElement).value);
            ui.refresh();
          }}
        >
          ${ITEM_KINDS.map((k) => html`<vscode-option value=${k.value} ?selected=${kind === k.value}>${k.label}</vscode-option>`)}
        </vscode-single-select>
        ${draftField(ui, textKey, { placeholder, label: `Add ${kind} to the agenda`, onEnter: add, testId: 'agenda-item' })}
      </div>
      ${
        kind === 'question' && pair.goals.length > 0
          ? html`<vscode-single-select
              class="field"
              label="Goal the question is about"
              .value=${ui.draft(goalKey)}
              @change=${(e: Event) => ui.setDraft(goalKey, (e.target as HTMLSelectElement).value)}
            >
              <vscode-option value="" ?selected=${!ui.draft(goalKey)}>About no particular goal</vscode-option>
              ${pair.goals
                .filter((g) => g.status !== 'dropped')
                .map(
                  (g) =>
                    html`<vscode-option value=${g.id} ?selected=${ui.draft(goalKey) === g.id}
                      >${g.title}</vscode-option
                    >`,
                )}
            </vscode-single-select>`
          : nothing
      }
    </div>`;
}
