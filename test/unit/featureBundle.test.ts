// The feature bundle (dist/features.js) in a fresh Node process with a stand-in `vscode`: loading
// it requires only Node's built-ins. The libraries with bundles of their own (scripts/bundling.mjs:
// the solver, the calendar, sealing) load on their first use, never when the features load; and
// once asked for, each lazy bundle gives the library its code expects.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';

const DIST = resolve(__dirname, '../../dist');

/** Runs `body` in a fresh Node process where `vscode` is a stand-in; what it prints, parsed. */
function inNode(body: string): unknown {
  const script = `
const Module = require('module');
const any = new Proxy(function () {}, { get: (t, k) => (k === 'then' ? undefined : any), apply: () => any, construct: () => any });
// Each name the bundle takes from vscode at load time (esbuild copies the module's own names).
const vscode = {};
for (const name of ['EventEmitter', 'Disposable', 'Uri', 'workspace', 'window', 'commands', 'languages', 'env',
  'extensions', 'Range', 'Position', 'Selection', 'ThemeColor', 'ThemeIcon', 'MarkdownString', 'l10n', 'FileType'])
  vscode[name] = any;
const required = [];
const load = Module._load;
Module._load = function (request, parent, ...rest) {
  if (request === 'vscode') return vscode;
  if (parent && parent.filename === ${JSON.stringify(resolve(DIST, 'features.js'))}) required.push(request);
  return load.call(this, request, parent, ...rest);
};
(async () => { ${body} })().then((out) => process.stdout.write(JSON.stringify(out)));`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: DIST });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}

describe('the feature bundle', function () {
  this.timeout(30_000);
  before(() => assert.ok(existsSync(resolve(DIST, 'features.js')), 'run `npm run build` first'));

  it('loads no lazy bundle (solver, calendar, sealing) and nothing but Node built-ins and vscode', () => {
    const required = inNode(`require(${JSON.stringify(resolve(DIST, 'features.js'))}); return required;`) as string[];
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`), 'vscode']);
    assert.ok(required.length > 0, 'the stand-in saw the bundle require something');
    assert.deepEqual(
      required.filter((request) => !builtins.has(request)),
      [],
    );
  });

  it('each lazy bundle gives its library: age identities, calendar enums, the solver', () => {
    const out = inNode(`
      const age = require('./age.js');
      const identity = await age.generateX25519Identity();
      const ical = require('./ical.js');
      return {
        recipient: await age.identityToRecipient(identity),
        calendar: typeof ical.default,
        chair: ical.ICalAttendeeRole.CHAIR,
        solver: typeof require('./highs.js'),
      };`) as Record<string, string>;
    assert.match(out.recipient, /^age1[0-9a-z]+$/);
    assert.deepEqual(
      { ...out, recipient: undefined },
      { recipient: undefined, calendar: 'function', chair: 'CHAIR', solver: 'function' },
    );
  });
});
