// The exchange's messages from the webview, checked as strictly as every other area's.
import assert from 'node:assert/strict';
import { isRequest, parseWebviewMessage } from '../../src/protocol/messages';

describe('protocol: the exchange messages the extension accepts from the webview', () => {
  it('accepts each well-formed command and request, and knows the requests by their id', () => {
    const commands = [
      { type: 'loadExchange' },
      { type: 'openInboxItem', itemId: 'feedback-to-answer:.mentoring/pairs/ana--ben/feedback/2026-11-20-retry.yaml' },
      { type: 'pullMentoring' },
      { type: 'markNewsSeen', pairId: 'ana--ben' },
    ];
    const requests = [
      { type: 'share', id: 7, pairId: 'ana--ben' },
      { type: 'fetchMentoring', id: 8 },
    ];
    for (const message of [...commands, ...requests])
      assert.deepEqual(parseWebviewMessage(message), message, JSON.stringify(message));
    for (const message of commands) assert.equal(isRequest(parseWebviewMessage(message)!), false);
    for (const message of requests) assert.equal(isRequest(parseWebviewMessage(message)!), true);
  });

  it('refuses extra keys, missing ids, empty or oversized ids and wrong types', () => {
    const bad = [
      { type: 'loadExchange', pairId: 'ana--ben' },
      { type: 'openInboxItem', itemId: '' },
      { type: 'openInboxItem', itemId: 'x'.repeat(1001) },
      { type: 'openInboxItem', itemId: 42 },
      { type: 'pullMentoring', branch: 'main' },
      { type: 'markNewsSeen', pairId: 'ana--ben', commit: 'a'.repeat(40) },
      { type: 'share', pairId: 'ana--ben' },
      { type: 'share', id: 1.5, pairId: 'ana--ben' },
      { type: 'share', id: 1, pairId: 'ana--ben', dryRun: true },
      { type: 'fetchMentoring', id: 1, remote: 'evil' },
    ];
    for (const message of bad) assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
  });
});
