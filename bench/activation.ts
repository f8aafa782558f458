// Activation and bundle sizes: the extension's two bundles (activation, features), the lazy
// libraries' own bundles (solver, calendar, sealing; each loads on its first use) and the webview
// bundle built as `npm run package` builds them (minified) into a temporary folder; the activation
// bundle required and activated in a fresh Node process with a stand-in `vscode` module, against
// requiring an empty module the same way.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { LAZY_LIBRARIES, lazyLibraries, lazyLibraryBuilds, leanSchemas } from '../scripts/bundling.mjs';

export interface Bundles {
  dir: string;
  extension: string;
  features: string;
  webview: string;
  /** Each lazy library's bundle (`highs.js`, `ical.js`, `age.js`): what loads on its first use. */
  lazy: string[];
  empty: string;
}

export async function buildBundles(root: string): Promise<Bundles> {
  const dir = mkdtempSync(join(tmpdir(), 'mentoring-bench-bundles-'));
  const common = { bundle: true, minify: true, absWorkingDir: root, logLevel: 'silent' as const };
  for (const name of ['extension', 'features']) {
    await esbuild.build({
      ...common,
      entryPoints: [`src/extension/${name}.ts`],
      outfile: join(dir, `${name}.js`),
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      // As scripts/build.mjs builds the feature bundle: the solver and the calendar library left out.
      plugins: name === 'features' ? [lazyLibraries, leanSchemas] : [],
    });
  }
  for (const options of lazyLibraryBuilds(dir, common)) await esbuild.build(options);
  await esbuild.build({
    ...common,
    entryPoints: ['webview/main.ts'],
    outfile: join(dir, 'webview.js'),
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  });
  const empty = join(dir, 'empty.js');
  writeFileSync(empty, 'module.exports = {};\n');
  return {
    dir,
    extension: join(dir, 'extension.js'),
    features: join(dir, 'features.js'),
    webview: join(dir, 'webview.js'),
    lazy: Object.values(LAZY_LIBRARIES).map((file) => join(dir, file)),
    empty,
  };
}

/** What the stand-in \`vscode\` module offers: each name answers any use with itself. */
const VSCODE_NAMES = [
  'EventEmitter',
  'Disposable',
  'Uri',
  'workspace',
  'window',
  'commands',
  'languages',
  'env',
  'extensions',
  'Range',
  'Position',
  'Selection',
  'Diagnostic',
  'DiagnosticSeverity',
  'StatusBarAlignment',
  'RelativePattern',
  'ThemeColor',
  'ThemeIcon',
  'MarkdownString',
  'ProgressLocation',
  'ViewColumn',
  'l10n',
  'QuickPickItemKind',
  'EndOfLine',
  'WorkspaceEdit',
  'TextEdit',
  'ConfigurationTarget',
  'CancellationTokenSource',
  'FileType',
  'TabInputText',
  'TreeItem',
  'TreeItemCollapsibleState',
  'version',
];

/**
 * Milliseconds to require `file` and call its `activate` (when it has one) in a fresh Node process,
 * `vscode` resolving to an empty stand-in; the features stay unloaded (no workspace folder).
 */
export function requireTime(file: string): number {
  const script = `
const Module = require('module');
const load = Module._load;
const any = new Proxy(function () {}, { get: (t, k) => (k === 'then' ? undefined : any), apply: () => any, construct: () => any });
const vscode = {};
for (const name of ${JSON.stringify(VSCODE_NAMES)}) vscode[name] = any;
// No workspace and no settings: a setting read gives undefined, as VS Code's does when none is set.
const settings = { get: () => undefined, has: () => false, inspect: () => undefined, update: async () => undefined };
vscode.workspace = new Proxy({}, { get: (t, k) => (k === 'getConfiguration' ? () => settings : k === 'workspaceFolders' ? undefined : any) });
Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };
const t = performance.now();
const loaded = require(${JSON.stringify(file)});
if (loaded.activate) loaded.activate({ subscriptions: [], extensionUri: any, workspaceState: any, globalStorageUri: any });
process.stdout.write(String(performance.now() - t));`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`requiring ${file} failed: ${result.stderr}`);
  return Number(result.stdout);
}

export function sizeKB(file: string): number {
  return Math.round(statSync(file).size / 1024);
}

export function removeBundles(bundles: Bundles): void {
  rmSync(bundles.dir, { recursive: true, force: true });
}
