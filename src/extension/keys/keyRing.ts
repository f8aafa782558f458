// My age identities (secret keys) on this machine, kept in VS Code's SecretStorage (the OS keychain
// where there is one), never in a file, a setting or workspace state. One list for every
// workspace: the identity is the person's, and a person may be in several programs. The list
// holds each key this machine was given, newest last; decrypting tries them all.
import type * as vscode from 'vscode';

const SECRET_KEY = 'mentoring.ageIdentities';

export class KeyRing implements vscode.Disposable {
  private cached: Promise<string[]> | undefined;
  private readonly watch: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    // Another window of this machine that adds a key changes it here too.
    this.watch = secrets.onDidChange((event) => {
      if (event.key === SECRET_KEY) this.cached = undefined;
    });
  }

  dispose(): void {
    this.watch.dispose();
  }

  /** The identities kept on this machine (AGE-SECRET-KEY-1…), oldest first; none when there are none. */
  identities(): Promise<string[]> {
    this.cached ??= this.read();
    return this.cached;
  }

  private async read(): Promise<string[]> {
    try {
      const parsed: unknown = JSON.parse((await this.secrets.get(SECRET_KEY)) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
    } catch {
      return [];
    }
  }

  /** Keeps one more identity (a repeated one once). */
  async add(identity: string): Promise<void> {
    const kept = await this.identities();
    if (kept.includes(identity)) return;
    const next = [...kept, identity];
    await this.secrets.store(SECRET_KEY, JSON.stringify(next));
    this.cached = Promise.resolve(next);
  }
}
