// The selected pair's history as the extension last sent it. Asked for only when the timeline or
// the health card is shown, so git runs only for a user who looks at them.
import type { HistoryView } from '../src/protocol/history';
import type { Ui } from './ui';

export class HistoryState {
  private view: HistoryView | undefined;
  private asked: string | undefined;

  update(view: HistoryView): void {
    this.view = view;
  }

  /** The pair's history; the first time it is needed, asks the extension for it (which then keeps it fresh). */
  forPair(ui: Ui, pairId: string): HistoryView | undefined {
    if (this.asked !== pairId) {
      this.asked = pairId;
      ui.send({ type: 'loadHistory', pairId });
    }
    return this.view?.pairId === pairId ? this.view : undefined;
  }
}
