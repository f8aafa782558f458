// The feature bundle (dist/features.js) in a fresh Node process with a stand-in `vscode`: loading
// it requires only Node's built-ins. The libraries with bundles of their own (scripts/bundling.mjs:
// the solver, the calendar, sealing, YAML) load on their first use, never when the features load; and
// once asked for, each lazy bundle gives the library its code expects. A clean folder's first
// sidebar state does not even load the YAML library.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { lazyLibraries, lazyLibraryBuilds, leanSchemas } from '../../scripts/bundling.mjs';
import { createDemoRepo } from '../../scripts/demo-repo.mjs';
import { removeTempDirs, tempDir } from './helpers/tempRepo';

const ROOT = resolve(__dirname, '../..');
const DIST = resolve(ROOT, 'dist');

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
  after(removeTempDirs);

  it('loads no lazy bundle (solver, calendar, sealing, YAML) and nothing but Node built-ins and vscode', () => {
    const required = inNode(`require(${JSON.stringify(resolve(DIST, 'features.js'))}); return required;`) as string[];
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`), 'vscode']);
    assert.ok(required.length > 0, 'the stand-in saw the bundle require something');
    assert.deepEqual(
      required.filter((request) => !builtins.has(request)),
      [],
    );
  });

  it("a clean folder's first sidebar state loads no YAML library; a file the fast reader hands back does", async () => {
    // The sidebar's first load and state (as bench/sidebar.ts measures them) bundled as the feature
    // bundle is, with the lazy libraries beside it; the stand-in counts requires of `./yaml.js`.
    const dir = tempDir();
    const common = { bundle: true, absWorkingDir: ROOT, logLevel: 'silent' as const };
    await esbuild.build({
      ...common,
      stdin: {
        contents: `
          import { FolderIndex } from './src/core/folder/folderIndex';
          import { knownPeople } from './src/core/folder/people';
          import { buildState } from './src/extension/sidebar/viewModel';
          export async function firstState(root, me, today) {
            const index = new FolderIndex(root, { folder: '.mentoring' });
            await index.loadFirst(() => me, () => ({ handles: [me] }));
            const state = buildState({ model: index.model, loading: false, trusted: true, hasWorkspace: true,
              folder: '.mentoring', today, me: { kind: 'known', handle: me, name: me, source: 'setting' },
              people: knownPeople(index.model).map((p) => ({ handle: p.handle, name: p.name })),
              isCommitted: () => true });
            return { pair: state.pair?.id, problems: index.model.problems.length };
          }`,
        resolveDir: ROOT,
        sourcefile: 'first-state.ts',
        loader: 'ts',
      },
      outfile: join(dir, 'first-state.js'),
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      plugins: [lazyLibraries, leanSchemas],
    });
    for (const options of lazyLibraryBuilds(dir, common)) await esbuild.build(options);
    const demo = createDemoRepo(join(tempDir(), 'demo'), { today: '2026-12-02' });
    const first = () =>
      inNode(
        `const yaml = [];
        Module._load = ((load) => function (request, ...rest) {
          if (request === './yaml.js') yaml.push(request);
          return load.call(this, request, ...rest);
        })(Module._load);
        const out = await require(${JSON.stringify(join(dir, 'first-state.js'))})
          .firstState(${JSON.stringify(demo.dir)}, ${JSON.stringify(demo.me)}, '2026-12-02');
        return { ...out, yaml: yaml.length };`,
      ) as { pair?: string; problems: number; yaml: number };
    const clean = first();
    assert.equal(clean.problems, 0);
    assert.ok(clean.pair?.startsWith(`${demo.me}--`), `the state shows my pair (${clean.pair})`);
    assert.equal(clean.yaml, 0, 'the YAML library was loaded');
    // A flow mapping is outside the fast reader's subset: the full parser reads it.
    const plan = join(demo.dir, '.mentoring/pairs', clean.pair!, 'plan.yaml');
    writeFileSync(plan, `${readFileSync(plan, 'utf8')}x-extra: { a: 1 }\n`);
    assert.equal(first().yaml, 1);
  });

  it('each lazy bundle gives its library: age identities, calendar enums, the solver, YAML', () => {
    const out = inNode(`
      const age = require('./age.js');
      const identity = await age.generateX25519Identity();
      const ical = require('./ical.js');
      return {
        recipient: await age.identityToRecipient(identity),
        calendar: typeof ical.default,
        chair: ical.ICalAttendeeRole.CHAIR,
        solver: typeof require('./highs.js'),
        yaml: require('./yaml.js').parse('a: [1]').a.length,
      };`) as Record<string, string>;
    assert.match(out.recipient, /^age1[0-9a-z]+$/);
    assert.deepEqual(
      { ...out, recipient: undefined },
      { recipient: undefined, calendar: 'function', chair: 'CHAIR', solver: 'function', yaml: 1 },
    );
  });
});
