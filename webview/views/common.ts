// Small building blocks shared by the views. User text always goes through Lit bindings,
// which render it as text.
import { html, nothing, type TemplateResult } from 'lit';
import type { ProblemView } from '../../src/protocol/sidebar';
import { daysBetween } from '../../src/shared/dates';
import type { Ui } from '../ui';

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(undefined, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

export function relativeDay(iso: string, today: string): string {
  const days = daysBetween(today, iso);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

export function icon(name: string, label = ''): TemplateResult {
  return html`<vscode-icon
    name=${name}
    aria-hidden=${label ? 'false' : 'true'}
    label=${label || nothing}
  ></vscode-icon>`;
}

export function iconButton(
  name: string,
  label: string,
  onClick: () => void,
  opts: { disabled?: boolean; testId?: string } = {},
): TemplateResult {
  return html`<vscode-icon
    name=${name}
    action-icon
    label=${label}
    title=${label}
    data-testid=${opts.testId ?? nothing}
    aria-disabled=${opts.disabled ? 'true' : 'false'}
    @click=${() => !opts.disabled && onClick()}
  ></vscode-icon>`;
}

export interface FieldOptions {
  placeholder: string;
  label: string;
  type?: 'text' | 'date' | 'url';
  disabled?: boolean;
  onEnter?: () => void;
  testId?: string;
}

/** A text field whose value is a draft kept across reloads of the webview. */
export function draftField(ui: Ui, key: string, opts: FieldOptions): TemplateResult {
  return html`<vscode-textfield
    class="field"
    type=${opts.type ?? 'text'}
    placeholder=${opts.placeholder}
    .label=${opts.label}
    data-draft=${key}
    data-testid=${opts.testId ?? nothing}
    ?disabled=${opts.disabled ?? false}
    .value=${ui.draft(key)}
    @input=${(e: Event) => ui.setDraft(key, (e.target as HTMLInputElement).value)}
    @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'Enter' && opts.onEnter) {
        e.preventDefault();
        opts.onEnter();
      }
    }}
  ></vscode-textfield>`;
}

export function draftArea(
  ui: Ui,
  key: string,
  opts: { placeholder: string; label: string; rows?: number; disabled?: boolean; initial?: string; testId?: string },
): TemplateResult {
  // With a starting text, an emptied field is a draft of its own (saving it empties the file's text).
  const hasInitial = opts.initial !== undefined;
  const value = ui.hasDraft(key) || !hasInitial ? ui.draft(key) : opts.initial;
  return html`<vscode-textarea
    class="field"
    rows=${opts.rows ?? 3}
    resize="vertical"
    placeholder=${opts.placeholder}
    .label=${opts.label}
    data-draft=${key}
    data-testid=${opts.testId ?? nothing}
    ?disabled=${opts.disabled ?? false}
    .value=${value}
    @input=${(e: Event) => {
      const text = (e.target as HTMLTextAreaElement).value;
      // Typing the file's text back is no change: no draft, no Save.
      if (hasInitial && text === opts.initial) ui.setDraft(key, '');
      else ui.setDraft(key, text, hasInitial);
    }}
  ></vscode-textarea>`;
}

/** Save and Discard under a text area, while it holds a draft that differs from the file. */
export function saveOrDiscard(
  ui: Ui,
  draftKey: string,
  save: () => void,
  opts: { busy: boolean; testId: string; icon?: string },
): TemplateResult | typeof nothing {
  if (!ui.hasDraft(draftKey)) return nothing;
  const discard = () => {
    ui.setDraft(draftKey, '');
    ui.refresh();
  };
  return html`<div class="buttons">
    ${button('Save', save, opts)} ${button('Discard', discard, { secondary: true })}
  </div>`;
}

export function button(
  label: string,
  onClick: () => void,
  opts: { icon?: string; secondary?: boolean; disabled?: boolean; busy?: boolean; testId?: string } = {},
): TemplateResult {
  return html`<vscode-button
    icon=${opts.busy ? 'loading' : (opts.icon ?? nothing)}
    ?icon-spin=${opts.busy ?? false}
    ?secondary=${opts.secondary ?? false}
    ?disabled=${(opts.disabled ?? false) || (opts.busy ?? false)}
    data-testid=${opts.testId ?? nothing}
    @click=${onClick}
    >${label}</vscode-button
  >`;
}

/** A progress ring with what is being read, while it is. */
export function loading(text: string): TemplateResult {
  return html`<p class="history-loading">
    <vscode-progress-ring aria-label=${text}></vscode-progress-ring>
    <span class="hint">${text}</span>
  </p>`;
}

/** The outcome of the request under `key`: its error, or a note. */
export function outcome(ui: Ui, key: string): TemplateResult | typeof nothing {
  const error = ui.error(key);
  if (error) return html`<p class="message error" role="alert">${icon('error')} <span>${error}</span></p>`;
  const note = ui.note(key);
  if (note) return html`<p class="message note" role="status">${icon('info')} <span>${note}</span></p>`;
  return nothing;
}

/**
 * A collapsible's description, in the decorations slot: the collapsible's own description is
 * drawn at 60 % opacity, too faint to read on a light theme (3.4:1).
 */
export function description(text: string | undefined): TemplateResult | typeof nothing {
  return text ? html`<span class="section-description">${text}</span>` : nothing;
}

export function section(
  ui: Ui,
  id: string,
  heading: string,
  body: TemplateResult,
  opts: { open?: boolean; description?: string; decorations?: TemplateResult; actions?: TemplateResult } = {},
): TemplateResult {
  return html`<vscode-collapsible
    class="section"
    id=${`section-${id}`}
    data-testid=${`section-${id}`}
    heading=${heading}
    ?open=${ui.isOpen(id, opts.open ?? true)}
    @vsc-collapsible-toggle=${(e: CustomEvent<{ open: boolean }>) => {
      if (e.target === e.currentTarget) ui.setOpen(id, e.detail.open);
    }}
  >
    ${opts.actions ? html`<div slot="actions">${opts.actions}</div>` : nothing}
    ${
      opts.description || opts.decorations
        ? html`<div slot="decorations">${description(opts.description)}${opts.decorations ?? nothing}</div>`
        : nothing
    }
    <div class="section-body">${body}</div>
  </vscode-collapsible>`;
}

export function fileLink(ui: Ui, file: string, line?: number, col?: number, label?: string): TemplateResult {
  return html`<a
    role="link"
    tabindex="0"
    @keydown=${enterClicks}
    class="file-link"
    @click=${(e: Event) => {
      e.preventDefault();
      ui.send({ type: 'openFile', file, line, col });
    }}
    >${label ?? file}${line ? `:${line}` : ''}</a
  >`;
}

/** An icon that opens a file of the mentoring folder in an editor. */
export function openFileIcon(ui: Ui, file: string, label = 'Open the YAML file'): TemplateResult {
  return iconButton('go-to-file', label, () => ui.send({ type: 'openFile', file }), { testId: 'open-yaml' });
}

/** What the access policy withholds from a coordinator: calm, not an error, and nothing to open. */
export function privateNotice(what: string): TemplateResult {
  return html`<p class="notice info private-note" data-testid="private-note">
    ${icon('lock')}<span>Private to the pair: ${what}</span>
  </p>`;
}

/** That a file's words are sealed to the pair in the file itself: no one else reads them, even with the file. */
export function sealedPill(): TemplateResult {
  return html`<span class="pill" data-testid="sealed" title="Sealed to the pair: only its mentee and mentor can read it"
    >${icon('lock')} sealed</span
  >`;
}

/** Why a file is shown read-only: its first problem, linked to where it is. */
export function brokenNotice(ui: Ui, file: string, problems: ProblemView[]): TemplateResult {
  const first = problems[0];
  return html`<div class="notice error" role="alert">
    ${icon('error')}
    <span
      >This file has problems, so it is shown read-only:
      ${first ? html`${fileLink(ui, file, first.line, first.col)} ${first.message}` : fileLink(ui, file)}</span
    >
  </div>`;
}

/** A keydown handler: Escape runs `close` (an inline form's Cancel). */
export function onEscape(close: () => void): (e: KeyboardEvent) => void {
  return (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    close();
  };
}

/**
 * A ticked or open item shown read-only. Not a disabled checkbox: its greyed label is hard to read
 * and it cannot be focused, so a coordinator could not even read it well.
 */
export function readonlyCheck(done: boolean, text: string): TemplateResult {
  return html`<span class="readonly-check ${done ? 'done' : ''}"
    >${icon(done ? 'pass-filled' : 'circle-large-outline', done ? 'Done:' : 'Not done:')}<span>${text}</span></span
  >`;
}

/**
 * A checkbox's change handler that saves the tick with `save`; when the save is refused (another
 * one is running, or it failed) the box shows the file's value again.
 */
export function tickHandler(save: (done: boolean) => Promise<boolean>): (e: Event) => void {
  return (e: Event) => {
    const box = e.target as HTMLInputElement;
    const done = box.checked;
    void save(done).then((ok) => {
      if (!ok) box.checked = !done;
    });
  };
}

/**
 * Enter on a link-like action: an `a` with role link and tabindex, and no `href="#"`, because VS
 * Code's webview host scrolls the view to the top on any click of such a link, whatever the
 * page's own handler does.
 */
export function enterClicks(e: KeyboardEvent): void {
  if (e.key !== 'Enter') return;
  e.preventDefault();
  (e.currentTarget as HTMLElement).click();
}
