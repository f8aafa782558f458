// The extension's state in one place: the loaded folder (store), who I am, which pair is
// selected. The sidebar and the status bar render from it; commands act through it.
import * as vscode from 'vscode';
import type { Handle, MentoringModel, PairModel, Person } from '../../core/folder/model';
import { visiblePair, visiblePairs, type Access, type VisiblePair } from '../../core/policy/access';
import type { IdentityView, SidebarState } from '../../protocol/messages';
import { Reload } from '../../shared/reload';
import { GitConfigWatcher } from './gitConfigWatcher';
import { Identity } from './identity';
import { knownPeople } from '../../core/folder/people';
import { localToday } from '../../core/app/today';
import { folderSetting } from './settings';
import { WorkspaceStorage } from './storage';
import { MentoringStore } from './store';
import { buildState } from '../sidebar/viewModel';
import { readPrivateNotes, type PrivateNotes } from '../../core/app/privateNotes';
import { isTrusted } from '../workbench/trust';
import type { KeyRing } from '../keys/keyRing';
import { OpenedModel } from './openedModel';

export class Controller implements vscode.Disposable {
  readonly store = new MentoringStore();
  readonly identity: Identity;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** One resolve of who I am at a time, so an older answer never lands after a newer one. */
  private readonly updates = new Reload(() => this.update());
  /** A changed git config (`user.email`) re-resolves who I am after a quiet moment. */
  private readonly gitConfig = new GitConfigWatcher(() => {
    this.identity.reset();
    this.updates.soon();
  });
  private readonly disposables: vscode.Disposable[] = [
    this.store,
    this.changed,
    this.gitConfig,
    { dispose: () => this.updates.cancel() },
  ];
  me: IdentityView = { kind: 'unknown', reason: 'Loading…' };
  private loaded = false;
  private readonly storage: WorkspaceStorage;
  /** The model with my pairs' sealed values opened by my keys, for the model it was made from; never leaves this host. */
  private opened: { from: MentoringModel; viewer: Handle; model: MentoringModel } | undefined;
  private readonly opener = new OpenedModel();

  constructor(
    memento: vscode.Memento,
    /** My keys on this machine (SecretStorage); without it sealed values stay sealed. */
    readonly keys?: KeyRing,
  ) {
    this.storage = new WorkspaceStorage(memento);
    this.identity = new Identity(this.storage);
    // The first load reads my pairs before the others: who I am is asked with the people read.
    this.store.whoAmI = async (model) => {
      const me = await this.identity.resolve(model, this.store.root);
      return me.kind === 'known' ? me.handle : undefined;
    };
    this.store.peopleHint = () => this.identity.hint(this.store.root);
    this.disposables.push(
      this.store.onDidChange(() => void this.updates.now()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.identity.reset();
        void this.store.refresh();
      }),
    );
  }

  /** Loads the folder the first time anything needs it. */
  async start(): Promise<void> {
    await this.store.start();
  }

  private async update(): Promise<void> {
    const root = this.store.root;
    this.me = await this.identity.resolve(this.store.model, root);
    // Watched from the first load on, and only where git may run.
    if (root && isTrusted()) void this.gitConfig.watch(root);
    else this.gitConfig.stop();
    await this.open();
    this.loaded = true;
    this.changed.fire();
  }

  /** Opens the sealed values of my pairs with my keys, once per loaded model (a patch makes a new one). */
  private async open(): Promise<void> {
    const model = this.store.model;
    const viewer = this.myHandle;
    if (!model || !viewer || !this.keys) return void (this.opened = undefined);
    if (this.opened?.from === model && this.opened.viewer === viewer) return;
    // Without secret storage (no keychain) there are no identities: sealed values show as sealed.
    const identities = await this.myIdentities();
    this.opened = { from: model, viewer, model: await this.opener.open(model, viewer, identities) };
  }

  /**
   * The loaded model as I read it: my pairs' sealed values opened with my keys (anyone else's pairs
   * as loaded; the policy gives them placeholders). For the sidebar's view only: what is written
   * is edited in the file's own text, and nothing opened is ever sent to anyone else.
   */
  get readableModel(): MentoringModel | undefined {
    const opened = this.opened;
    return opened && opened.from === this.store.model && opened.viewer === this.myHandle
      ? opened.model
      : this.store.model;
  }

  /** My identities on this machine (none without secret storage); they never leave the extension host but for core calls. */
  async myIdentities(): Promise<string[]> {
    try {
      return (await this.keys?.identities()) ?? [];
    } catch {
      return [];
    }
  }

  /** My keys changed (one set up or added): the sealed values are opened again. */
  async keysChanged(): Promise<void> {
    this.opened = undefined;
    await this.updates.now();
  }

  /** My handle once I am known; the access policy sees nothing of any pair without one. */
  get myHandle(): Handle | undefined {
    return this.me.kind === 'known' ? this.me.handle : undefined;
  }

  get selectedPairId(): string | undefined {
    const pairs = this.visiblePairs();
    const chosen = this.storage.get('mentoring.selectedPair');
    return (pairs.find((p) => p.pair.id === chosen) ?? pairs[0])?.pair.id;
  }

  async selectPair(pairId: string): Promise<void> {
    await this.storage.set('mentoring.selectedPair', pairId);
    this.changed.fire();
  }

  async pickMe(handle: string | undefined): Promise<void> {
    await this.identity.pick(handle);
    await this.updates.now();
  }

  state(): SidebarState {
    return buildState({
      model: this.readableModel,
      loading: !this.loaded,
      trusted: isTrusted(),
      hasWorkspace: this.store.root !== undefined,
      folder: folderSetting(),
      today: localToday(),
      me: this.me,
      people: this.people().map((p) => ({ handle: p.handle, name: p.name })),
      selectedPairId: this.selectedPairId,
      isCommitted: (rel) => this.store.isCommitted(rel) && !this.hasUnsavedChanges(rel),
      loadError: this.store.lastError,
      privateNotes: this.privateNotesReader(),
    });
  }

  /** Reads my private notes (`.private/` of the mentoring folder) once a folder is open. */
  private privateNotesReader(): ((pairId: string) => PrivateNotes) | undefined {
    const root = this.store.root;
    const folder = this.store.folderAbs;
    return root && folder ? (pairId) => readPrivateNotes(root, folder, pairId) : undefined;
  }

  /** My private notes changed (saved here or in an editor): the sidebar shows them again. */
  privateNotesChanged(): void {
    this.changed.fire();
  }

  /** Whether an editor holds unsaved changes to `rel` (relative to the workspace root). */
  private hasUnsavedChanges(rel: string): boolean {
    const root = this.store.root;
    if (!root) return false;
    const abs = vscode.Uri.joinPath(vscode.Uri.file(root), rel).fsPath;
    return vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.fsPath === abs);
  }

  /** The people of the folder whose files parsed. */
  people(): Person[] {
    return knownPeople(this.store.model);
  }

  /** The pairs I may see, with my part in each (core/policy). */
  visiblePairs(): VisiblePair[] {
    return visiblePairs(this.store.model, this.myHandle);
  }

  /** A pair I may see (mine, or any when I coordinate), whole; undefined otherwise. Render it through the policy. */
  visiblePair(pairId: string | undefined): PairModel | undefined {
    return visiblePair(this.store.model, this.myHandle, pairId)?.pair;
  }

  /** My part in a pair: mentee, mentor, coordinator or none. */
  accessTo(pairId: string | undefined): Access {
    return visiblePair(this.store.model, this.myHandle, pairId)?.role ?? 'none';
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
