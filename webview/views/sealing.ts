// What the pair is told about its sealed fields: who has no key yet (so those fields are stored in
// clear until they set one up), said the same way to both of them, with "Set Up My Key" for me.
import { html, nothing, type TemplateResult } from 'lit';
import type { PairView, SealingView } from '../../src/protocol/sidebar';
import { SEALED_PLACEHOLDER } from '../../src/shared/sealed';
import type { Ui } from '../ui';
import { button, icon } from './common';

export function sealingNotice(ui: Ui, pair: PairView, me: string | undefined): TemplateResult | typeof nothing {
  const sealing = pair.sealing;
  if (!sealing || sealing.fields.length === 0) return nothing;
  const fields = listed(sealing.fields);
  const mine = sealing.withoutKey.some((p) => p.handle === me);
  if (sealing.withoutKey.length > 0)
    return html`<div class="notice warn sealing" role="status" data-testid="sealing-notice">
      ${icon('unlock')}
      <div class="sealing-body">
        <span
          >${withoutKeySentence(sealing, me)}: ${fields} are stored in clear until
          ${sealing.withoutKey.length > 1 ? 'you both set one up' : mine ? 'you set one up' : 'they set one up'}.</span
        >
        ${mine ? html`<div>${button('Set Up My Key', () => ui.send({ type: 'run', command: 'setUpMyKey' }), { secondary: true, testId: 'set-up-key' })}</div>` : nothing}
      </div>
    </div>`;
  const unreadable =
    sealing.unreadable > 0
      ? ` ${sealing.unreadable === 1 ? 'One file holds' : `${sealing.unreadable} files hold`} sealed text no key on this machine opens: it shows as “${SEALED_PLACEHOLDER}”, read-only.`
      : '';
  return html`<p class="hint sealing" data-testid="sealing-notice">
    ${icon('lock')} ${capitalized(fields)} are sealed to the two of you.${unreadable}
  </p>`;
}

function withoutKeySentence(sealing: SealingView, me: string | undefined): string {
  const names = sealing.withoutKey.map((p) => (p.handle === me ? 'You' : p.name || p.handle));
  if (names.length > 1) return 'Neither of you has a key yet';
  return names[0] === 'You' ? 'You have no key yet' : `${names[0]} has no key yet`;
}

function listed(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
