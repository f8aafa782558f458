// What a user would notice resetting (a draft being typed, which sections are open) survives
// the webview being hidden and shown again. Behind a small interface, with an in-memory
// version for tests.

export interface HostStorage {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
}

export class MemoryStorage implements HostStorage {
  private readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  set(key: string, value: unknown): void {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
  }
}

/** Stores in the webview's own state (`getState`/`setState`), written through on every change. */
export class WebviewStorage implements HostStorage {
  private values: Record<string, unknown>;

  constructor(private readonly host: { getState(): unknown; setState(state: unknown): void }) {
    const saved = host.getState();
    this.values = typeof saved === 'object' && saved !== null ? { ...(saved as Record<string, unknown>) } : {};
  }

  get<T>(key: string): T | undefined {
    return this.values[key] as T | undefined;
  }

  set(key: string, value: unknown): void {
    if (value === undefined || value === '') delete this.values[key];
    else this.values[key] = value;
    this.host.setState(this.values);
  }
}
