// Goals: status, benchmarks as a checklist with progress, due dates (overdue marked),
// evidence links; add, edit, complete, drop; add and tick benchmarks.
import { html, nothing, type TemplateResult } from 'lit';
import type { EditOp } from '../../src/protocol/edit';
import type { GoalView, PairView } from '../../src/protocol/sidebar';
import { GOAL_STATUSES } from '../../src/shared/vocabulary';
import type { Ui } from '../ui';
import {
  button,
  draftArea,
  draftField,
  formatDate,
  icon,
  iconButton,
  onEscape,
  outcome,
  readonlyCheck,
  section,
  tickHandler,
} from './common';

const STATUS_LABEL: Record<GoalView['status'], string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

export function goalsSection(ui: Ui, pair: PairView, writable: boolean): TemplateResult {
  const active = pair.goals.filter((g) => g.status === 'planned' || g.status === 'in-progress');
  const closed = pair.goals.filter((g) => g.status === 'done' || g.status === 'dropped');
  const canEdit = writable && pair.planEditable;
  const body = html`
    ${pair.goals.length === 0 ? html`<p class="hint">No goals yet. A goal says what you want to reach and how your mentor can help.</p>` : nothing}
    <ul class="goals" role="list">
      ${[...active, ...closed].map((goal) => goalItem(ui, pair, goal, canEdit))}
    </ul>
    ${canEdit ? addGoalForm(ui, pair) : nothing}
  `;
  const done = pair.goals.filter((g) => g.status === 'done').length;
  return section(ui, 'goals', 'Goals', body, {
    decorations: html`<vscode-badge variant="counter" title="${done} of ${pair.goals.length} done"
      >${active.length}</vscode-badge
    >`,
  });
}

const goalScope = (goal: GoalView) => `[data-goal="${CSS.escape(goal.id)}"]`;

function edit(ui: Ui, pair: PairView, key: string, op: EditOp, clear: string[] = []): Promise<boolean> {
  return ui.run(key, { type: 'edit', file: pair.planFile, edit: op }, clear);
}

function goalItem(ui: Ui, pair: PairView, goal: GoalView, canEdit: boolean): TemplateResult {
  const reached = goal.benchmarks.filter((b) => !!b.done).length;
  const total = goal.benchmarks.length;
  const closed = goal.status === 'done' || goal.status === 'dropped';
  const overdue = !closed && !!goal.due && goal.due < (ui.state?.today ?? '');
  const key = `goal:${goal.id}`;
  const editing = ui.flag('editGoal') === goal.id;
  // Checkboxes are not disabled while a tick is saved: vscode-checkbox can leave the Tab order for
  // good when its disabled attribute toggles. Each box saves under its own key, so
  // ticking two in a row saves both; a second tick of the same box while it saves is put back.
  const adding =
    ui.flag('goalAdd') === goal.id || ui.draft(`${key}:benchmark`) !== '' || ui.draft(`${key}:evidence`) !== '';
  return html`<li class="goal ${closed ? 'closed' : ''}" data-goal=${goal.id}>
    <div class="goal-head">
      ${icon(goal.status === 'done' ? 'pass-filled' : goal.status === 'dropped' ? 'circle-slash' : goal.status === 'in-progress' ? 'circle-large-outline' : 'circle-large', STATUS_LABEL[goal.status])}
      <span class="goal-title">${goal.title}</span>
      ${
        canEdit && !closed
          ? html`<span class="row-actions">
              ${iconButton(
                'add',
                `Add a benchmark or evidence to “${goal.title}”`,
                () => {
                  ui.setFlag('goalAdd', adding ? undefined : goal.id);
                  if (!adding) ui.focusAfterDraw(goalScope(goal), `vscode-textfield:${key}:benchmark`);
                },
                { testId: 'goal-add' },
              )}
              ${iconButton('edit', `Edit goal “${goal.title}”`, () => (editing ? closeEditGoal(ui, goal) : openEditGoal(ui, goal)), { testId: 'edit-goal' })}
              ${iconButton('check', `Mark goal “${goal.title}” done`, () => void edit(ui, pair, key, { op: 'completeGoal', goalId: goal.id }), { testId: 'complete-goal' })}
              ${iconButton(
                'close',
                `Drop goal “${goal.title}”…`,
                () => {
                  ui.setFlag('confirmDrop', goal.id);
                  ui.focusAfterDraw(goalScope(goal), 'vscode-button:drop-goal-confirm');
                },
                { testId: 'drop-goal' },
              )}
            </span>`
          : nothing
      }
    </div>
    ${canEdit && !closed && ui.flag('confirmDrop') === goal.id ? confirmDrop(ui, pair, goal) : nothing}
    <div class="meta">
      <span class="status status-${goal.status}">${STATUS_LABEL[goal.status]}</span>
      ${goal.due ? html`<span class=${overdue ? 'overdue' : ''} title=${overdue ? 'Overdue' : 'Due date'}>${overdue ? icon('warning') : icon('calendar')} ${overdue ? 'overdue · ' : 'due '}${formatDate(goal.due)}</span>` : nothing}
      ${total > 0 ? html`<span title="Benchmarks reached">${reached}/${total}</span>` : nothing}
      ${
        canEdit && closed
          ? html`<span class="spacer"></span
              >${button('Reopen', () => void edit(ui, pair, key, { op: 'reopenGoal', goalId: goal.id }), { icon: 'debug-restart', secondary: true, busy: ui.isBusy(key), testId: 'reopen-goal' })}`
          : nothing
      }
    </div>
    ${total > 0 ? html`<progress class="progress" max=${total} value=${reached} aria-label="Benchmarks reached: ${reached} of ${total}"></progress>` : nothing}
    ${goal.why ? html`<p class="why">${goal.why}</p>` : nothing}
    ${goal.mentorHelp ? html`<p class="mentor-help"><span class="label">Mentor help:</span> ${goal.mentorHelp}</p>` : nothing}
    ${editing && canEdit ? editGoalForm(ui, pair, goal) : nothing}
    <ul class="checklist" role="list">
      ${goal.benchmarks.map(
        (b, index) =>
          html`<li>
            ${
              canEdit
                ? html`<vscode-checkbox
                    .checked=${!!b.done}
                    aria-busy=${ui.isBusy(`${key}:benchmark:${index}`) ? 'true' : 'false'}
                    @change=${tickHandler((done) => edit(ui, pair, `${key}:benchmark:${index}`, { op: 'setBenchmarkDone', goalId: goal.id, index, done }))}
                    >${b.text}</vscode-checkbox
                  >`
                : readonlyCheck(!!b.done, b.text)
            }
            ${b.done ? html`<span class="done-date">${formatDate(b.done)}</span>` : nothing}
          </li>`,
      )}
    </ul>
    ${
      canEdit && !closed && adding
        ? html`<div class="inline-add" @keydown=${onEscape(() => closeAdding(ui, goal))}>
            ${draftField(ui, `${key}:benchmark`, {
              placeholder: 'Add a benchmark…',
              label: `New benchmark for ${goal.title}`,
              onEnter: () => {
                const text = ui.draft(`${key}:benchmark`).trim();
                if (text) void edit(ui, pair, key, { op: 'addBenchmark', goalId: goal.id, text }, [`${key}:benchmark`]);
              },
            })}
          </div>`
        : nothing
    }
    ${
      goal.evidence.length > 0
        ? html`<ul class="evidence" role="list">
            ${goal.evidence.map((url) => html`<li>${icon('link')} ${/^https?:\/\//.test(url) ? html`<a href=${url}>${url}</a>` : html`<span>${url}</span>`}</li>`)}
          </ul>`
        : nothing
    }
    ${
      canEdit && !closed && adding
        ? html`<div class="inline-add" @keydown=${onEscape(() => closeAdding(ui, goal))}>
            ${draftField(ui, `${key}:evidence`, {
              placeholder: 'Add evidence (a link)…',
              label: `New evidence for ${goal.title}`,
              type: 'url',
              onEnter: () => {
                const url = ui.draft(`${key}:evidence`).trim();
                if (url) void edit(ui, pair, key, { op: 'addEvidence', goalId: goal.id, url }, [`${key}:evidence`]);
              },
            })}
          </div>`
        : nothing
    }
    ${outcome(ui, key)}
  </li>`;
}

/** Dropping asks first; the goal stays in the plan, and "Reopen" takes it back up. */
function confirmDrop(ui: Ui, pair: PairView, goal: GoalView): TemplateResult {
  const key = `goal:${goal.id}`;
  const cancel = () => {
    ui.setFlag('confirmDrop', undefined);
    ui.focusAfterDraw(goalScope(goal), 'vscode-icon:drop-goal');
  };
  return html`<div class="form confirm" role="group" aria-label="Drop goal" @keydown=${onEscape(cancel)}>
    <p>Drop “${goal.title}”? It stays in the plan as dropped; Reopen takes it back up.</p>
    <div class="buttons">
      ${button(
        'Drop goal',
        () =>
          void edit(ui, pair, key, { op: 'dropGoal', goalId: goal.id }).then((ok) => {
            if (!ok) return;
            ui.setFlag('confirmDrop', undefined);
            ui.focusAfterDraw(goalScope(goal), 'vscode-button:reopen-goal');
          }),
        { busy: ui.isBusy(key), testId: 'drop-goal-confirm' },
      )}
      ${button('Cancel', cancel, { secondary: true })}
    </div>
  </div>`;
}

const EDIT_FIELDS = ['title', 'why', 'help', 'due', 'status'] as const;
const editDraftKey = (goal: GoalView, field: (typeof EDIT_FIELDS)[number]) => `goal:${goal.id}:edit:${field}`;

/**
 * Opens the edit form with the goal's current values as drafts. From then on the drafts are
 * what the form shows and what Save sends, so a field the user empties is sent empty, which
 * removes that optional key from the plan.
 */
function openEditGoal(ui: Ui, goal: GoalView): void {
  const current = { title: goal.title, why: goal.why, help: goal.mentorHelp, due: goal.due, status: goal.status };
  for (const field of EDIT_FIELDS) ui.setDraft(editDraftKey(goal, field), current[field] ?? '');
  ui.setFlag('editGoal', goal.id);
  ui.focusAfterDraw(goalScope(goal), `vscode-textfield:${editDraftKey(goal, 'title')}`);
}

function closeEditGoal(ui: Ui, goal: GoalView): void {
  for (const field of EDIT_FIELDS) ui.setDraft(editDraftKey(goal, field), '');
  ui.setFlag('editGoal', undefined);
  ui.focusAfterDraw(goalScope(goal), 'vscode-icon:edit-goal');
}

/** Closes the benchmark and evidence fields of a goal, dropping what was typed in them. */
function closeAdding(ui: Ui, goal: GoalView): void {
  ui.setDraft(`goal:${goal.id}:benchmark`, '');
  ui.setDraft(`goal:${goal.id}:evidence`, '');
  ui.setFlag('goalAdd', undefined);
  ui.focusAfterDraw(goalScope(goal), 'vscode-icon:goal-add');
}

function editGoalForm(ui: Ui, pair: PairView, goal: GoalView): TemplateResult {
  const key = `goal:${goal.id}`;
  const k = (field: (typeof EDIT_FIELDS)[number]) => editDraftKey(goal, field);
  const save = async () => {
    const changes = {
      title: ui.draft(k('title')).trim() || goal.title,
      why: ui.draft(k('why')),
      mentorHelp: ui.draft(k('help')),
      due: ui.draft(k('due')),
      status: (ui.draft(k('status')) || goal.status) as GoalView['status'],
    };
    const ok = await edit(ui, pair, key, { op: 'updateGoal', goalId: goal.id, changes }, EDIT_FIELDS.map(k));
    if (ok) {
      ui.setFlag('editGoal', undefined);
      ui.focusAfterDraw(goalScope(goal), 'vscode-icon:edit-goal');
    }
  };
  return html`<div class="form" role="group" aria-label="Edit goal" @keydown=${onEscape(() => closeEditGoal(ui, goal))}>
    ${draftField(ui, k('title'), { placeholder: 'Title', label: 'Goal title' })}
    ${draftArea(ui, k('why'), { placeholder: 'Why it matters to you (optional)', label: 'Why', rows: 2, testId: 'edit-goal-why' })}
    ${draftArea(ui, k('help'), { placeholder: 'How your mentor can help (optional)', label: 'Mentor help', rows: 2 })}
    <div class="row">
      <vscode-label>Due</vscode-label>
      ${draftField(ui, k('due'), { placeholder: 'YYYY-MM-DD', label: 'Due date (optional)', type: 'date' })}
    </div>
    <div class="row">
      <vscode-label>Status</vscode-label>
      <vscode-single-select
        label="Status"
        .value=${ui.draft(k('status')) || goal.status}
        @change=${(e: Event) => ui.setDraft(k('status'), (e.target as HTMLSelectElement).value)}
      >
        ${GOAL_STATUSES.map((s) => html`<vscode-option value=${s} ?selected=${(ui.draft(k('status')) || goal.status) === s}>${STATUS_LABEL[s]}</vscode-option>`)}
      </vscode-single-select>
    </div>
    <div class="buttons">
      ${button('Save', () => void save(), { busy: ui.isBusy(key), testId: 'edit-goal-save' })}
      ${button('Cancel', () => closeEditGoal(ui, goal), { secondary: true })}
    </div>
  </div>`;
}

function addGoalForm(ui: Ui, pair: PairView): TemplateResult {
  const key = `addGoal:${pair.id}`;
  const drafts = ['title', 'why', 'help', 'due'].map((f) => `${key}:${f}`);
  const add = () => {
    const title = ui.draft(`${key}:title`).trim();
    if (!title) return;
    void edit(
      ui,
      pair,
      key,
      {
        op: 'addGoal',
        title,
        why: ui.draft(`${key}:why`) || undefined,
        mentorHelp: ui.draft(`${key}:help`) || undefined,
        due: ui.draft(`${key}:due`) || undefined,
      },
      drafts,
    ).then((ok) => {
      if (!ok) return;
      ui.setFlag('addGoalOpen', undefined);
      ui.focusAfterDraw('#section-goals', 'vscode-button:add-goal-open');
    });
  };
  const cancel = () => {
    for (const d of drafts) ui.setDraft(d, '');
    ui.setFlag('addGoalOpen', undefined);
    ui.focusAfterDraw('#section-goals', 'vscode-button:add-goal-open');
  };
  const open = ui.flag('addGoalOpen') === pair.id || ui.draft(`${key}:title`) !== '';
  if (!open) {
    return html`<div class="buttons">
      ${button(
        'Add goal',
        () => {
          ui.setFlag('addGoalOpen', pair.id);
          ui.focusAfterDraw('#add-goal', 'vscode-textfield:add-goal-title');
        },
        { icon: 'add', secondary: true, testId: 'add-goal-open' },
      )}
    </div>`;
  }
  return html`<div class="form add-goal" role="group" aria-label="New goal" id="add-goal" @keydown=${onEscape(cancel)}>
    ${draftField(ui, `${key}:title`, { placeholder: 'What do you want to reach?', label: 'New goal title', onEnter: add, testId: 'add-goal-title' })}
    ${draftArea(ui, `${key}:why`, { placeholder: 'Why it matters to you (optional)', label: 'Why', rows: 2 })}
    ${draftArea(ui, `${key}:help`, { placeholder: 'How your mentor can help (optional)', label: 'Mentor help', rows: 2 })}
    <div class="row">
      <vscode-label>Due</vscode-label>
      ${draftField(ui, `${key}:due`, { placeholder: 'YYYY-MM-DD', label: 'Due date (optional)', type: 'date' })}
    </div>
    <div class="buttons">
      ${button('Add goal', add, { icon: 'add', busy: ui.isBusy(key), disabled: ui.draft(`${key}:title`).trim() === '', testId: 'add-goal-submit' })}
      ${button('Cancel', cancel, { secondary: true })}
    </div>
    ${outcome(ui, key)}
  </div>`;
}
