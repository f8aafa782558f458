// The next session in the status bar: its date and whether its agenda is ready. Click opens the sidebar.
import * as vscode from 'vscode';
import { COMMAND, STATUS_BAR_ID } from '../commands/ids';
import { addDays } from '../../shared/dates';
import type { SidebarState } from '../../protocol/messages';

export class SessionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = 'Mentoring: Next Session';
    this.item.command = COMMAND.openSidebar;
  }

  update(state: SidebarState): void {
    const pair = state.pair;
    if (!state.folderExists || !pair) {
      this.item.hide();
      return;
    }
    const other = pair.role === 'mentee' ? pair.mentor : pair.role === 'mentor' ? pair.mentee : pair.id;
    const next = pair.nextSession;
    if (!next) {
      this.item.text = '$(calendar) No session agreed';
      this.item.tooltip = `Mentoring with ${other}: no next session is agreed. Click to open the sidebar.`;
      this.item.backgroundColor = undefined;
    } else {
      const when = next.date === state.today ? 'today' : formatDate(next.date);
      this.item.text = next.agendaReady
        ? `$(calendar) ${when} · $(check) agenda`
        : `$(calendar) ${when} · $(edit) no agenda`;
      this.item.tooltip = next.agendaReady
        ? `Next mentoring session with ${other} on ${next.date}; the agenda is ready.`
        : `Next mentoring session with ${other} on ${next.date}; the agenda is not prepared yet. Click to prepare it.`;
      const soon = !next.agendaReady && next.date <= addDays(state.today, 1);
      this.item.backgroundColor = soon ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    }
    this.item.accessibilityInformation = { label: String(this.item.tooltip), role: 'button' };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

function formatDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return date.toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
}
