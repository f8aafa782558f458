// Proposals waiting for review: relationships asked for or offered, and plan changes, split into
// mine (waiting for the other side) and to me (mine to review). Buttons start a new one.
import { html, nothing, type TemplateResult } from 'lit';
import type { ProposalView, ProposalsView } from '../../src/protocol/review';
import type { SidebarState } from '../../src/protocol/sidebar';
import type { Ui } from '../ui';
import { button, formatDate, enterClicks, icon, section } from './common';

/** The proposals as the extension last sent them; asked for once per webview, when first shown. */
export class ProposalsState {
  private view: ProposalsView | undefined;
  private asked = false;

  update(view: ProposalsView): void {
    this.view = view;
  }

  get(ui: Ui): ProposalsView | undefined {
    if (!this.asked) {
      this.asked = true;
      ui.send({ type: 'loadProposals' });
    }
    return this.view;
  }
}

export function proposalsSection(ui: Ui, state: SidebarState, proposals: ProposalsState): TemplateResult {
  const open = ui.isOpen('proposals', true);
  const view = open ? proposals.get(ui) : undefined;
  const count = (view?.mine.length ?? 0) + (view?.toMe.length ?? 0);
  return section(ui, 'proposals', 'Proposals', body(ui, state, view), {
    open: true,
    description: view?.status === 'ready' && count > 0 ? `${count} pending` : '',
  });
}

function body(ui: Ui, state: SidebarState, view: ProposalsView | undefined): TemplateResult {
  const buttons = state.trusted
    ? html`<div class="buttons">
        ${button('Ask for mentoring', () => ui.send({ type: 'run', command: 'askForMentoring' }), {
          icon: 'question',
          secondary: true,
          testId: 'ask-for-mentoring',
        })}
        ${button('Offer mentoring', () => ui.send({ type: 'run', command: 'offerMentoring' }), {
          icon: 'heart',
          secondary: true,
          testId: 'offer-mentoring',
        })}
      </div>`
    : nothing;
  if (!view || view.status === 'loading')
    return html`<p class="history-loading">
        <vscode-progress-ring aria-label="Reading proposals"></vscode-progress-ring>
        <span class="hint">Reading proposals…</span>
      </p>
      ${buttons}`;
  if (view.status !== 'ready')
    return html`<p class="notice ${view.status === 'error' ? 'error' : 'info'}" data-testid="proposals-unavailable">
        ${icon(view.status === 'error' ? 'error' : 'shield')}
        <span>${view.message ?? 'Proposals are not available.'}</span>
      </p>
      ${buttons}`;
  const me = state.me.kind === 'known' ? state.me.handle : undefined;
  return html`${group('To me', 'proposals-to-me', view.toMe, ui, me)}
  ${group('Mine', 'proposals-mine', view.mine, ui, me)}
  ${
    view.mine.length + view.toMe.length === 0
      ? html`<p class="hint" data-testid="no-proposals">
          Nothing pending. A relationship starts when one side proposes it and the other accepts it.
        </p>`
      : nothing
  }
  ${buttons}`;
}

function group(title: string, testId: string, items: ProposalView[], ui: Ui, me: string | undefined) {
  if (items.length === 0) return nothing;
  return html`<h4>${title}</h4>
    <ul class="proposals" role="list" data-testid=${testId}>
      ${items.map((item) => proposalItem(ui, item, me))}
    </ul>`;
}

function proposalItem(ui: Ui, item: ProposalView, me: string | undefined): TemplateResult {
  const other = item.mentee === me ? item.mentor : item.mentor === me ? item.mentee : `${item.mentee} ↔ ${item.mentor}`;
  const what =
    item.title ??
    (item.kind === 'relationship'
      ? item.from === me
        ? `You ${item.mentee === me ? 'asked' : 'offered to mentor'} ${other}`
        : item.from === 'program'
          ? `The program matched you with ${other}`
          : `${other} ${item.mentee === me ? 'offers to mentor you' : 'asks you for mentoring'}`
      : item.from === me
        ? `Your plan changes with ${other}`
        : `Plan changes with ${other}${item.from ? ` from ${item.from}` : ''}`);
  const branch = item.branch;
  return html`<li class="proposal" data-testid="proposal" data-pair=${item.pair} data-kind=${item.kind}>
    ${icon(item.kind === 'relationship' ? 'person-add' : 'git-pull-request')}
    <div class="proposal-text">
      ${
        branch
          ? html`<a
              role="link"
              tabindex="0"
              @keydown=${enterClicks}
              title=${`Review the changes on ${branch}`}
              @click=${(e: Event) => {
                e.preventDefault();
                ui.send({ type: 'reviewProposal', branch });
              }}
              >${what}</a
            >`
          : html`<span>${what}</span>`
      }
      <div class="meta">
        <span class="tag">pending</span>
        ${item.date ? html`<span>${formatDate(item.date)}</span>` : nothing}
        ${branch ? html`<code class="branch">${branch}</code>` : html`<span>on the default branch</span>`}
      </div>
    </div>
  </li>`;
}
