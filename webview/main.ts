// The sidebar webview: renders the state the extension sends, and sends commands and requests back.
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import '@vscode-elements/elements/dist/vscode-icon/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { html, nothing, render } from 'lit';
import type { ExtensionMessage } from '../src/protocol/messages';
import type { DidRequestFocusNotification } from '../src/protocol/sidebar';
import { HostApi } from './api';
import { HistoryState } from './history';
import { WebviewStorage } from './storage';
import { Ui } from './ui';
import { agendaSection, pastSessionsSection } from './views/agenda';
import { feedbackSection } from './views/feedback';
import { goalsSection } from './views/goals';
import { healthSection } from './views/health';
import { ExchangeState, exchangeSections } from './views/exchange';
import { ProposalsState, proposalsSection } from './views/proposals';
import { emptyState, problemsBlock, trustBanner, whoAndPair } from './views/header';
import { timelineSection } from './views/timeline';

const app = document.getElementById('app')!;
let scheduled = false;

const api = new HostApi(onMessage);
const ui = new Ui(api, new WebviewStorage(api.persisted), scheduleRender);
const history = new HistoryState();
const proposals = new ProposalsState();
const exchange = new ExchangeState();

function onMessage(message: ExtensionMessage): void {
  if (message.type === 'didChangeState') {
    ui.state = message.state;
    scheduleRender();
  } else if (message.type === 'didChangeHistory') {
    history.update(message.history);
    scheduleRender();
  } else if (message.type === 'didChangeProposals') {
    proposals.update(message.proposals);
    scheduleRender();
  } else if (message.type === 'didChangeExchange') {
    exchange.update(message.exchange);
    scheduleRender();
  } else if (message.type === 'didRequestFocus') {
    focusTarget(message.target);
  }
}

function scheduleRender(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    renderNow();
  });
}

function renderNow(): void {
  const state = ui.state;
  if (!state) {
    render(html`<div class="empty"><vscode-progress-ring aria-label="Loading"></vscode-progress-ring></div>`, app);
    return;
  }
  const empty = emptyState(ui, state);
  // A coordinator sees a pair read-only; only its mentee and mentor change it.
  const writable = state.trusted && state.pair?.role !== 'coordinator';
  const pair = state.pair;
  const me = state.me.kind === 'known' ? state.me.handle : undefined;
  // Also under "no relationship yet": asking for one is how a first relationship starts.
  const showProposals =
    me !== undefined &&
    state.folderExists &&
    !state.loading &&
    !state.loadError &&
    (!empty || state.pairs.length === 0);
  render(
    html`${trustBanner(state)} ${problemsBlock(ui, state)}
    ${
      empty ??
      html`${whoAndPair(ui, state)} ${exchangeSections(ui, state, exchange)}
      ${
        pair
          ? html`${agendaSection(ui, pair, writable)} ${goalsSection(ui, pair, writable)}
            ${feedbackSection(ui, pair, me, writable)} ${pastSessionsSection(ui, pair, writable)}
            ${healthSection(ui, pair, history)} ${timelineSection(ui, pair, history)}`
          : nothing
      }`
    }
    ${showProposals ? proposalsSection(ui, state, proposals) : nothing}`,
    app,
  );
}

function focusTarget(target: DidRequestFocusNotification['target']): void {
  const section = target === 'addGoal' ? 'goals' : target;
  ui.setOpen(section, true);
  if (target === 'addGoal' && ui.state?.pair) ui.setFlag('addGoalOpen', ui.state.pair.id);
  renderNow();
  requestAnimationFrame(() => {
    const selector =
      target === 'addGoal'
        ? '#add-goal vscode-textfield'
        : target === 'feedback'
          ? '#ask-feedback vscode-textarea'
          : '#section-agenda';
    const element = document.querySelector<HTMLElement>(selector);
    element?.scrollIntoView({ block: 'nearest' });
    element?.focus();
  });
}

// Re-render while typing so buttons enable as soon as there is text; Lit only patches what changed.
app.addEventListener('input', () => scheduleRender());
// An opened section may need data it asks for when rendered (the timeline, the health card).
// The toggle event does not bubble: listen while it is captured on its way down.
app.addEventListener('vsc-collapsible-toggle', () => scheduleRender(), true);

renderNow();
api.send({ type: 'ready' });
