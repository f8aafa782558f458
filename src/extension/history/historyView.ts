// The selected pair's history for the sidebar: its timeline and its health card. Nothing runs
// until the webview shows one of them (`show`); then the core's cached, incremental history is
// brought up to date whenever the folder changes or HEAD moves, one load at a time, with
// progress on the view. In Restricted Mode no git runs: the health card comes from the working
// tree alone and the timeline says why it is missing.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Reload } from '../../shared/reload';
import { gitDirectory } from '../../core/git/repository';
import { GitError } from '../../core/git/runner';
import { pairHealth, pairStateFromModel, type PairHealth } from '../../core/health/figures';
import { readHistory, type History, type PairLog } from '../../core/history';
import { shallowNote, timelineContext, timelineInWords } from '../../core/app/timeline';
import type { PairModel } from '../../core/folder/model';
import type { HealthView, HistoryView, TimelineEventView, TimelineMonthView } from '../../protocol/messages';
import type { Controller } from '../state/controller';
import { openVersion } from './documents';
import { localToday } from '../../core/app/today';
import { errorMessage } from '../../shared/errors';
import { toRel } from '../../core/folder/paths';
import { folderSetting } from '../state/settings';
import { eventIcon } from './eventIcons';
import { mayReadPrivate } from '../../core/policy/access';
import { fileToOpen } from '../../core/app/openFile';
import { isTrusted, untrustedMessage } from '../workbench/trust';

const EMPTY_LOG: PairLog = { events: [], edits: [], fileIds: new Map() };

export class SidebarHistory implements vscode.Disposable {
  /** The pair whose history the webview shows; undefined until it asks. */
  private pairId: string | undefined;
  private readonly reload = new Reload(() => this.loadOnce());
  private last: HistoryView | undefined;
  /** The versions the webview may open: `commit\0file` of the events it was sent. */
  private openable = new Set<string>();
  private headWatch: vscode.Disposable | undefined;
  private watchedRoot: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly c: Controller,
    private readonly post: (history: HistoryView) => void,
    private readonly viewId: string,
    private readonly isVisible: () => boolean,
  ) {
    this.disposables.push(
      c.onDidChange(() => this.refreshSoon()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refreshSoon()),
    );
  }

  /** The webview shows `pairId`'s timeline or health card: load it, and keep it fresh from now on. */
  show(pairId: string): Promise<void> {
    this.pairId = pairId;
    return this.reload.now();
  }

  private refreshSoon(): void {
    if (!this.pairId) return;
    // Another pair selected: the webview asks for it when it renders.
    this.reload.soon(() => this.isVisible() && this.c.selectedPairId === this.pairId);
  }

  private send(view: HistoryView): void {
    if (view.pairId !== this.pairId) return;
    this.last = view;
    this.post(view);
  }

  private async loadOnce(): Promise<void> {
    const pairId = this.pairId;
    if (!pairId) return;
    const pair = this.c.visiblePair(pairId);
    const root = this.c.store.root;
    const none = { pairId, months: [], shallowNote: null };
    if (!pair || !root) return this.send({ ...none, status: 'unavailable', message: 'No such relationship here.' });
    const hidePrivate = !mayReadPrivate(this.c.accessTo(pairId));
    if (!isTrusted()) {
      return this.send({
        ...none,
        status: 'unavailable',
        message: untrustedMessage('see the timeline, which comes from git'),
        health: healthView(this.health(pair, EMPTY_LOG, root, root), false),
      });
    }
    if (this.last?.pairId !== pairId || this.last.status === 'unavailable')
      this.send({ ...none, status: 'loading', health: this.last?.pairId === pairId ? this.last.health : undefined });
    try {
      const history = await vscode.window.withProgress({ location: { viewId: this.viewId } }, () =>
        // The index under .git/ survives a window reload: only commits since it was written are walked.
        readHistory(root, { folder: folderSetting(), pair: pairId, persist: true }),
      );
      const log = history.logs.get(pairId) ?? { ...EMPTY_LOG, fileIds: history.fileIds };
      const months = this.timeline(history, pairId, root, hidePrivate);
      this.send({
        pairId,
        status: 'ready',
        months,
        health: healthView(this.health(pair, log, root, history.root), true),
        shallowNote: history.shallow ? shallowNote(pairId, months.length === 0) : null,
      });
      void this.watchHead(root);
    } catch (error) {
      this.send({
        ...none,
        status: error instanceof GitError ? 'unavailable' : 'error',
        message: errorMessage(error),
        health: healthView(this.health(pair, EMPTY_LOG, root, root), false),
      });
    }
  }

  /** Figures from the working tree (what the sidebar shows) and the log; paths as the log names them. */
  private health(pair: PairModel, log: PairLog, root: string, top: string): PairHealth {
    const state = pairStateFromModel(pair);
    if (top !== root) {
      const repoPath = (rel: string) => toRel(top, path.join(root, rel));
      for (const session of state.sessions) session.path = repoPath(session.path);
      for (const request of state.feedback) request.path = repoPath(request.path);
    }
    const cadence = this.c.store.model?.program?.data?.defaults?.cadence_days;
    return pairHealth(state, log, localToday(), {
      defaultCadenceDays: typeof cadence === 'number' && cadence > 0 ? cadence : undefined,
    });
  }

  private timeline(history: History, pairId: string, root: string, hidePrivate: boolean): TimelineMonthView[] {
    const context = timelineContext(this.c.store.model, history, pairId, { private: hidePrivate });
    const entries = timelineInWords(history, pairId, context, { newestFirst: true });
    this.openable = new Set();
    const months: TimelineMonthView[] = [];
    for (const { event, text } of entries) {
      const file = toRel(root, path.join(history.root, event.path));
      const view: TimelineEventView = {
        kind: event.kind,
        icon: eventIcon(event.kind),
        text,
        author:
          'handle' in event.author
            ? (context.names.get(event.author.handle) ?? event.author.handle)
            : `unknown <${event.author.unknown}>`,
        date: event.date.slice(0, 10),
        commit: event.commit,
        file,
        withheld: hidePrivate,
      };
      if (!hidePrivate) this.openable.add(`${event.commit}\0${file}`);
      const month = event.date.slice(0, 7);
      if (months[months.length - 1]?.month !== month) months.push({ month, events: [] });
      months[months.length - 1].events.push(view);
    }
    return months;
  }

  /** Opens a timeline event's file at its commit; only versions the timeline listed. */
  async open(pairId: string, commit: string, file: string): Promise<void> {
    if (pairId !== this.pairId || !this.c.visiblePair(pairId) || !this.openable.has(`${commit}\0${file}`))
      throw new Error('That version is not in the timeline shown.');
    fileToOpen(this.c.store.model, this.c.myHandle, file);
    await openVersion(file, commit, `${path.basename(file)} @ ${commit.slice(0, 7)}`);
  }

  /** Reloads when HEAD moves (a commit, checkout or pull in a terminal); git's reflog of HEAD is written on each. */
  private async watchHead(root: string): Promise<void> {
    if (this.watchedRoot === root) return;
    this.watchedRoot = root;
    this.headWatch?.dispose();
    try {
      const gitDir = await gitDirectory(root);
      const onChange = () => this.refreshSoon();
      const watchers = [
        new vscode.RelativePattern(vscode.Uri.file(gitDir), 'HEAD'),
        new vscode.RelativePattern(vscode.Uri.file(path.join(gitDir, 'logs')), 'HEAD'),
      ].map((pattern) => vscode.workspace.createFileSystemWatcher(pattern, false, false, true));
      this.headWatch = vscode.Disposable.from(
        ...watchers,
        ...watchers.flatMap((w) => [w.onDidChange(onChange), w.onDidCreate(onChange)]),
      );
    } catch {
      this.watchedRoot = undefined;
    }
  }

  dispose(): void {
    this.reload.cancel();
    this.headWatch?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function healthView(h: PairHealth, fromHistory: boolean): HealthView {
  return {
    fromHistory,
    lastSession: h.lastSession,
    daysSinceLastSession: h.daysSinceLastSession,
    sessions: { held: h.sessions.held, expected: h.sessions.expected, cadenceDays: h.sessions.cadenceDays },
    agendasBeforeSession: fromHistory ? h.agendasBeforeSession : null,
    followThrough: fromHistory ? h.followThrough : null,
    menteeDrives: fromHistory ? h.menteeDrives.overall : null,
    trend: fromHistory ? h.menteeDrives.trend : [],
    openFeedback: { count: h.openFeedback.count, oldestDays: h.openFeedback.oldestDays },
    goals: h.goals,
    benchmarks: h.benchmarks,
    nextSession: h.nextSession,
  };
}
