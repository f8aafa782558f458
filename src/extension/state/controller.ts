// The extension's state in one place: the loaded folder (store), who I am, which pair is
// selected. The sidebar and the status bar render from it; commands act through it.
import * as vscode from 'vscode';
import type { PairModel } from '../../core/folder/model';
import type { IdentityView, SidebarState } from '../../protocol/messages';
import { Identity } from './identity';
import { localToday } from '../../core/app/today';
import { folderSetting } from './settings';
import { MentoringStore } from './store';
import { buildState, myPairs } from '../sidebar/viewModel';

const SELECTED_KEY = 'mentoring.selectedPair';

export class Controller implements vscode.Disposable {
  readonly store = new MentoringStore();
  readonly identity: Identity;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.store, this.changed];
  me: IdentityView = { kind: 'unknown', reason: 'Loading…' };
  private loaded = false;

  constructor(private readonly memento: vscode.Memento) {
    this.identity = new Identity(memento);
    this.disposables.push(
      this.store.onDidChange(() => void this.update()),
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
    this.me = await this.identity.resolve(this.store.model, this.store.root);
    this.loaded = true;
    this.changed.fire();
  }

  get selectedPairId(): string | undefined {
    const pairs = myPairs(this.store.model, this.me);
    const chosen = this.memento.get<string>(SELECTED_KEY);
    return pairs.find((p) => p.id === chosen)?.id ?? pairs[0]?.id;
  }

  async selectPair(pairId: string): Promise<void> {
    await this.memento.update(SELECTED_KEY, pairId);
    this.changed.fire();
  }

  async pickMe(handle: string | undefined): Promise<void> {
    await this.identity.pick(handle);
    await this.update();
  }

  state(): SidebarState {
    return buildState({
      model: this.store.model,
      loading: !this.loaded,
      trusted: vscode.workspace.isTrusted,
      hasWorkspace: this.store.root !== undefined,
      folder: folderSetting(),
      today: localToday(),
      me: this.me,
      selectedPairId: this.selectedPairId,
      isCommitted: (rel) => this.store.isCommitted(rel) && !this.hasUnsavedChanges(rel),
      loadError: this.store.lastError,
    });
  }

  /** Whether an editor holds unsaved changes to `rel` (relative to the workspace root). */
  private hasUnsavedChanges(rel: string): boolean {
    const root = this.store.root;
    if (!root) return false;
    const abs = vscode.Uri.joinPath(vscode.Uri.file(root), rel).fsPath;
    return vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.fsPath === abs);
  }

  /** A pair I may see (mine, or any when I coordinate); undefined otherwise. */
  visiblePair(pairId: string | undefined): PairModel | undefined {
    if (!pairId) return undefined;
    if (!myPairs(this.store.model, this.me).some((p) => p.id === pairId)) return undefined;
    return this.store.model?.pairs.find((p) => p.id === pairId);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
