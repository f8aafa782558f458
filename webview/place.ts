// Keeps the user's place: the focused control and the scroll position survive every redraw and
// the webview being hidden and shown again (kept in the host storage). A control is named by
// where it is (its goal, session, feedback item or section) and what it is (its test id, draft,
// label or text), so the same control is found again after Lit redrew or replaced it.
import type { HostStorage } from './storage';

const SCOPES = ['data-goal', 'data-session', 'data-feedback', 'data-scope', 'id'] as const;
const CONTROLS =
  'vscode-button, vscode-icon[action-icon], vscode-textfield, vscode-textarea, vscode-single-select, vscode-checkbox, vscode-collapsible, a[href], button, [tabindex="0"]';

export interface FocusKey {
  scope: string;
  control: string;
}

/** The CSS selector of the innermost item or section around `element` ('' at the top level). */
function scopeOf(element: Element): string {
  for (let node = element.parentElement; node; node = node.parentElement) {
    for (const attribute of SCOPES) {
      const value = node.getAttribute(attribute);
      if (value && (attribute !== 'id' || value.startsWith('section-'))) return `[${attribute}="${CSS.escape(value)}"]`;
    }
  }
  return '';
}

function labelProperty(element: Element): string | undefined {
  const label = (element as Element & { label?: unknown }).label;
  return typeof label === 'string' && label !== '' ? label : undefined;
}

function controlOf(element: Element): string {
  const name =
    element.getAttribute('data-testid') ??
    element.getAttribute('data-draft') ??
    element.getAttribute('aria-label') ??
    element.getAttribute('label') ??
    // vscode-textfield and vscode-textarea take their label as a property only.
    labelProperty(element) ??
    element.getAttribute('heading') ??
    (element.textContent ?? '').trim().slice(0, 80);
  return `${element.tagName.toLowerCase()}:${name}`;
}

export function focusKeyOf(element: Element): FocusKey {
  return { scope: scopeOf(element), control: controlOf(element) };
}

function isShown(element: HTMLElement): boolean {
  return element.getClientRects().length > 0 && !element.hasAttribute('disabled');
}

/** The control named by `key` (no control: the scope itself), else the scope's first control, else the scope. */
export function findControl(root: HTMLElement, key: FocusKey): HTMLElement | undefined {
  const scope = key.scope ? root.querySelector<HTMLElement>(key.scope) : root;
  if (!scope) return undefined;
  if (key.control === '') return scope;
  const controls = [...scope.querySelectorAll<HTMLElement>(CONTROLS)].filter(isShown);
  return controls.find((c) => controlOf(c) === key.control) ?? controls[0] ?? scope;
}

/**
 * Focuses `element`, or the first focusable part of its shadow root: an action icon, a button or
 * a collapsible heading keeps its focusable part inside.
 */
export async function focusElement(element: HTMLElement, options: FocusOptions = {}): Promise<void> {
  // A component drawn a moment ago has no focusable part until its first update.
  await (element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  element.focus(options);
  if (document.activeElement === element) return;
  const inner = element.shadowRoot?.querySelector<HTMLElement>('button, input, textarea, [tabindex="0"]');
  inner?.focus(options);
}

export class PlaceKeeper {
  private focused: FocusKey | undefined;
  private requested: FocusKey | undefined;
  private scrollY: number;

  constructor(
    private readonly root: HTMLElement,
    private readonly storage: HostStorage,
  ) {
    this.focused = storage.get<FocusKey>('focus');
    this.scrollY = storage.get<number>('scroll') ?? 0;
    root.addEventListener('focusin', (event) => {
      const target = event.target as Element;
      if (target === root) return;
      this.focused = focusKeyOf(target);
      this.storage.set('focus', this.focused);
    });
    window.addEventListener('scroll', () => {
      // A redraw that shortened the page (a section reading again, the state loading) clamps the
      // scroll position to the new end: that is not the user moving, and the place is kept for
      // when the page is long again. Any other scroll is the user's (or focus moving into view).
      const end = document.documentElement.scrollHeight - window.innerHeight;
      const clamped = window.scrollY >= end - 1 && window.scrollY < this.scrollY;
      if (!clamped) this.rememberScroll();
    });
  }

  /** Moves focus to the control named by `key` after the next redraw (and scrolls it into view). */
  request(key: FocusKey): void {
    this.requested = key;
  }

  /** Records where the view is now (after the view was moved on purpose). */
  rememberScroll(): void {
    this.scrollY = window.scrollY;
    this.storage.set('scroll', this.scrollY);
  }

  /** Called after every redraw: puts scroll and focus back where the user left them. */
  restore(): void {
    if (Math.abs(window.scrollY - this.scrollY) > 1) window.scrollTo({ top: this.scrollY, behavior: 'instant' });
    const requested = this.requested;
    // A request waits while the focus is elsewhere (the palette, an editor): a redraw never takes it.
    if (requested && document.hasFocus()) {
      const target = findControl(this.root, requested);
      if (target && target !== this.root) {
        this.requested = undefined;
        void focusElement(target).then(() => {
          target.scrollIntoView({ block: 'nearest' });
          this.rememberScroll();
        });
        return;
      }
    }
    // Only when focus was inside this view and its control went away: never take it from the editor.
    const active = document.activeElement;
    const lost = !active || active === document.body || active === this.root;
    if (lost && document.hasFocus() && this.focused) {
      const target = findControl(this.root, this.focused);
      if (target && target !== this.root) {
        if (!target.hasAttribute('tabindex') && !target.matches(CONTROLS)) target.tabIndex = -1;
        void focusElement(target, { preventScroll: true });
      }
    }
  }
}
