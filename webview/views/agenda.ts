// Agendas: the next session first (prepare it, edit it, commit it), then past sessions,
// newest first. A session's notes, actions and "when should we meet again?" are edited here too.
import { html, nothing, type TemplateResult } from 'lit';
import type { ActionView, PairView, SessionView } from '../../src/protocol/sidebar';
import { addDays, isIsoDate } from '../../src/shared/dates';
import type { Ui } from '../ui';
import {
  button,
  draftArea,
  draftField,
  enterClicks,
  brokenNotice,
  description,
  openFileIcon,
  privateNotice,
  sealedPill,
  formatDate,
  icon,
  iconButton,
  outcome,
  readonlyCheck,
  relativeDay,
  saveOrDiscard,
  section,
  tickHandler,
} from './common';
import { composer, sessionEdit } from './agendaComposer';
import { privateSessionNotes } from './privateNotes';

export function agendaSection(ui: Ui, pair: PairView, writable: boolean): TemplateResult {
  const today = ui.state?.today ?? '';
  const next = pair.nextSession;
  const upcoming = next?.agendaReady ? pair.sessions.find((s) => s.date === next.date) : undefined;
  const body = html` ${upcoming ? sessionBody(ui, pair, upcoming, writable) : prepareBlock(ui, pair, writable)} `;
  const heading = upcoming ? `Next session · ${formatDate(upcoming.date)}` : 'Next session';
  return section(ui, 'agenda', heading, body, {
    description: upcoming ? relativeDay(upcoming.date, today) : next ? `${formatDate(next.date)}, no agenda yet` : '',
  });
}

export function pastSessionsSection(ui: Ui, pair: PairView, writable: boolean): TemplateResult | typeof nothing {
  const next = pair.nextSession;
  const past = pair.sessions.filter((s) => !(next?.agendaReady && s.date === next.date));
  if (past.length === 0) return nothing;
  const body = html`${past.map(
    (s, i) =>
      html`<vscode-collapsible
        class="session"
        heading=${formatDate(s.date)}
        ?open=${ui.isOpen(`session:${s.file}`, i === 0 && s.date >= addDays(ui.state?.today ?? s.date, -1))}
        @vsc-collapsible-toggle=${(e: CustomEvent<{ open: boolean }>) => ui.setOpen(`session:${s.file}`, e.detail.open)}
        >${s.committed === false ? html`<div slot="decorations">${description('not committed')}</div>` : nothing}${sessionBody(ui, pair, s, writable)}</vscode-collapsible
      >`,
  )}`;
  return section(ui, 'past', 'Other sessions', body, {
    open: false,
    decorations: html`<vscode-badge variant="counter">${past.length}</vscode-badge>`,
  });
}

function prepareBlock(ui: Ui, pair: PairView, writable: boolean): TemplateResult {
  const key = `prepare:${pair.id}`;
  const dateKey = `${key}:date`;
  const date = ui.draft(dateKey) || pair.proposedAgendaDate;
  const next = pair.nextSession;
  const existing = pair.sessions.find((s) => s.date === date);
  const prepare = () =>
    void ui
      .run(key, { type: 'prepareAgenda', pairId: pair.id, date }, [dateKey])
      .then((ok) => ok && ui.setFlag('reveal', `${pair.id}|${date}`));
  return html`<div class="prepare">
    <p class="lead">
      ${
        next
          ? html`${icon('calendar')} You agreed to meet on
              <strong>${formatDate(next.date)}</strong> (${relativeDay(next.date, ui.state?.today ?? next.date)}). No
              agenda yet.`
          : html`${icon('calendar')} No next session is agreed yet.`
      }
    </p>
    ${
      pair.role === 'mentee' || pair.role === 'mentor'
        ? html`<p class="hint">
            The agenda carries over the last session's open actions. Say what you want to accomplish, what to ask, and
            which ideas you want feedback on.
          </p>`
        : nothing
    }
    ${
      writable
        ? html`<div class="row">
              <vscode-label for="prepare-date">Session date</vscode-label>
              <vscode-textfield
                id="prepare-date"
                type="date"
                .label=${'Session date'}
                data-draft=${dateKey}
                .value=${date}
                @input=${(e: Event) => {
                  ui.setDraft(dateKey, (e.target as HTMLInputElement).value);
                  ui.refresh();
                }}
              ></vscode-textfield>
            </div>
            ${
              existing
                ? html`<p class="hint">
                    There is an agenda for ${formatDate(date)} already:
                    <a
                      role="link"
                      tabindex="0"
                      @keydown=${enterClicks}
                      @click=${(e: Event) => (e.preventDefault(), ui.send({ type: 'openFile', file: existing.file }))}
                      >open it</a
                    >, or pick another date.
                  </p>`
                : nothing
            }
            <div class="buttons">
              ${button('Prepare agenda', prepare, { icon: 'notebook', busy: ui.isBusy(key), disabled: !isIsoDate(date) || !!existing, testId: 'prepare-agenda' })}
            </div>
            ${outcome(ui, key)}`
        : nothing
    }
  </div>`;
}

function sessionBody(ui: Ui, pair: PairView, s: SessionView, writable: boolean): TemplateResult {
  if (s.withheld) return withheldSession(s);
  const canEdit = writable && s.editable;
  const key = `session:${s.file}`;
  const goalTitle = (id?: string) => pair.goals.find((g) => g.id === id)?.title ?? id;
  const list = (name: 'objectives' | 'ideas', items: string[], placeholder: string, label: string) => html`
    <h4>${label}</h4>
    ${items.length === 0 ? html`<p class="hint">${placeholder}</p>` : nothing}
    <ul class="items" role="list">
      ${items.map(
        (text, index) =>
          html`<li>
            <span class="item-text">${text}</span>
            ${canEdit ? html`<span class="row-actions">${iconButton('trash', `Remove “${text}”`, () => void sessionEdit(ui, s, key, { op: 'removeItem', list: name, index }))}</span>` : nothing}
          </li>`,
      )}
    </ul>
  `;
  return html`<div class="agenda" data-session=${s.file}>
    <div class="agenda-head">
      ${
        s.committed === true
          ? html`<span class="pill ok" title="git has this agenda as it is: nothing to commit"
              >${icon('git-commit')} committed</span
            >`
          : s.committed === false
            ? html`<span class="pill warn" title="This agenda has changes that are not committed yet"
                >${icon('circle-filled')} not committed</span
              >`
            : nothing
      }
      ${
        s.unsaved
          ? html`<span class="pill warn" data-unsaved title="Shown as typed in the editor: not saved yet"
              >${icon('edit')} unsaved</span
            >`
          : nothing
      }
      ${s.preparedBy ? html`<span class="meta">prepared by ${s.preparedBy}</span>` : nothing}
      <span class="spacer"></span>
      ${openFileIcon(ui, s.file)}
    </div>
    ${ui.flag('prepared') === s.file ? preparedNotice(ui, s) : nothing}
    ${!s.editable ? brokenNotice(ui, s.file, s.problems) : nothing}
    ${list('objectives', s.objectives, 'What would you like to accomplish?', 'Objectives')}
    <h4>Questions</h4>
    ${s.topics.length === 0 ? html`<p class="hint">What do you want to ask?</p>` : nothing}
    <ul class="items" role="list">
      ${s.topics.map(
        (t, index) =>
          html`<li>
            <span class="item-text"
              >${t.question}${t.goal ? html` <span class="tag" title="Goal">${icon('target')} ${goalTitle(t.goal)}</span>` : nothing}</span
            >
            ${canEdit ? html`<span class="row-actions">${iconButton('trash', `Remove question “${t.question}”`, () => void sessionEdit(ui, s, key, { op: 'removeItem', list: 'topics', index }))}</span>` : nothing}
          </li>`,
      )}
    </ul>
    ${list('ideas', s.ideas, 'Your own ideas, to get feedback on.', 'My ideas')}
    ${canEdit ? composer(ui, pair, s, key) : nothing}
    ${
      s.followUps.length > 0
        ? html`<h4>Follow-ups from last time</h4>
            ${actionList(ui, s, key, 'follow_ups', s.followUps, canEdit)}`
        : nothing
    }
    <vscode-collapsible
      class="after"
      heading="During and after the session"
      ?open=${ui.isOpen(`after:${s.file}`, s.date <= (ui.state?.today ?? s.date) || s.notes !== '' || s.actions.length > 0)}
      @vsc-collapsible-toggle=${(e: CustomEvent<{ open: boolean }>) => ui.setOpen(`after:${s.file}`, e.detail.open)}
    >
      <div class="after-body">
        <h4>Notes</h4>
        ${textBlock(ui, s, key, 'notes', 'What we discussed…', canEdit)}
        <h4>Actions</h4>
        ${actionList(ui, s, key, 'actions', s.actions, canEdit)} ${canEdit ? addAction(ui, pair, s, key) : nothing}
        <h4>When should we meet again?</h4>
        ${nextSessionField(ui, pair, s, key, canEdit)}
        <h4>Thanks</h4>
        ${textBlock(ui, s, key, 'thanks', 'Acknowledge your mentor’s time…', canEdit)}
      </div>
    </vscode-collapsible>
    ${outcome(ui, key)}
    ${
      writable && s.editable && pair.role !== 'coordinator'
        ? html`<div class="buttons commit">
              <span
                class="button-tip"
                title=${s.committed === true ? 'Nothing to commit: git has this agenda as it is' : 'Commit this agenda file, and nothing else'}
              >
                ${button(
                  'Commit agenda',
                  () => void ui.run(`commit:${s.file}`, { type: 'commitAgenda', file: s.file }),
                  {
                    icon: 'git-commit',
                    secondary: s.committed === true,
                    disabled: s.committed === true,
                    busy: ui.isBusy(`commit:${s.file}`),
                    testId: 'commit-agenda',
                  },
                )}
              </span>
            </div>
            ${outcome(ui, `commit:${s.file}`)}`
        : nothing
    }
    ${privateSessionNotes(ui, pair, s, ui.state?.trusted ?? false)}
  </div>`;
}

/** Says where the agenda just prepared is, with the way to open its file. */
function preparedNotice(ui: Ui, s: SessionView): TemplateResult {
  const done = () => ui.setFlag('prepared', undefined);
  return html`<div class="notice info" role="status">
    ${icon('info')}
    <span class="spacer">Agenda for ${formatDate(s.date)} prepared.</span>
    ${button(
      'Open',
      () => {
        ui.send({ type: 'openFile', file: s.file });
        done();
      },
      { secondary: true, testId: 'open-prepared' },
    )}
    ${iconButton('close', 'Dismiss', done)}
  </div>`;
}

/** A coordinator's view of a session: its dates, and a calm note for what stays between the pair (nothing to open). */
function withheldSession(s: SessionView): TemplateResult {
  return html`<div class="agenda" data-session=${s.file}>
    ${s.preparedBy || s.sealed ? html`<p class="meta">${s.preparedBy ? `prepared by ${s.preparedBy} ` : ''}${s.sealed ? sealedPill() : nothing}</p>` : nothing}
    ${privateNotice('its objectives, questions, notes and actions stay between them.')}
    <p class="meta">
      ${s.nextSession ? html`Next session agreed: ${formatDate(s.nextSession)}` : 'No next session agreed in it.'}
    </p>
  </div>`;
}

function actionList(
  ui: Ui,
  s: SessionView,
  key: string,
  list: 'actions' | 'follow_ups',
  actions: ActionView[],
  canEdit: boolean,
): TemplateResult {
  if (actions.length === 0) return html`<p class="hint">None yet.</p>`;
  const today = ui.state?.today ?? '';
  return html`<ul class="checklist" role="list">
    ${actions.map(
      (a, index) =>
        html`<li>
          ${
            canEdit
              ? html`<vscode-checkbox
                  .checked=${a.done}
                  aria-busy=${ui.isBusy(`${key}:${list}:${index}`) ? 'true' : 'false'}
                  @change=${tickHandler((done) => sessionEdit(ui, s, `${key}:${list}:${index}`, { op: 'setActionDone', list, index, done }))}
                  >${a.text}</vscode-checkbox
                >`
              : readonlyCheck(a.done, a.text)
          }
          <span class="meta">
            ${a.owner ? html`${icon('person')} ${a.owner}` : nothing}
            ${a.due ? html`<span class=${!a.finished && a.due < today ? 'overdue' : ''}>· due ${formatDate(a.due)}</span>` : nothing}
            ${!a.done && a.finished ? html`<span>· done in a later agenda</span>` : nothing}
          </span>
          ${canEdit && list === 'actions' ? html`<span class="row-actions">${iconButton('trash', `Remove action “${a.text}”`, () => void sessionEdit(ui, s, key, { op: 'removeItem', list, index }))}</span>` : nothing}
        </li>`,
    )}
  </ul>`;
}

function addAction(ui: Ui, pair: PairView, s: SessionView, key: string): TemplateResult {
  const k = (f: string) => `${key}:action:${f}`;
  const ownerNow = () => ui.draft(k('owner')) || pair.mentee;
  const owner = ownerNow();
  // Everything is read when Add runs, not when the form was last drawn: picking an owner does not
  // redraw the form, so a value captured at drawing time would be the one before the pick.
  const add = () => {
    const text = ui.draft(k('text')).trim();
    if (text)
      void sessionEdit(ui, s, key, { op: 'addAction', text, owner: ownerNow(), due: ui.draft(k('due')) || undefined }, [
        k('text'),
        k('due'),
        k('owner'),
      ]);
  };
  return html`<div class="form compact">
    ${draftField(ui, k('text'), { placeholder: 'A new commitment…', label: 'New action', onEnter: add, testId: 'add-action' })}
    <div class="row">
      <vscode-single-select
        label="Owner"
        .value=${owner}
        @change=${(e: Event) => ui.setDraft(k('owner'), (e.target as HTMLSelectElement).value)}
      >
        ${[pair.mentee, pair.mentor].map((h) => html`<vscode-option value=${h} ?selected=${owner === h}>${h}</vscode-option>`)}
      </vscode-single-select>
      ${draftField(ui, k('due'), { placeholder: 'Due', label: 'Due date (optional)', type: 'date' })}
      ${button('Add', add, { icon: 'add', secondary: true })}
    </div>
  </div>`;
}

function textBlock(
  ui: Ui,
  s: SessionView,
  key: string,
  field: 'notes' | 'thanks',
  placeholder: string,
  canEdit: boolean,
): TemplateResult {
  const current = s[field];
  if (!canEdit) return current ? html`<p class="prose">${current}</p>` : html`<p class="hint">Empty.</p>`;
  const draftKey = `${key}:${field}`;
  // A saved draft goes once the file says the same, not when the save is answered: in between the
  // field would show the old text for a moment.
  if (ui.hasDraft(draftKey) && ui.draft(draftKey) === current) ui.setDraft(draftKey, '');
  const save = () => void sessionEdit(ui, s, key, { op: 'setText', field, value: ui.draft(draftKey) });
  return html`${draftArea(ui, draftKey, { placeholder, label: field === 'notes' ? 'Notes' : 'Thanks', rows: 3, initial: current })}
  ${saveOrDiscard(ui, draftKey, save, { busy: ui.isBusy(key), testId: `save-${field}` })}`;
}

function nextSessionField(ui: Ui, pair: PairView, s: SessionView, key: string, canEdit: boolean): TemplateResult {
  const proposed = s.nextSession ?? (pair.cadenceDays ? addDays(s.date, pair.cadenceDays) : '');
  if (!canEdit)
    return s.nextSession ? html`<p>${formatDate(s.nextSession)}</p>` : html`<p class="hint">Not agreed.</p>`;
  const draftKey = `${key}:next`;
  const value = ui.draft(draftKey) || proposed;
  return html`<div class="row">
      <vscode-textfield
        type="date"
        .label=${'Next session date'}
        .value=${value}
        @input=${(e: Event) => {
          ui.setDraft(draftKey, (e.target as HTMLInputElement).value);
          ui.refresh();
        }}
      ></vscode-textfield>
      ${button(
        s.nextSession === value ? 'Agreed' : 'Set',
        () => void sessionEdit(ui, s, key, { op: 'setNextSession', date: value }, [draftKey]),
        {
          secondary: s.nextSession === value,
          disabled: !isIsoDate(value) || s.nextSession === value,
          testId: 'set-next-session',
        },
      )}
    </div>
    ${!s.nextSession && pair.cadenceDays ? html`<p class="hint">Proposed from your cadence of ${pair.cadenceDays} days.</p>` : nothing}`;
}
