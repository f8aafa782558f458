// The status bar: the next session (its date and whether its agenda is ready; click shows
// that session in the sidebar), and "N not shared" while my pairs have changes Share would commit (click shares).
import * as vscode from 'vscode';
import { COMMAND, SHARE_STATUS_BAR_ID, STATUS_BAR_ID } from '../commands/ids';
import { addDays } from '../../shared/dates';
import type { ExchangeView, SidebarState } from '../../protocol/messages';
import { notSharedText, unsharedTotal } from '../exchange/viewModel';

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
    this.item.command = { title: 'Show Next Session', command: COMMAND.showNextSession, arguments: [pair.id] };
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

export class ShareStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(SHARE_STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 49);

  constructor() {
    this.item.name = 'Mentoring: Not Shared';
    this.item.command = COMMAND.share;
  }

  /** Shown only while something waits for Share; the sidebar's exchange is what counts it. */
  update(exchange: ExchangeView): void {
    const total = exchange.status === 'ready' ? unsharedTotal(exchange.unshared) : 0;
    if (total === 0) {
      this.item.hide();
      return;
    }
    this.item.text = `$(cloud-upload) ${total} not shared`;
    const pairs = exchange.unshared.map((p) =>
      p.count > 0 ? `${p.pair}: ${p.words.join('; ') || notSharedText(p.count)}` : `${p.pair}: not pushed yet`,
    );
    this.item.tooltip = `Mentoring: ${notSharedText(total)} with the other side.\n${pairs.join('\n')}\nClick to share.`;
    this.item.accessibilityInformation = { label: `Mentoring: ${notSharedText(total)}. Share them.`, role: 'button' };
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
