// The sidebar's Proposals section: relationships and plan changes waiting for review, mine and
// to me. Read from git (review branches not merged into the default branch, and plans still
// `proposed` on it) only once the webview shows the section, and again when the folder changes
// or a review command ran. In Restricted Mode no git runs and the section says why.
import * as vscode from 'vscode';
import { Reload } from '../../shared/reload';
import { isGitRepo } from '../../core/git/repository';
import { pendingProposals, proposalsFor, type Proposal } from '../../core/review';
import type { ProposalView, ProposalsView } from '../../protocol/messages';
import type { Controller } from '../state/controller';
import { knownPeople, personFromEmail } from '../../core/folder/people';
import { errorMessage } from '../../shared/errors';
import { branchSetting, folderSetting } from '../state/settings';
import { isTrusted, untrustedMessage } from '../workbench/trust';

export class SidebarProposals implements vscode.Disposable {
  private shown = false;
  private readonly reload = new Reload(async () => this.post(await this.read()));
  /** The branches last sent: the only ones the webview may ask to review. */
  private branches = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly c: Controller,
    private readonly post: (proposals: ProposalsView) => void,
  ) {
    this.disposables.push(
      c.onDidChange(() => this.refreshSoon()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refreshSoon()),
    );
  }

  /** The webview shows the section: load, and keep it fresh from now on. */
  show(): Promise<void> {
    this.shown = true;
    return this.reload.now();
  }

  /** A review command changed the branches: load again if the section was ever shown. */
  refresh(): Promise<void> {
    return this.shown ? this.reload.now() : Promise.resolve();
  }

  isKnownBranch(branch: string): boolean {
    return this.branches.has(branch);
  }

  private refreshSoon(): void {
    if (this.shown) this.reload.soon();
  }

  private async read(): Promise<ProposalsView> {
    const empty = { mine: [], toMe: [] };
    if (!isTrusted())
      return {
        status: 'unavailable',
        message: untrustedMessage('see the proposals waiting for review, which are read from git'),
        ...empty,
      };
    const root = this.c.store.root;
    if (!root) return { status: 'unavailable', message: 'Open a folder first.', ...empty };
    await this.c.start();
    const me = this.c.me.kind === 'known' ? this.c.me.handle : undefined;
    try {
      if (!(await isGitRepo(root)))
        return { status: 'unavailable', message: 'This folder is not a git repository.', ...empty };
      const people = knownPeople(this.c.store.model);
      const handleOfEmail = (email: string) => personFromEmail(people, email)?.handle;
      const proposals = await pendingProposals(root, {
        folder: folderSetting(),
        into: branchSetting(),
        handleOfEmail,
      });
      const model = this.c.store.model;
      // What waits for my decision is titled as Review Mentoring Changes titles it.
      const forMe =
        me && model ? await proposalsFor(root, model, me, { pending: proposals, into: branchSetting() }) : [];
      const titles = new Map(forMe.map((p) => [`${p.branch ?? p.pair}`, p.title]));
      const view: ProposalsView = { status: 'ready', mine: [], toMe: [] };
      for (const proposal of proposals) {
        const involved = me !== undefined && (proposal.mentee === me || proposal.mentor === me);
        const title = titles.get(proposal.branch ?? proposal.pair);
        if (me !== undefined && proposal.from === me) view.mine.push(toView(proposal));
        else if (involved) view.toMe.push({ ...toView(proposal), ...(title ? { title } : {}) });
      }
      this.branches = new Set(proposals.flatMap((p) => (p.branch ? [p.branch] : [])));
      return view;
    } catch (error) {
      return { status: 'error', message: errorMessage(error), ...empty };
    }
  }

  dispose(): void {
    this.reload.cancel();
    for (const d of this.disposables) d.dispose();
  }
}

function toView(proposal: Proposal): ProposalView {
  return {
    kind: proposal.kind,
    pair: proposal.pair,
    mentee: proposal.mentee,
    mentor: proposal.mentor,
    ...(proposal.from ? { from: proposal.from } : {}),
    ...(proposal.branch ? { branch: proposal.branch } : {}),
    ...(proposal.date ? { date: proposal.date.slice(0, 10) } : {}),
  };
}
