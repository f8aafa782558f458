// The activation bundle (dist/extension.js) in a fresh Node process with a recording stand-in
// `vscode`: what it registers, what it loads, and when it hands over to the feature bundle.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COMMAND, SCHEME, VIEW_ID } from '../../src/extension/commands/ids';
import { removeTempDirs, tempDir } from './helpers/tempRepo';

const ENTRY = resolve(__dirname, '../../dist/extension.js');

interface Activation {
  commands: string[];
  views: string[];
  schemes: string[];
  /** Every module the bundle asked for, but the feature bundle. */
  loaded: string[];
  /** How often the feature bundle was activated. */
  featuresActivated: number;
  /** Commands run through executeCommand. */
  executed: string[];
  /** Command ids registered when the run ended. */
  registeredAtEnd: string[];
}

/** Activates the bundle with `root` as the workspace folder, then runs the stand-in of `run` if given. */
function activate(root: string | undefined, run?: string): Activation {
  const script = `
const Module = require('module');
const fs = require('fs');
const path = require('path');
const record = { commands: [], views: [], schemes: [], loaded: [], featuresActivated: 0, executed: [] };
const handlers = new Map();
const disposable = (dispose = () => {}) => ({ dispose });
const vscode = {
  commands: {
    registerCommand: (id, run) => { record.commands.push(id); handlers.set(id, run); return disposable(() => handlers.delete(id)); },
    executeCommand: async (id) => { record.executed.push(id); },
  },
  window: { registerWebviewViewProvider: (id) => { record.views.push(id); return disposable(); } },
  workspace: {
    workspaceFolders: ${JSON.stringify(root ?? null)} ? [{ uri: { scheme: 'file', fsPath: ${JSON.stringify(root ?? '')} } }] : undefined,
    getConfiguration: () => ({ get: () => undefined }),
    registerTextDocumentContentProvider: (scheme) => { record.schemes.push(scheme); return disposable(); },
    fs: { stat: async (uri) => ({ type: (await fs.promises.stat(uri.fsPath)).isDirectory() ? 2 : 1 }) },
  },
  Uri: { file: (fsPath) => ({ fsPath }), joinPath: (uri, ...parts) => ({ fsPath: path.join(uri.fsPath, ...parts) }) },
  FileType: { Directory: 2 },
  EventEmitter: class { event = () => disposable(); fire() {} dispose() {} },
};
const features = {
  activateFeatures: () => {
    record.featuresActivated++;
    const provider = { provideTextDocumentContent: () => '', onDidChange: () => disposable() };
    return { sidebar: {}, historyDocuments: provider, reviewDocuments: provider, codeDocuments: provider };
  },
};
const load = Module._load;
Module._load = function (request, parent, ...rest) {
  if (request === 'vscode') return vscode;
  if (parent && parent.filename === ${JSON.stringify(ENTRY)}) {
    if (request.endsWith('features.js')) return features;
    record.loaded.push(request);
  }
  return load.call(this, request, parent, ...rest);
};
require(${JSON.stringify(ENTRY)}).activate({ subscriptions: [] });
setTimeout(async () => {
  ${run ? `await handlers.get(${JSON.stringify(run)})();` : ''}
  record.registeredAtEnd = [...handlers.keys()];
  process.stdout.write(JSON.stringify(record));
}, 100);`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as Activation;
}

describe('activation: the activation bundle', function () {
  this.timeout(20_000);
  before(() => assert.ok(existsSync(ENTRY), 'run `npm run build` first'));
  afterEach(removeTempDirs);

  it('registers the sidebar view, every command and every document scheme, and loads only Node built-ins', () => {
    const activation = activate(undefined);
    assert.deepEqual(activation.commands.sort(), Object.values(COMMAND).sort());
    assert.deepEqual(activation.views, [VIEW_ID]);
    assert.deepEqual(activation.schemes.sort(), Object.values(SCHEME).sort());
    for (const request of activation.loaded) assert.match(request, /^(node:)?(path|fs|os|util|events)$/, request);
    assert.equal(activation.featuresActivated, 0);
  });

  it('after startup, loads the features only in a workspace with a mentoring folder', () => {
    const root = tempDir('mentoring-activation-');
    assert.equal(activate(root).featuresActivated, 0, 'no .mentoring folder: nothing loaded');
    mkdirSync(join(root, '.mentoring'));
    assert.equal(activate(root).featuresActivated, 1);
  });

  it('a command run before the features loaded hands over: the stand-ins go, the features load once, the command runs again', () => {
    const activation = activate(undefined, COMMAND.refresh);
    assert.equal(activation.featuresActivated, 1);
    assert.deepEqual(activation.registeredAtEnd, [], 'every stand-in disposed, so the real commands can register');
    assert.deepEqual(activation.executed, [COMMAND.refresh]);
  });
});
