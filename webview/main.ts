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
import { PlaceKeeper } from './place';
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
import { privateNotesSection } from './views/privateNotes';
import { sealingNotice } from './views/sealing';

const app = document.getElementById('app')!;
let scheduled = false;

const api = new HostApi(onMessage);
const storage = new WebviewStorage(api.persisted);
const place = new PlaceKeeper(app, storage);
const ui = new Ui(api, storage, scheduleRender, place);
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
  revealPrepared(ui);
  const empty = emptyState(ui, state);
  // A coordinator sees a pair read-only; only its mentee and mentor change it. An ended pair's
  // folder is the record: read-only for everyone.
  const writable = state.trusted && state.pair?.role !== 'coordinator' && state.pair?.status !== 'ended';
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
    html`<h1 class="sr-only">Mentoring</h1>
      ${trustBanner(state)} ${problemsBlock(ui, state)}
      ${
        empty ??
        html`${whoAndPair(ui, state)} ${exchangeSections(ui, state, exchange)}
        ${
          pair
            ? html`${sealingNotice(ui, pair, me)} ${agendaSection(ui, pair, writable)}
              ${privateNotesSection(ui, pair, state.trusted)} ${goalsSection(ui, pair, writable)}
              ${feedbackSection(ui, pair, me, writable)} ${pastSessionsSection(ui, pair, writable)}
              ${healthSection(ui, pair, history)} ${timelineSection(ui, pair, history)}`
            : nothing
        }`
      }
      ${showProposals ? proposalsSection(ui, state, proposals) : nothing}`,
    app,
  );
  place.restore();
}

function focusTarget(target: DidRequestFocusNotification['target']): void {
  const section = target === 'addGoal' ? 'goals' : target;
  ui.setOpen(section, true);
  if (target === 'addGoal' && ui.state?.pair) ui.setFlag('addGoalOpen', ui.state.pair.id);
  if (target === 'addGoal') ui.focusAfterDraw('#add-goal', 'vscode-textfield:add-goal-title');
  else if (target === 'feedback') ui.focusAfterDraw('#ask-feedback', 'vscode-textarea:ask-question');
  else ui.focusAfterDraw('#section-agenda');
  renderNow();
}

/**
 * A freshly prepared agenda shows where the user is looking: its section and the session are
 * opened, and focus goes to its "Open" action (see `preparedNotice`) once the state has it.
 */
function revealPrepared(ui: Ui): void {
  const wanted = ui.flag('reveal');
  const pair = ui.state?.pair;
  if (!wanted || !pair) return;
  const session = pair.sessions.find((s) => `${pair.id}|${s.date}` === wanted);
  if (!session) return;
  ui.setFlag('reveal', undefined);
  ui.setFlag('prepared', session.file);
  const upcoming = pair.nextSession?.agendaReady && pair.nextSession.date === session.date;
  ui.setOpen(upcoming ? 'agenda' : 'past', true);
  ui.setOpen(`session:${session.file}`, true);
  ui.focusAfterDraw(`[data-session="${CSS.escape(session.file)}"]`, 'vscode-button:open-prepared');
}

// Re-render while typing so buttons enable as soon as there is text; Lit only patches what changed.
app.addEventListener('input', () => scheduleRender());
// An opened section may need data it asks for when rendered (the timeline, the health card).
// The toggle event does not bubble: listen while it is captured on its way down.
app.addEventListener('vsc-collapsible-toggle', () => scheduleRender(), true);

renderNow();
api.send({ type: 'ready' });
