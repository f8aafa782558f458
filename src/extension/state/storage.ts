// What the extension remembers per workspace (never committed), each value under one typed key.
import type * as vscode from 'vscode';

interface Stored {
  /** The pair the sidebar shows. */
  'mentoring.selectedPair': string;
  /** The person picked as "me" in this workspace. */
  'mentoring.pickedMe': string;
  /** Per pair, the newest commit of the mentoring branch whose changes I marked as seen in What's new. */
  'mentoring.newsSeen': Record<string, string>;
  /** The inbox items I opened that count as read once seen (an answered feedback request), newest last. */
  'mentoring.inboxSeen': string[];
  /** Per person (handle), the day the reminders notification was last shown: once a day. */
  'mentoring.reminders.shownOn': Record<string, string>;
  /** Snoozed reminder ids, each with the first day it may show again. */
  'mentoring.reminders.snoozed': Record<string, string>;
}

export class WorkspaceStorage {
  constructor(private readonly memento: vscode.Memento) {}

  get<K extends keyof Stored>(key: K): Stored[K] | undefined {
    return this.memento.get<Stored[K]>(key);
  }

  async set<K extends keyof Stored>(key: K, value: Stored[K] | undefined): Promise<void> {
    await this.memento.update(key, value);
  }
}
