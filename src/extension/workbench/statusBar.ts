// The status bar: the next session (its date and whether its agenda is ready; click shows
// that session in the sidebar), and "N not shared" while my pairs have changes Share would commit (click shares).
// Each item turns its state into a `Look` (or nothing: hidden); one class puts a look on the bar.
import * as vscode from 'vscode';
import { COMMAND, SHARE_STATUS_BAR_ID, STATUS_BAR_ID } from '../commands/ids';
import { addDays } from '../../shared/dates';
import type { ExchangeView, SidebarState } from '../../protocol/messages';
import { notSharedText, unsharedTotal } from '../exchange/viewModel';

/** What one item shows; `label` is what a screen reader says. */
interface Look {
  text: string;
  tooltip: string;
  label: string;
  command?: vscode.Command;
  warning?: boolean;
}

class StatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor(
    id: string,
    priority: number,
    name: string,
    private readonly command: string,
  ) {
    this.item = vscode.window.createStatusBarItem(id, vscode.StatusBarAlignment.Left, priority);
    this.item.name = name;
    this.item.command = command;
  }

  protected show(look: Look | undefined): void {
    if (!look) {
      this.item.hide();
      return;
    }
    this.item.text = look.text;
    this.item.tooltip = look.tooltip;
    this.item.command = look.command ?? this.command;
    this.item.backgroundColor = look.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.accessibilityInformation = { label: look.label, role: 'button' };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

export class SessionStatusBar extends StatusItem {
  constructor() {
    super(STATUS_BAR_ID, 50, 'Mentoring: Next Session', COMMAND.openSidebar);
  }

  update(state: SidebarState): void {
    this.show(sessionLook(state));
  }
}

export class ShareStatusBar extends StatusItem {
  constructor() {
    super(SHARE_STATUS_BAR_ID, 49, 'Mentoring: Not Shared', COMMAND.share);
  }

  /** Shown only while something waits for Share; the sidebar's exchange is what counts it. */
  update(exchange: ExchangeView): void {
    this.show(shareLook(exchange));
  }
}

function sessionLook(state: SidebarState): Look | undefined {
  const pair = state.pair;
  if (!state.folderExists || !pair) return undefined;
  const command = { title: 'Show Next Session', command: COMMAND.showNextSession, arguments: [pair.id] };
  const other = pair.role === 'mentee' ? pair.mentor : pair.role === 'mentor' ? pair.mentee : pair.id;
  const next = pair.nextSession;
  if (!next) {
    const tooltip = `Mentoring with ${other}: no next session is agreed. Click to open the sidebar.`;
    return { text: '$(calendar) No session agreed', tooltip, label: tooltip, command };
  }
  const when = next.date === state.today ? 'today' : formatDate(next.date);
  const tooltip = next.agendaReady
    ? `Next mentoring session with ${other} on ${next.date}; the agenda is ready.`
    : `Next mentoring session with ${other} on ${next.date}; the agenda is not prepared yet. Click to prepare it.`;
  return {
    text: next.agendaReady ? `$(calendar) ${when} · $(check) agenda` : `$(calendar) ${when} · $(edit) no agenda`,
    tooltip,
    label: tooltip,
    command,
    warning: !next.agendaReady && next.date <= addDays(state.today, 1),
  };
}

function shareLook(exchange: ExchangeView): Look | undefined {
  const total = exchange.status === 'ready' ? unsharedTotal(exchange.unshared) : 0;
  if (total === 0) return undefined;
  const pairs = exchange.unshared.map((p) =>
    p.count > 0 ? `${p.pair}: ${p.words.join('; ') || notSharedText(p.count)}` : `${p.pair}: not pushed yet`,
  );
  return {
    text: `$(cloud-upload) ${total} not shared`,
    tooltip: `Mentoring: ${notSharedText(total)} with the other side.\n${pairs.join('\n')}\nClick to share.`,
    label: `Mentoring: ${notSharedText(total)}. Share them.`,
  };
}

function formatDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return date.toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
}
