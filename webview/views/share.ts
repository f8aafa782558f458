// "Not shared": the selected pair's changes that are not on the mentoring branch yet, in words,
// and the one Share action that commits exactly them there and pushes. Hidden when there are none.
import { html, nothing, type TemplateResult } from 'lit';
import type { ExchangeView } from '../../src/protocol/exchange';
import type { PairView } from '../../src/protocol/sidebar';
import type { Ui } from '../ui';
import { button, icon, outcome } from './common';

export function unsharedBlock(ui: Ui, pair: PairView, view: ExchangeView): TemplateResult | typeof nothing {
  const key = `share:${pair.id}`;
  const unshared = view.unshared.find((p) => p.pair === pair.id);
  // Once shared the block goes; what Share said stays a moment.
  if (!unshared || (unshared.count === 0 && unshared.notPushed === 0)) return outcome(ui, key);
  const other = pair.role === 'mentee' ? pair.mentor : pair.mentee;
  const headline =
    unshared.count > 0
      ? `${unshared.count} ${unshared.count === 1 ? 'change' : 'changes'} not shared`
      : `${unshared.notPushed === 1 ? '1 file' : `${unshared.notPushed} files`} committed, not pushed yet`;
  const share = () => void ui.run(key, { type: 'share', pairId: pair.id });
  return html`<div class="notice share" role="region" aria-label="Not shared" data-testid="unshared">
    ${icon('cloud-upload')}
    <div class="share-body">
      <p>
        <strong>${headline}</strong>
        <span class="hint">with ${other}${view.branch ? html` · on <code>${view.branch}</code>` : nothing}</span>
      </p>
      ${
        unshared.words.length > 0
          ? html`<ul class="share-words" aria-label="What is not shared">
              ${unshared.words.map((words) => html`<li>${words}</li>`)}
            </ul>`
          : nothing
      }
      ${unshared.warnings.map((warning) => html`<p class="message error">${icon('warning')} <span>${warning}</span></p>`)}
      ${
        unshared.inReview
          ? html`<p class="hint">They wait for review on <code>${unshared.inReview}</code>.</p>`
          : nothing
      }
      <div class="buttons">
        ${button('Share', share, { icon: 'cloud-upload', busy: ui.isBusy(key), testId: 'share' })}
      </div>
      ${outcome(ui, key)}
    </div>
  </div>`;
}
