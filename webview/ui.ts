// The webview's state besides what the extension sends: drafts, open sections, requests in
// flight and their errors. Views read and change it through this one object.
import type { RequestResponse, WebviewCommand } from '../src/protocol/messages';
import type { SidebarState } from '../src/protocol/sidebar';
import type { HostApi, RequestBody } from './api';
import type { FocusKey } from './place';
import type { HostStorage } from './storage';

export class Ui {
  state: SidebarState | undefined;
  private readonly busy = new Set<string>();
  private readonly errors = new Map<string, string>();
  private readonly notes = new Map<string, string>();

  constructor(
    private readonly api: Pick<HostApi, 'send' | 'request'>,
    readonly storage: HostStorage,
    private readonly rerender: () => void,
    private readonly place?: { request(key: FocusKey): void },
  ) {}

  /**
   * Moves focus after the next redraw to `control` ("tag:test id, draft key or label") inside the
   * item or section `scope` (a CSS selector), or to that scope's first control.
   */
  focusAfterDraw(scope: string, control = ''): void {
    this.place?.request({ scope, control });
    this.rerender();
  }

  draft(key: string): string {
    return this.storage.get<Record<string, string>>('drafts')?.[key] ?? '';
  }

  /** Whether a draft is kept for `key`, even an empty one (a field the user emptied on purpose). */
  hasDraft(key: string): boolean {
    const drafts = this.storage.get<Record<string, string>>('drafts');
    return drafts !== undefined && Object.hasOwn(drafts, key);
  }

  /**
   * Keeps what is typed under `key`. An empty value clears the draft, unless `keepEmpty`: a field
   * that starts with the file's text (Notes, Thanks) and is emptied is a change to save.
   */
  setDraft(key: string, value: string, keepEmpty = false): void {
    const drafts = { ...(this.storage.get<Record<string, string>>('drafts') ?? {}) };
    if (value === '' && !keepEmpty) delete drafts[key];
    else drafts[key] = value;
    this.storage.set('drafts', drafts);
  }

  isOpen(section: string, byDefault: boolean): boolean {
    return this.storage.get<Record<string, boolean>>('open')?.[section] ?? byDefault;
  }

  setOpen(section: string, open: boolean): void {
    this.storage.set('open', { ...(this.storage.get<Record<string, boolean>>('open') ?? {}), [section]: open });
  }

  /** Remembers a small UI flag (an edit form shown, a tab chosen). */
  flag(key: string): string | undefined {
    return this.storage.get<Record<string, string>>('flags')?.[key];
  }

  setFlag(key: string, value: string | undefined): void {
    const flags = { ...(this.storage.get<Record<string, string>>('flags') ?? {}) };
    if (value === undefined) delete flags[key];
    else flags[key] = value;
    this.storage.set('flags', flags);
    this.rerender();
  }

  isBusy(key: string): boolean {
    return this.busy.has(key);
  }

  error(key: string): string | undefined {
    return this.errors.get(key);
  }

  note(key: string): string | undefined {
    return this.notes.get(key);
  }

  send(command: WebviewCommand): void {
    this.api.send(command);
  }

  /** Sends a request under `key`; on success clears the given drafts. Returns whether it worked. */
  async run(key: string, body: RequestBody, clearDrafts: string[] = []): Promise<boolean> {
    if (this.busy.has(key)) {
      // Refused while the same request runs; redraw so nothing looks as if it was sent.
      this.rerender();
      return false;
    }
    this.busy.add(key);
    this.errors.delete(key);
    this.notes.delete(key);
    this.rerender();
    let response: RequestResponse;
    try {
      response = await this.api.request(body);
    } finally {
      this.busy.delete(key);
    }
    if (response.ok) {
      for (const draft of clearDrafts) this.setDraft(draft, '');
      if (response.message) {
        this.notes.set(key, response.message);
        // A note is news, not state: it goes after a while.
        setTimeout(() => {
          if (this.notes.get(key) === response.message) {
            this.notes.delete(key);
            this.rerender();
          }
        }, 12_000);
      }
    } else this.errors.set(key, response.message ?? 'That did not work.');
    this.rerender();
    return response.ok;
  }

  refresh(): void {
    this.rerender();
  }
}
