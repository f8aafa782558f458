// Feedback requests to me and from me, open and answered; a new request; answering one.
import { html, nothing, type TemplateResult } from 'lit';
import type { FeedbackKindView, FeedbackView, PairView } from '../../src/protocol/sidebar';
import { FEEDBACK_KINDS } from '../../src/shared/vocabulary';
import type { Ui } from '../ui';
import {
  brokenNotice,
  button,
  draftArea,
  formatDate,
  enterClicks,
  icon,
  openFileIcon,
  sealedPill,
  outcome,
  privateNotice,
  section,
} from './common';

export function feedbackSection(ui: Ui, pair: PairView, me: string | undefined, writable: boolean): TemplateResult {
  const toMe = pair.feedback.filter((f) => f.askedOf === me);
  const fromMe = pair.feedback.filter((f) => f.askedBy === me);
  const others = pair.feedback.filter((f) => f.askedOf !== me && f.askedBy !== me);
  const open = pair.feedback.filter((f) => f.status === 'open').length;
  const group = (title: string, items: FeedbackView[]) =>
    items.length === 0
      ? nothing
      : html`<h4>${title}</h4>
          <ul class="feedback-list" role="list">
            ${[...items.filter((f) => f.status === 'open'), ...items.filter((f) => f.status !== 'open')].map((f) => feedbackItem(ui, f, me, writable))}
          </ul>`;
  const body = html`
    ${pair.feedback.length === 0 ? html`<p class="hint">No feedback requests yet.</p>` : nothing}
    ${pair.feedback.some((f) => f.withheld) ? privateNotice('what each request asks and answers stays between them.') : nothing}
    ${group('Asked of me', toMe)} ${group('Asked by me', fromMe)} ${group('Others', others)}
    ${writable && pair.role !== 'coordinator' && me ? askForm(ui, pair) : nothing}
  `;
  return section(ui, 'feedback', 'Feedback', body, {
    decorations:
      open > 0 ? html`<vscode-badge variant="counter" title="${open} open">${open}</vscode-badge>` : undefined,
  });
}

function feedbackItem(ui: Ui, f: FeedbackView, me: string | undefined, writable: boolean): TemplateResult {
  const key = `feedback:${f.file}`;
  const answerKey = `${key}:answer`;
  if (f.withheld) return withheldRequest(f);
  const canAnswer = writable && f.editable && f.askedOf === me && f.status === 'open';
  return html`<li class="feedback ${f.status}" data-feedback=${f.file}>
    <div class="feedback-head">
      ${icon(f.status === 'open' ? 'comment-unresolved' : 'comment')}
      <span class="question">${f.question}</span>
      <span class="row-actions">${openFileIcon(ui, f.file)}</span>
    </div>
    <div class="meta">
      <span class="status status-${f.status}">${f.status}</span>
      <span>${f.kind}</span>
      <span>${f.askedBy} → ${f.askedOf}</span>
      <span>${formatDate(f.asked)}</span>
    </div>
    ${
      f.code
        ? html`<a
            role="link"
            tabindex="0"
            @keydown=${enterClicks}
            class="code-ref"
            data-testid="open-code"
            title=${`${f.code.commit ? `Asked at commit ${f.code.commit.slice(0, 7)}` : 'Open the code'}${f.code.repository ? ` of ${f.code.repository}` : ''}`}
            @click=${(e: Event) => {
              e.preventDefault();
              ui.send({ type: 'openCode', file: f.file });
            }}
            >${icon('file-code')} ${f.code.path}:${f.code.lines[0]}–${f.code.lines[1]}</a
          >`
        : nothing
    }
    ${!f.editable ? brokenNotice(ui, f.file, f.problems) : nothing}
    ${f.answer ? html`<blockquote class="answer"><span class="label">Answer${f.answered ? ` · ${formatDate(f.answered)}` : ''}</span>${f.answer}</blockquote>` : nothing}
    ${
      canAnswer
        ? html`<div class="form compact">
            ${draftArea(ui, answerKey, { placeholder: 'Your answer…', label: `Answer to: ${f.question}`, rows: 3, testId: 'answer-text' })}
            <div class="buttons">
              ${button(
                'Send answer',
                () =>
                  void ui.run(
                    key,
                    { type: 'edit', file: f.file, edit: { op: 'answerFeedback', answer: ui.draft(answerKey) } },
                    [answerKey],
                  ),
                {
                  icon: 'send',
                  busy: ui.isBusy(key),
                  disabled: ui.draft(answerKey).trim() === '',
                  testId: 'send-answer',
                },
              )}
            </div>
          </div>`
        : nothing
    }
    ${outcome(ui, key)}
  </li>`;
}

/** A coordinator's view of a request: who asked whom, when, its status; what it asks stays between the pair. */
function withheldRequest(f: FeedbackView): TemplateResult {
  return html`<li class="feedback ${f.status}" data-feedback=${f.file}>
    <div class="feedback-head">
      ${icon(f.status === 'open' ? 'comment-unresolved' : 'comment')}
      <span class="question">A feedback request</span>
    </div>
    <div class="meta">
      <span class="status status-${f.status}">${f.status}</span>
      <span>${f.askedBy} → ${f.askedOf}</span>
      <span>${formatDate(f.asked)}</span>
      ${f.answered ? html`<span>answered ${formatDate(f.answered)}</span>` : nothing}
      ${f.sealed ? sealedPill() : nothing}
    </div>
  </li>`;
}

function askForm(ui: Ui, pair: PairView): TemplateResult {
  const key = `ask:${pair.id}`;
  const k = (f: string) => `${key}:${f}`;
  const kind = (ui.draft(k('kind')) || 'design') as FeedbackKindView;
  const ask = () => {
    const question = ui.draft(k('question')).trim();
    if (question)
      void ui.run(
        key,
        { type: 'askFeedback', pairId: pair.id, question, kind, goal: ui.draft(k('goal')) || undefined },
        [k('question'), k('kind'), k('goal')],
      );
  };
  const other = pair.role === 'mentor' ? pair.mentee : pair.mentor;
  return html`<div class="form ask" role="group" aria-label="Ask for feedback" id="ask-feedback">
    <h4>Ask ${other} for feedback</h4>
    ${draftArea(ui, k('question'), { placeholder: 'What would you like feedback on?', label: 'Question', rows: 2, testId: 'ask-question' })}
    <div class="row">
      <vscode-single-select
        label="Kind"
        .value=${kind}
        @change=${(e: Event) => ui.setDraft(k('kind'), (e.target as HTMLSelectElement).value)}
      >
        ${FEEDBACK_KINDS.map((value) => html`<vscode-option value=${value} ?selected=${kind === value}>${value}</vscode-option>`)}
      </vscode-single-select>
      ${
        pair.goals.length > 0
          ? html`<vscode-single-select
              label="Goal"
              .value=${ui.draft(k('goal'))}
              @change=${(e: Event) => ui.setDraft(k('goal'), (e.target as HTMLSelectElement).value)}
            >
              <vscode-option value="" ?selected=${!ui.draft(k('goal'))}>No goal</vscode-option>
              ${pair.goals.filter((g) => g.status !== 'dropped').map((g) => html`<vscode-option value=${g.id} ?selected=${ui.draft(k('goal')) === g.id}>${g.title}</vscode-option>`)}
            </vscode-single-select>`
          : nothing
      }
    </div>
    <div class="buttons">
      ${button('Ask for feedback', ask, { icon: 'comment', busy: ui.isBusy(key), disabled: ui.draft(k('question')).trim() === '', testId: 'ask-submit' })}
    </div>
    <p class="hint">
      About code? Select it in an editor and choose <em>Mentoring: Ask for Feedback on Selection</em> from the context
      menu.
    </p>
    ${outcome(ui, key)}
  </div>`;
}
