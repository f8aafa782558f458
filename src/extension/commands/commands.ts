// The commands of the Command Palette, the editor context menu and the view title.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMAND, VIEW_ID, WALKTHROUGH_ID } from './ids';
import { stringify } from 'yaml';
import { userEmail } from '../../core/git/repository';
import { codeReference, type CodeReference } from '../../core/app/codeReference';
import { errorMessage } from '../../shared/errors';
import { initMentoring } from '../../core/app/init';
import type { LoadedFile, PairModel, Session } from '../../core/folder/model';
import { proposedAgendaDate } from '../../core/app/nextSession';
import { localToday } from '../../core/app/today';
import { isHandle } from '../../core/folder/names';
import { personPath, toRel } from '../../core/folder/paths';
import { summarizePair } from '../../core/health/summary';
import { isIsoDate } from '../../shared/dates';
import type { Actions } from '../documents/actions';
import type { Controller } from '../state/controller';
import type { MentoringDiagnostics } from '../workbench/diagnostics';
import { registerCommand } from './registerCommand';
import { folderSetting } from '../state/settings';
import type { SidebarProvider } from '../sidebar/provider';
import { createDocument } from '../documents/workspaceEdits';
import { requireTrust } from '../workbench/trust';
import { shownItem, shownText } from '../workbench/shownText';

export function registerCommands(
  c: Controller,
  actions: Actions,
  sidebar: SidebarProvider,
  diagnostics: MentoringDiagnostics,
): vscode.Disposable[] {
  const openSidebar = async () => {
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    await c.start();
  };

  /** The pair a command acts on: the selected one, or one picked now. */
  const pairFor = async (role?: 'mentee'): Promise<string | undefined> => {
    await c.start();
    const pairs = c
      .visiblePairs()
      .filter((p) => !role || p.role === role)
      .map((visible) => ({ ...visible.pair, role: visible.role }));
    if (c.me.kind !== 'known') {
      void vscode.window
        .showWarningMessage(shownText(`${c.me.reason}`), 'Pick My Person')
        .then((a) => a && vscode.commands.executeCommand(COMMAND.pickMe));
      return undefined;
    }
    if (pairs.length === 0) {
      void vscode.window.showInformationMessage(
        role ? 'You have no mentoring relationship as a mentee yet.' : 'You have no mentoring relationship yet.',
      );
      return undefined;
    }
    const selected = pairs.find((p) => p.id === c.selectedPairId);
    if (pairs.length === 1 || (selected && !role)) return (selected ?? pairs[0]).id;
    const picked = await vscode.window.showQuickPick(
      pairs.map((p) => ({
        label: p.id,
        description: p.role === 'mentee' ? `mentor: ${p.mentor}` : `mentee: ${p.mentee}`,
        id: p.id,
      })),
      { placeHolder: 'Which mentoring relationship?' },
    );
    return picked?.id;
  };

  /** A mentoring file's path as a message shows it: from the mentoring root, which may be another repository's. */
  const shownPath = (uri: vscode.Uri): string => {
    const root = c.store.root;
    return root ? toRel(root, uri.fsPath) : vscode.workspace.asRelativePath(uri);
  };

  return [
    registerCommand(COMMAND.openSidebar, openSidebar),
    registerCommand(COMMAND.refresh, async () => {
      c.identity.reset();
      await c.start();
      await c.store.refresh();
    }),
    registerCommand(COMMAND.init, async () => {
      const root = c.store.root;
      if (!root)
        return void vscode.window.showWarningMessage(
          'Open a folder first: the mentoring folder lives in your repository.',
        );
      requireTrust('set up mentoring');
      const result = await initMentoring(root, folderSetting());
      await c.start();
      await c.store.refresh();
      await openSidebar();
      const what =
        result.created.length > 0
          ? `Created ${result.created.length} files in ${folderSetting()}/`
          : `${folderSetting()}/ was already set up; nothing was overwritten`;
      void vscode.window.showInformationMessage(
        shownText(`${what}. Edit people/ and the example pair to make them yours.`),
      );
    }),
    registerCommand(COMMAND.validate, async () => {
      await c.start();
      await c.store.refresh();
      const n = diagnostics.count;
      if (n === 0)
        return void vscode.window.showInformationMessage(shownText(`${folderSetting()}/ is valid: no problems.`));
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      void vscode.window.showWarningMessage(
        shownText(`${folderSetting()}/ has ${n} problem${n === 1 ? '' : 's'}; see the Problems panel.`),
      );
    }),
    registerCommand(COMMAND.selectPair, async () => {
      await c.start();
      const pairs = c.visiblePairs();
      const picked = await vscode.window.showQuickPick(
        pairs.map(({ pair, role }) => {
          const status = pair.plan?.data?.status;
          return shownItem({ label: pair.id, description: `${role}${status ? ` · ${status}` : ''}`, id: pair.id });
        }),
        { placeHolder: pairs.length ? 'Show which mentoring relationship?' : 'No relationship for you yet' },
      );
      if (picked) await c.selectPair(picked.id);
    }),
    registerCommand(COMMAND.pickMe, async () => {
      await c.start();
      const people = c.people();
      const create = { label: '$(add) Create my person file…', handle: '' };
      const picked = await vscode.window.showQuickPick(
        [...people.map((p) => shownItem({ label: p.name, description: p.handle, handle: p.handle })), create],
        {
          placeHolder: 'Who are you? (set mentoring.me to make it permanent)',
        },
      );
      if (!picked) return;
      if (picked === create) return vscode.commands.executeCommand(COMMAND.createPerson);
      await c.pickMe(picked.handle);
    }),
    registerCommand(COMMAND.createPerson, async () => {
      await c.start();
      requireTrust('create your person file');
      const root = c.store.root;
      const folder = c.store.folderAbs;
      if (!root || !folder) return void vscode.window.showWarningMessage('Open a folder first.');
      const handle = await vscode.window.showInputBox({
        title: 'Your handle',
        prompt: 'Lower-case letters, digits and single hyphens; it names people/<handle>.yaml',
        validateInput: (v) =>
          isHandle(v) ? undefined : 'Use lower-case letters, digits and single hyphens, like ana or ben-k',
      });
      if (!handle) return;
      const name = await vscode.window.showInputBox({ title: 'Your name', prompt: 'As your colleagues know you' });
      if (!name) return;
      const email = await userEmail(root);
      const uri = vscode.Uri.file(personPath(folder, handle));
      await createDocument(uri, stringify({ handle, name, emails: email ? [email] : [], roles: ['mentee'] }));
      await c.pickMe(handle);
      await vscode.window.showTextDocument(uri);
    }),
    registerCommand(COMMAND.addGoal, async () => {
      await openSidebar();
      sidebar.focus('addGoal');
    }),
    registerCommand(COMMAND.prepareAgenda, async () => {
      const pairId = await pairFor();
      if (!pairId) return;
      await c.selectPair(pairId);
      const model = c.store.model;
      const pair = c.visiblePair(pairId);
      const date = await vscode.window.showInputBox({
        title: `Prepare the agenda (${pairId})`,
        prompt: 'Date of the session (YYYY-MM-DD)',
        value: model && pair ? proposedAgendaDate(model, pair, localToday()) : undefined,
        validateInput: (v) => (isIsoDate(v) ? undefined : 'A date like 2026-12-05'),
      });
      if (!date) return;
      const uri = await actions.prepareAgenda(pairId, date);
      await openSidebar();
      sidebar.focus('agenda');
      void vscode.window.showInformationMessage(
        shownText(`Agenda for ${date} created: ${shownPath(uri)}. Commit it when it is ready.`),
      );
    }),
    registerCommand(COMMAND.commitAgenda, async (arg?: unknown) => {
      let rel = typeof arg === 'string' ? arg : undefined;
      if (!rel) {
        const pairId = await pairFor();
        if (!pairId) return;
        await c.selectPair(pairId);
        const pair = c.visiblePair(pairId);
        const next = pair && agendaToCommit(pair, localToday());
        if (!next) return void vscode.window.showInformationMessage('There is no agenda to commit; prepare one first.');
        rel = next.rel;
      }
      void vscode.window.showInformationMessage(shownText(await actions.commitAgenda(rel)));
    }),
    registerCommand(COMMAND.askForFeedback, async () => {
      await openSidebar();
      sidebar.focus('feedback');
    }),
    registerCommand(COMMAND.askForFeedbackOnSelection, async () => {
      const editor = vscode.window.activeTextEditor;
      const root = c.store.root;
      if (!editor || !root) return void vscode.window.showWarningMessage('Select some code in an editor first.');
      requireTrust('ask for feedback');
      const file = editor.document.uri;
      if (file.scheme !== 'file')
        return void vscode.window.showWarningMessage('Feedback on code works for files saved in a git repository.');
      const { start, end } = editor.selection;
      const lastLine = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
      const lines: [number, number] = [start.line + 1, lastLine + 1];
      let code: CodeReference;
      try {
        code = await codeReference(file.fsPath, lines, root);
      } catch (error) {
        return void vscode.window.showWarningMessage(shownText(errorMessage(error)));
      }
      const pairId = await pairFor('mentee');
      if (!pairId) return;
      const pair = c.visiblePair(pairId);
      const mentor = pair?.mentor ?? 'your mentor';
      const question = await vscode.window.showInputBox({
        title: shownText(`Ask ${mentor} for feedback on ${code.path}:${lines[0]}-${lines[1]}`),
        prompt: 'Your question',
        placeHolder: 'Is this retry policy safe under partial failure?',
        validateInput: (v) => (v.trim() ? undefined : 'Write the question you want answered'),
      });
      if (!question) return;
      const uri = await actions.askFeedback({
        pairId,
        question,
        kind: 'code',
        code: { repository: code.repository, path: code.path, lines, commit: code.commit },
      });
      await c.selectPair(pairId);
      void vscode.window.showInformationMessage(shownText(`Asked ${mentor} for feedback: ${shownPath(uri)}.`));
      for (const warning of codeWarnings(code, editor.document.isDirty, mentor))
        void vscode.window.showWarningMessage(shownText(warning));
    }),
    registerCommand(COMMAND.openWalkthrough, () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false),
    ),
  ];
}

/** The agenda Commit Agenda commits when none is named: the next session's (core's summary), else the newest. */
function agendaToCommit(pair: PairModel, today: string): LoadedFile<Session> | undefined {
  const dateOf = (file: LoadedFile<Session>) =>
    typeof file.data?.date === 'string' ? file.data.date : path.basename(file.rel, '.yaml');
  const newestFirst = [...pair.sessions].sort((a, b) => dateOf(b).localeCompare(dateOf(a)));
  const next = summarizePair(pair, today).nextSession;
  return newestFirst.find((file) => next !== undefined && dateOf(file) === next) ?? newestFirst[0];
}

/** What the mentor may not see as the mentee does: lines changed since the commit recorded, a repository without a name. */
function codeWarnings(code: CodeReference, unsaved: boolean, mentor: string): string[] {
  const warnings: string[] = [];
  if (code.uncommitted || unsaved)
    warnings.push(
      code.commit
        ? `${code.path} has changes that are not committed: the request records commit ${code.commit.slice(0, 7)}, where lines ${code.lines[0]}-${code.lines[1]} may read differently. Commit (and push) them so ${mentor} sees what you see.`
        : `${code.path} is not committed yet, so the request records no commit; commit (and push) it so ${mentor} can open it.`,
    );
  if (code.noOrigin)
    warnings.push(
      `The repository of ${code.path} has no remote named origin, so the request cannot say which repository it is about; add one (git remote add origin URL) for the next request.`,
    );
  return warnings;
}
