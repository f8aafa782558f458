// The relationship's timeline from git history: months newest first, each event in words with
// its author and date; clicking one opens the file as it was at that commit.
import { html, nothing, type TemplateResult } from 'lit';
import type { HistoryView, TimelineEventView } from '../../src/protocol/history';
import type { PairView } from '../../src/protocol/sidebar';
import type { HistoryState } from '../history';
import type { Ui } from '../ui';
import { formatDate, enterClicks, icon, section } from './common';

export function timelineSection(ui: Ui, pair: PairView, history: HistoryState): TemplateResult {
  // Collapsed, it asks for nothing: the history is read when someone looks.
  const view = ui.isOpen('timeline', false) ? history.forPair(ui, pair.id) : undefined;
  const count = view?.months.reduce((sum, month) => sum + month.events.length, 0) ?? 0;
  return section(ui, 'timeline', 'Timeline', timelineBody(ui, pair, view), {
    open: false,
    description: view?.status === 'ready' ? `${count} ${count === 1 ? 'event' : 'events'}` : '',
  });
}

function timelineBody(ui: Ui, pair: PairView, view: HistoryView | undefined): TemplateResult {
  if (!view || view.status === 'loading')
    return html`<p class="history-loading" data-testid="timeline-loading">
      <vscode-progress-ring aria-label="Reading the history"></vscode-progress-ring>
      <span class="hint">Reading the history…</span>
    </p>`;
  if (view.status !== 'ready')
    return html`<p class="notice ${view.status === 'error' ? 'error' : 'info'}" data-testid="timeline-unavailable">
      ${icon(view.status === 'error' ? 'error' : 'shield')}
      <span>${view.message ?? 'The timeline is not available.'}</span>
    </p>`;
  if (view.months.length === 0)
    return view.shallowNote
      ? shallowHint(view.shallowNote)
      : html`<p class="hint">No history yet: commit this relationship's files to start its log.</p>`;
  return html`${view.months.map(
    (month) =>
      html`<h4>${monthLabel(month.month)}</h4>
        <ul class="timeline" role="list">
          ${month.events.map((event) => eventItem(ui, pair, event))}
        </ul>`,
  )}
  ${view.shallowNote ? shallowHint(view.shallowNote) : nothing}`;
}

/** The core's sentence, its backquoted command as code. */
function shallowHint(note: string): TemplateResult {
  const parts = note.split('`').map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : part));
  return html`<p class="hint" data-testid="timeline-shallow">${parts}</p>`;
}

function eventItem(ui: Ui, pair: PairView, event: TimelineEventView): TemplateResult {
  return html`<li class="event" data-kind=${event.kind}>
    ${
      event.withheld
        ? html`<span class="event-link" data-testid="timeline-event" title="Private to the pair: not opened"
            >${icon(event.icon)}<span class="event-text">${event.text}</span></span
          >`
        : eventLink(ui, pair, event)
    }
    <div class="meta">
      <span class="event-author">${event.author}</span>
      <span>${formatDate(event.date)}</span>
      <code class="commit">${event.commit.slice(0, 7)}</code>
    </div>
  </li>`;
}

function eventLink(ui: Ui, pair: PairView, event: TimelineEventView): TemplateResult {
  return html`<a
    role="link"
    tabindex="0"
    @keydown=${enterClicks}
    class="event-link"
    data-testid="timeline-event"
    title=${`Open ${event.file} at ${event.commit.slice(0, 7)}`}
    @click=${(e: Event) => {
      e.preventDefault();
      ui.send({ type: 'openHistoryEvent', pairId: pair.id, commit: event.commit, file: event.file });
    }}
    >${icon(event.icon)}<span class="event-text">${event.text}</span></a
  >`;
}

function monthLabel(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return date.toLocaleDateString(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
}
