// The exchange at the top of the sidebar, for the person I am: what needs me (the inbox), my
// pairs' changes not shared yet, and what the other side changed in the selected pair since I
// last looked. Nothing runs until the webview shows it (`show`); then it is read again when the
// folder changes, another pair is selected, or a ref moves (a commit, a fetch, a pull, a share,
// the git extension's autofetch), one load at a time and only while the sidebar is visible. In
// Restricted Mode nothing is read. What I saw is kept in workspace state, never committed.
import * as vscode from 'vscode';
import { inbox, type InboxItem } from '../../core/app/inbox';
import { unsharedChanges } from '../../core/app/share';
import { firstName, personNames } from '../../core/app/timeline';
import { localToday } from '../../core/app/today';
import { whatsNew } from '../../core/app/whatsNew';
import type { Handle, MentoringModel } from '../../core/folder/model';
import { knownPeople, personFromEmail } from '../../core/folder/people';
import { currentBranch } from '../../core/git/refs';
import { findMentoringBranch } from '../../core/git/mentoringBranch';
import { isGitRepo } from '../../core/git/repository';
import { mayEdit, visiblePair, visiblePairs } from '../../core/policy/access';
import { pendingProposals } from '../../core/review';
import type { ExchangeView, NewsView } from '../../protocol/exchange';
import { errorMessage } from '../../shared/errors';
import { Reload } from '../../shared/reload';
import { COMMAND, VIEW_ID } from '../commands/ids';
import type { Actions } from '../documents/actions';
import type { Controller } from '../state/controller';
import { branchSetting, folderSetting } from '../state/settings';
import type { WorkspaceStorage } from '../state/storage';
import { isTrusted, untrustedMessage } from '../workbench/trust';
import { inboxItemView, isReadWhenOpened, newsView, unsharedView, withSeen } from './viewModel';
import { watchRefs } from './refWatcher';

const NONE = { inbox: [], unshared: [] };

export class SidebarExchange implements vscode.Disposable {
  private shown = false;
  private readonly reload = new Reload(() => this.load());
  private readonly changed = new vscode.EventEmitter<ExchangeView>();
  /** Each new view, for the webview and the status bar. */
  readonly onDidChange = this.changed.event;
  /** The view last sent. */
  last: ExchangeView | undefined;
  /** The inbox items last sent, by id: the only ones the webview may open. */
  private items = new Map<string, InboxItem>();
  /** Per pair, the newest commit What's new last showed: what "Mark as seen" stores. */
  private readonly shownUpTo = new Map<string, string>();
  private refs: vscode.Disposable | undefined;
  private watchedRoot: string | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly c: Controller,
    private readonly actions: Actions,
    private readonly storage: WorkspaceStorage,
    private readonly isVisible: () => boolean,
  ) {
    this.disposables.push(
      c.onDidChange(() => this.refreshSoon()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refreshSoon()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('mentoring.branch')) this.refreshSoon();
      }),
    );
  }

  /** The webview shows the exchange: load it, and keep it fresh from now on. */
  show(): Promise<void> {
    this.shown = true;
    return this.reload.now();
  }

  /** Something changed the branches or the files (a share, a fetch, a pull): load again if ever shown. */
  refresh(): Promise<void> {
    return this.shown ? this.reload.now() : Promise.resolve();
  }

  private refreshSoon(): void {
    if (this.shown) this.reload.soon(() => this.isVisible());
  }

  /** Opens where an inbox item is handled; an answer I waited for counts as read from then on. */
  async open(itemId: string, focusAgenda: () => void): Promise<void> {
    const item = this.items.get(itemId);
    if (!item) throw new Error('That item is not in the list shown; it may have been handled meanwhile.');
    if (isReadWhenOpened(item)) {
      await this.storage.set('mentoring.inboxSeen', withSeen(this.storage.get('mentoring.inboxSeen'), item.id));
      void this.reload.now();
    }
    if (item.kind === 'proposal-to-review') {
      await vscode.commands.executeCommand(COMMAND.reviewChanges, item.proposal?.branch);
      return;
    }
    await this.c.selectPair(item.pair);
    // The agenda to prepare is not there yet: the sidebar's Prepare button is where it starts.
    if (item.kind === 'agenda-missing') return focusAgenda();
    await this.actions.openFile(item.file, item.line);
  }

  /** Stores what What's new last showed for the pair as seen; false when it showed nothing to store. */
  async markSeen(pairId: string): Promise<boolean> {
    const me = this.c.myHandle;
    const root = this.c.store.root;
    let upTo = this.shownUpTo.get(pairId);
    if (!upTo && me && root && isTrusted() && mayEdit(this.c.accessTo(pairId)))
      upTo = (await whatsNew(root, this.newsOptions(pairId, me))).seen;
    if (!upTo) return false;
    await this.storage.set('mentoring.newsSeen', { ...this.storage.get('mentoring.newsSeen'), [pairId]: upTo });
    await this.reload.now();
    return true;
  }

  private async load(): Promise<void> {
    const view = await vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => this.read());
    this.last = view;
    this.changed.fire(view);
  }

  private async read(): Promise<ExchangeView> {
    if (!isTrusted())
      return { status: 'unavailable', message: untrustedMessage('see what needs you and share your changes'), ...NONE };
    await this.c.start();
    const root = this.c.store.root;
    const model = this.c.readableModel; // my pairs opened with my keys: the inbox is mine
    const me = this.c.myHandle;
    if (!root || !model?.exists)
      return { status: 'unavailable', message: 'There is no mentoring folder here.', ...NONE };
    if (!me) return { status: 'unavailable', message: this.c.me.kind === 'unknown' ? this.c.me.reason : '', ...NONE };
    try {
      const git = await isGitRepo(root);
      const view: ExchangeView = { status: 'ready', me, ...NONE };
      view.inbox = await this.inbox(root, model, me, git);
      if (!git) return { ...view, newsMessage: 'This folder is not a git repository: nothing is shared through it.' };
      const unshared = await unsharedChanges(root, { folder: folderSetting(), branch: branchSetting() });
      const mine = new Set(visiblePairs(model, me).flatMap(({ pair, role }) => (mayEdit(role) ? [pair.id] : [])));
      view.branch = unshared.branch;
      view.unshared = unshared.pairs.filter((p) => mine.has(p.pair)).map(unsharedView);
      const pairId = this.c.selectedPairId;
      if (pairId && mine.has(pairId)) {
        try {
          view.news = await this.news(root, model, me, pairId);
        } catch (error) {
          view.newsMessage = `What's new could not be read: ${errorMessage(error)}`;
        }
      }
      void this.watchRefs(root);
      return view;
    } catch (error) {
      return { status: 'error', message: errorMessage(error), ...NONE };
    }
  }

  private async inbox(root: string, model: MentoringModel, me: Handle, git: boolean) {
    const people = knownPeople(model);
    const proposals = git
      ? await pendingProposals(root, {
          folder: folderSetting(),
          into: branchSetting(),
          handleOfEmail: (email) => personFromEmail(people, email)?.handle,
        })
      : [];
    const seen = new Set(this.storage.get('mentoring.inboxSeen') ?? []);
    const items = inbox(model, me, { today: localToday(), proposals, seen });
    this.items = new Map(items.map((item) => [item.id, item]));
    return items.map(inboxItemView);
  }

  private newsOptions(pairId: string, me: Handle) {
    return {
      folder: folderSetting(),
      pair: pairId,
      me,
      since: this.storage.get('mentoring.newsSeen')?.[pairId],
      branch: branchSetting(),
      model: this.c.readableModel,
      today: localToday(),
    };
  }

  private async news(root: string, model: MentoringModel, me: Handle, pairId: string): Promise<NewsView> {
    const options = this.newsOptions(pairId, me);
    const news = await whatsNew(root, options);
    if (news.seen) this.shownUpTo.set(pairId, news.seen);
    else this.shownUpTo.delete(pairId);
    const pair = visiblePair(model, me, pairId)?.pair;
    const other = pair ? (pair.mentee === me ? pair.mentor : pair.mentee) : pairId;
    const [tracking, current] = news.branch
      ? await Promise.all([
          findMentoringBranch(root, { branch: news.branch }).then((found) => found?.remote),
          currentBranch(root),
        ])
      : [undefined, undefined];
    return newsView(news, {
      other: firstName(personNames(model), other),
      hadSeen: options.since !== undefined,
      canFetch: tracking !== undefined,
      onBranch: news.branch !== undefined && current === news.branch,
    });
  }

  private async watchRefs(root: string): Promise<void> {
    if (this.watchedRoot === root) return;
    this.watchedRoot = root;
    this.refs?.dispose();
    this.refs = await watchRefs(root, () => this.refreshSoon()).catch(() => {
      this.watchedRoot = undefined;
      return undefined;
    });
  }

  dispose(): void {
    this.reload.cancel();
    this.refs?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
