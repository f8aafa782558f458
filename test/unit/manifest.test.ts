import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND, VIEW_ID } from '../../src/extension/commands/ids';
import { RUN_COMMANDS } from '../../src/protocol/sidebar';

const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));

describe('the manifest and the code name the same ids', () => {
  it('declares exactly the commands the extension registers', () => {
    const declared = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(declared, Object.values(COMMAND).sort());
  });

  it('declares the sidebar view, and the webview may run only registered commands', () => {
    assert.ok(manifest.contributes.views.mentoring.some((v: { id: string }) => v.id === VIEW_ID));
    for (const command of RUN_COMMANDS) assert.ok(command in COMMAND, command);
  });
});
