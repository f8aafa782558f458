// The top of the sidebar: the untrusted banner, who I am, the pair picker, problems; and the
// empty states (no folder, unknown person, no relationship).
import { html, nothing, type TemplateResult } from 'lit';
import type { PairSummary, SidebarState } from '../../src/protocol/sidebar';
import type { Ui } from '../ui';
import { button, enterClicks, fileLink, icon } from './common';

export function trustBanner(state: SidebarState): TemplateResult | typeof nothing {
  if (state.trusted) return nothing;
  return html`<div class="notice warn" role="status" data-testid="untrusted-banner">
    ${icon('shield')}
    <span
      ><strong>Restricted Mode:</strong> this workspace is not trusted, so Mentoring is read-only. No git commands run
      and nothing is written.</span
    >
  </div>`;
}

const pairLabel = (p: PairSummary) =>
  p.role === 'mentee'
    ? `${p.mentor} (mentor)`
    : p.role === 'mentor'
      ? `${p.mentee} (mentee)`
      : `${p.mentee} ↔ ${p.mentor}`;

export function whoAndPair(ui: Ui, state: SidebarState): TemplateResult {
  const me = state.me;
  return html`<div class="header">
    <div class="who">
      ${icon('account')}
      ${
        me.kind === 'known'
          ? html`<span
                class="me"
                title=${`people/${me.handle}.yaml (${me.source === 'email' ? 'matched by your git email' : me.source === 'setting' ? 'from the mentoring.me setting' : 'picked in this workspace'})`}
                >${me.name}</span
              >
              ${state.isCoordinator ? html`<span class="tag">coordinator</span>` : nothing}`
          : nothing
      }
    </div>
    ${
      state.pairs.length > 1
        ? html`<vscode-single-select
            class="pair-picker"
            label="Mentoring relationship"
            data-testid="pair-picker"
            .value=${state.pair?.id ?? ''}
            @change=${(e: Event) => ui.send({ type: 'selectPair', pairId: (e.target as HTMLSelectElement).value })}
          >
            ${state.pairs.map((p) => html`<vscode-option value=${p.id} description=${p.status ?? ''} ?selected=${p.id === state.pair?.id}>${pairLabel(p)}</vscode-option>`)}
          </vscode-single-select>`
        : state.pair
          ? html`<div class="pair-single">
              ${icon(state.pair.role === 'mentee' ? 'mortar-board' : 'organization')}
              <span>${pairLabel(state.pair)}</span>
            </div>`
          : nothing
    }
    ${
      state.pair?.role === 'coordinator'
        ? html`<p class="notice info">
            ${icon('lock')}
            <span
              >You coordinate the program: you see this pair's goals and session dates, read-only. What stays between
              them is not shown.</span
            >
          </p>`
        : nothing
    }
    ${
      state.pair && state.pair.status && state.pair.status !== 'active'
        ? html`<p class="notice info">
            ${icon('info')}
            <span
              >This relationship is
              <strong>${state.pair.status}</strong
              >${state.pair.status === 'proposed' ? ': it starts when both sides accept it (status: active on the default branch).' : '.'}</span
            >
          </p>`
        : nothing
    }
  </div>`;
}

export function problemsBlock(ui: Ui, state: SidebarState): TemplateResult | typeof nothing {
  const errors = state.problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return nothing;
  const files = [...new Set(errors.map((p) => p.file))];
  return html`<div class="notice error" role="alert" data-testid="problems">
    ${icon('error')}
    <div>
      <strong>${files.length === 1 ? '1 file has problems' : `${files.length} files have problems`}</strong>; everything
      else is shown. Broken files are never edited from here.
      <ul class="problem-list" role="list">
        ${files.slice(0, 8).map((file) => {
          const first = errors.find((p) => p.file === file)!;
          return html`<li>
            ${fileLink(ui, file, first.line, first.col)} <span class="message-text">${first.message}</span>
          </li>`;
        })}
      </ul>
    </div>
  </div>`;
}

export function emptyState(ui: Ui, state: SidebarState): TemplateResult | undefined {
  if (state.loading)
    return html`<div class="empty"><vscode-progress-ring aria-label="Loading"></vscode-progress-ring></div>`;
  if (state.loadError) {
    return html`<div class="notice error" role="alert">
      ${icon('error')}
      <span>The mentoring folder could not be read: ${state.loadError}</span>
    </div>`;
  }
  if (!state.hasWorkspace) {
    return html`<div class="empty">
      ${icon('folder-opened')}
      <p>Open your team's repository to see mentoring plans, agendas and feedback requests.</p>
    </div>`;
  }
  if (!state.folderExists) {
    return html`<div class="empty" data-testid="welcome">
      <h3>Mentoring in your repository</h3>
      <p>
        Plans, agendas and feedback requests live as YAML files in <code>${state.folder}/</code>, and git history is the
        log of each mentoring relationship.
      </p>
      ${
        state.trusted
          ? button('Set up mentoring', () => ui.send({ type: 'run', command: 'init' }), {
              icon: 'rocket',
              testId: 'setup',
            })
          : html`<p class="hint">Trust this workspace to set it up.</p>`
      }
      <p>
        <a
          role="link"
          tabindex="0"
          @keydown=${enterClicks}
          @click=${(e: Event) => (e.preventDefault(), ui.send({ type: 'run', command: 'openWalkthrough' }))}
          >Open the walkthrough</a
        >
      </p>
    </div>`;
  }
  if (state.me.kind === 'unknown') {
    return html`<div class="empty left" data-testid="who-am-i">
      <h3>${icon('account')} Who are you?</h3>
      <p>${state.me.reason}</p>
      ${
        state.people.length > 0
          ? html`<vscode-single-select
              label="Pick your person"
              @change=${(e: Event) => ui.send({ type: 'pickMe', handle: (e.target as HTMLSelectElement).value })}
            >
              <vscode-option value="" selected>Pick your person…</vscode-option>
              ${state.people.map((p) => html`<vscode-option value=${p.handle} description=${p.handle}>${p.name}</vscode-option>`)}
            </vscode-single-select>`
          : nothing
      }
      <div class="buttons">
        ${state.trusted ? button('Create my person file', () => ui.send({ type: 'run', command: 'createPerson' }), { icon: 'add', secondary: true }) : nothing}
      </div>
      <p class="hint">
        To make it permanent, set <code>mentoring.me</code> to your handle, or add your git email to your file in
        <code>people/</code>.
      </p>
    </div>`;
  }
  if (state.pairs.length === 0) {
    return html`<div class="empty left" data-testid="no-pairs">
      <h3>No mentoring relationship yet</h3>
      <p>
        Either side can start one, and it begins when both opt in: ask a mentor, or offer to mentor someone, below. It
        goes to the other side as a pull request with <code>status: proposed</code>; merging it with
        <code>status: active</code> starts the relationship.
      </p>
      <p>
        <a
          role="link"
          tabindex="0"
          @keydown=${enterClicks}
          @click=${(e: Event) => (e.preventDefault(), ui.send({ type: 'run', command: 'openWalkthrough' }))}
          >Open the walkthrough</a
        >
      </p>
    </div>`;
  }
  return undefined;
}
