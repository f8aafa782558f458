// The exchange at the top of the sidebar: "What needs me" across my pairs, then for the selected
// pair what I have not shared (share.ts) and what the other side changed (news.ts).
import { html, nothing, type TemplateResult } from 'lit';
import type { ExchangeView, InboxItemView } from '../../src/protocol/exchange';
import type { SidebarState } from '../../src/protocol/sidebar';
import type { Ui } from '../ui';
import { enterClicks, icon, loading, section } from './common';
import { newsSection } from './news';
import { unsharedBlock } from './share';

/** The exchange as the extension last sent it; asked for once per webview, when first shown. */
export class ExchangeState {
  private view: ExchangeView | undefined;
  private asked = false;

  update(view: ExchangeView): void {
    this.view = view;
  }

  get(ui: Ui): ExchangeView | undefined {
    if (!this.asked) {
      this.asked = true;
      ui.send({ type: 'loadExchange' });
    }
    return this.view;
  }
}

/** Shown to a known person in a trusted workspace with a mentoring folder; nothing is read otherwise. */
export function exchangeSections(
  ui: Ui,
  state: SidebarState,
  exchange: ExchangeState,
): TemplateResult | typeof nothing {
  if (!state.trusted || state.me.kind !== 'known' || !state.folderExists) return nothing;
  const read = exchange.get(ui);
  // Read for someone else (who I am just changed): loading until the new one comes.
  const view = read?.status === 'ready' && read.me !== state.me.handle ? undefined : read;
  const pair = state.pair;
  const mine = pair && (pair.role === 'mentee' || pair.role === 'mentor') ? pair : undefined;
  return html`${inboxSection(ui, state, view)}
  ${mine && view?.status === 'ready' ? unsharedBlock(ui, mine, view) : nothing}
  ${mine ? newsSection(ui, mine, view) : nothing}`;
}

const KIND_ICONS: Record<InboxItemView['kind'], string> = {
  'feedback-to-answer': 'comment',
  'proposal-to-review': 'git-pull-request',
  'action-due': 'tasklist',
  'agenda-missing': 'notebook',
  'agenda-to-read': 'book',
  'no-next-session': 'calendar',
  'feedback-answered': 'comment-discussion',
};

function inboxSection(ui: Ui, state: SidebarState, view: ExchangeView | undefined): TemplateResult {
  const ready = view?.status === 'ready';
  const count = ready ? view.inbox.length : 0;
  return section(ui, 'inbox', 'What needs me', html`<div data-testid="inbox">${inboxBody(ui, state, view)}</div>`, {
    decorations: count > 0 ? html`<vscode-badge variant="counter">${count}</vscode-badge>` : undefined,
  });
}

function inboxBody(ui: Ui, state: SidebarState, view: ExchangeView | undefined): TemplateResult {
  if (!view || view.status === 'loading') return loading('Looking for what needs you…');
  if (view.status !== 'ready')
    return html`<p class="notice ${view.status === 'error' ? 'error' : 'info'}">
      ${icon(view.status === 'error' ? 'error' : 'info')}
      <span>${view.message ?? 'Not available here.'}</span>
    </p>`;
  if (view.inbox.length === 0) return html`<p class="hint">Nothing needs you.</p>`;
  // The pair is named only when the list mixes several.
  const severalPairs = new Set(view.inbox.map((item) => item.pair)).size > 1 || state.pairs.length > 1;
  return html`<ul class="inbox" role="list">
    ${view.inbox.map((item) => inboxItem(ui, item, severalPairs))}
  </ul>`;
}

function inboxItem(ui: Ui, item: InboxItemView, namePair: boolean): TemplateResult {
  const overdue = item.dueInDays !== undefined && item.dueInDays < 0;
  const where =
    item.kind === 'proposal-to-review' ? 'Review it' : item.kind === 'agenda-missing' ? 'Prepare it' : 'Open';
  return html`<li>
    <a
      role="link"
      tabindex="0"
      @keydown=${enterClicks}
      class="inbox-item"
      data-testid="inbox-item"
      data-kind=${item.kind}
      data-pair=${item.pair}
      title=${`${where}: ${item.kind === 'proposal-to-review' ? 'the proposal' : item.file}`}
      @click=${(e: Event) => {
        e.preventDefault();
        ui.send({ type: 'openInboxItem', itemId: item.id });
      }}
    >
      ${icon(KIND_ICONS[item.kind])}
      <span class="inbox-text">
        <span class=${overdue ? 'overdue' : ''}>${item.text}</span>
        ${namePair ? html`<span class="meta">${item.pair}</span>` : nothing}
      </span>
    </a>
  </li>`;
}
