// Starts and stops the pieces of a real-workbench run: the extension package, a code-server with
// its own throw-away profile, and Chromium. Used by `npm run demo`, the extension-host runner and
// the Playwright harness in test/e2e/. Every process is started in its own process group and
// stopped as a group, also when the run is interrupted (Ctrl-C, SIGTERM) or ends abruptly.
/* global fetch, AbortSignal -- Node 20 globals the shared ESLint config does not list */
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ensureE2eTools, nodeEnv } from './setup.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXTENSION_ID = 'mentoring-dev.mentoring';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** User settings that keep a run quiet and repeatable. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'window.restoreWindows': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  // VS Code for the web saves after a delay by default; desktop VS Code does not. The tests say
  // when a file is saved, so a slow machine cannot turn "unsaved changes" into saved ones.
  'files.autoSave': 'off',
};

/** Color themes by setting value (`workbench.colorTheme`) ... */
export const THEMES = { light: 'Default Light Modern', dark: 'Default Dark Modern', hc: 'Default High Contrast' };
/** ... and by the label the theme picker shows for them. */
export const THEME_LABELS = { light: 'Light Modern', dark: 'Dark Modern', hc: 'Dark High Contrast' };

function log(message) {
  process.stderr.write(`[e2e] ${message}\n`);
}

// ---- cleanup on every way out ------------------------------------------------------------

const cleanups = new Set();
let handlersInstalled = false;

/** Registers a synchronous cleanup run on exit and on SIGINT/SIGTERM/SIGHUP; returns its remover. */
export function onExit(cleanup) {
  cleanups.add(cleanup);
  if (!handlersInstalled) {
    handlersInstalled = true;
    process.on('exit', runCleanups);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      process.on(signal, () => {
        log(`${signal}: stopping what this run started`);
        runCleanups();
        process.exit(signal === 'SIGINT' ? 130 : 143);
      });
    }
  }
  return () => cleanups.delete(cleanup);
}

function runCleanups() {
  for (const cleanup of [...cleanups].reverse()) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // Best effort: the remaining cleanups must still run.
    }
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Sends SIGTERM to a process group, then SIGKILL to whatever is left after `graceMs`. */
export async function stopGroup(pid, graceMs = 5000) {
  killGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
  while (groupAlive(pid)) await sleep(50);
}

// ---- the extension package -----------------------------------------------------------------

const PACKAGE_INPUTS = ['package.json', 'src', 'webview', 'media', 'schemas', 'scripts/build.mjs', '.vscodeignore'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

function runQuiet(command, args, what) {
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    throw new Error(
      `${what} failed (exit ${result.status}):\n${(result.stdout + result.stderr).trim().split('\n').slice(-30).join('\n')}`,
    );
  }
}

/**
 * Returns the path of a `.vsix` built from the working tree: `mentoring.vsix` when it is newer than
 * every source it is made from, otherwise freshly built and packaged. `MENTORING_E2E_VSIX` names a
 * ready-made package instead.
 */
export function ensureVsix({ force = false } = {}) {
  if (process.env.MENTORING_E2E_VSIX) {
    const given = resolve(process.env.MENTORING_E2E_VSIX);
    if (!existsSync(given)) throw new Error(`MENTORING_E2E_VSIX names a missing file: ${given}`);
    return given;
  }
  const vsix = join(repoRoot, 'mentoring.vsix');
  const inputs = Math.max(...PACKAGE_INPUTS.map((input) => newestMtime(join(repoRoot, input))));
  if (!force && existsSync(vsix) && statSync(vsix).mtimeMs > inputs) return vsix;
  log('building and packaging the extension');
  const started = Date.now();
  runQuiet('npm', ['run', 'package'], 'npm run package');
  log(`packaged in ${((Date.now() - started) / 1000).toFixed(1)} s: ${relative(repoRoot, vsix)}`);
  return vsix;
}

/** Runs `npm run build` so `dist/` matches the working tree (for extensionDevelopmentPath runs). */
export function buildExtension() {
  runQuiet('npm', ['run', 'build'], 'npm run build');
}

// ---- run folders -----------------------------------------------------------------------------

/**
 * Makes a throw-away folder for one run (profile, extensions, XDG dirs, TMPDIR, workspace copies)
 * in the system temp dir, removed by the returned `remove()` and on exit unless MENTORING_E2E_KEEP=1.
 */
export function makeRunDir(prefix = 'mentoring-e2e-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const remove = () => {
    if (process.env.MENTORING_E2E_KEEP === '1') return;
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  const forget = onExit(remove);
  return {
    dir,
    remove: () => {
      forget();
      remove();
    },
  };
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

// ---- code-server ---------------------------------------------------------------------------

/**
 * Starts code-server on 127.0.0.1 with a fresh profile inside `runDir`.
 * @param {object} options
 * @param {string} options.runDir      throw-away folder for this server's state
 * @param {string} [options.workspace] folder to open (last argument)
 * @param {string} [options.vsix]      package to install first with --install-extension
 * @param {Record<string, unknown>} [options.settings] user settings on top of QUIET_SETTINGS
 * @param {string[]} [options.extraArgs] more code-server flags (e.g. the smoke-test driver)
 * @param {string} [options.logFile]   where the server's output goes (default runDir/code-server.log)
 * @param {number} [options.port]
 * @param {boolean} [options.workspaceTrust] keep Workspace Trust on (default off: every folder trusted)
 * @returns {Promise<{ url: string, port: number, pid: number, logFile: string, userDataDir: string, settingsFile: string, stop: () => Promise<void> }>}
 */
export async function startCodeServer(options) {
  // The server needs no browser; whoever drives one (launchChromium) checks for it.
  const tools = ensureE2eTools({ quiet: true, browser: false });
  const runDir = resolve(options.runDir);
  const dirs = {
    userData: join(runDir, 'user-data'),
    extensions: join(runDir, 'extensions'),
    xdgConfig: join(runDir, 'xdg-config'),
    xdgData: join(runDir, 'xdg-data'),
    xdgCache: join(runDir, 'xdg-cache'),
    tmp: join(runDir, 'tmp'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const configFile = join(runDir, 'code-server.yaml');
  writeFileSync(configFile, '');
  const settingsFile = join(dirs.userData, 'User', 'settings.json');
  mkdirSync(dirname(settingsFile), { recursive: true });
  writeFileSync(settingsFile, JSON.stringify({ ...QUIET_SETTINGS, ...(options.settings ?? {}) }, null, 2));

  const env = {
    ...nodeEnv(tools),
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    TMPDIR: dirs.tmp,
    // The server must not inherit a parent's VS Code session or a password.
    VSCODE_IPC_HOOK_CLI: '',
    PASSWORD: '',
    HASHED_PASSWORD: '',
  };
  const profileArgs = ['--config', configFile, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];

  if (options.vsix) {
    const started = Date.now();
    const result = spawnSync(
      tools.nodeBin,
      [tools.codeServerEntry, ...profileArgs, '--install-extension', options.vsix],
      {
        env,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    if (result.status !== 0)
      throw new Error(`code-server --install-extension failed:\n${result.stdout}${result.stderr}`);
    log(
      `installed ${relative(repoRoot, options.vsix) || options.vsix} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }

  const port = options.port ?? (await freePort());
  const logFile = options.logFile ?? join(runDir, 'code-server.log');
  mkdirSync(dirname(logFile), { recursive: true });
  const out = openSync(logFile, 'a');
  const args = [
    tools.codeServerEntry,
    ...profileArgs,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--bind-addr',
    `127.0.0.1:${port}`,
    ...(options.extraArgs ?? []),
    ...(options.workspace ? [resolve(options.workspace)] : []),
  ];
  const child = spawn(tools.nodeBin, args, { env, detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  const pid = child.pid;
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const forget = onExit(() => killGroup(pid, 'SIGKILL'));

  const stop = async () => {
    forget();
    await stopGroup(pid);
  };
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForFirstPage(url, () => exited, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, pid, logFile, userDataDir: dirs.userData, settingsFile, stop };
}

/**
 * Waits until the workbench page itself is served (HTTP 200 with the workbench HTML), which on the
 * wrong Node version never happens although /healthz answers 200.
 */
async function waitForFirstPage(url, exited, logFile, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const gone = exited();
    if (gone)
      throw new Error(`code-server exited (${gone.code ?? gone.signal}) before serving; log:\n${tail(logFile)}`);
    try {
      const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(5000) });
      const body = await response.text();
      if (response.status === 200 && body.includes('workbench')) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(250);
  }
  throw new Error(
    `code-server did not serve the workbench within ${timeoutMs / 1000} s (${last}); log:\n${tail(logFile)}`,
  );
}

export function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// ---- Chromium ------------------------------------------------------------------------------

/**
 * Launches Debian's Chromium through playwright-core with a profile inside `runDir`.
 * @param {string} runDir
 * @param {{ headless?: boolean }} [options]
 */
export async function launchChromium(runDir, options = {}) {
  const { chromium } = await import('playwright-core');
  const tools = ensureE2eTools({ quiet: true });
  const home = join(runDir, 'chromium-home');
  const tmp = join(runDir, 'tmp');
  mkdirSync(home, { recursive: true });
  mkdirSync(tmp, { recursive: true });
  // Playwright makes its own profile and artifacts folders in os.tmpdir() at launch: keep them in
  // the run folder, so even a killed run leaves nothing in /tmp.
  const previousTmp = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  try {
    const browser = await chromium.launch({
      executablePath: tools.chromium,
      headless: options.headless ?? true,
      args: CHROMIUM_ARGS,
      env: {
        ...process.env,
        HOME: home,
        XDG_CONFIG_HOME: join(home, '.config'),
        XDG_CACHE_HOME: join(home, '.cache'),
        TMPDIR: tmp,
      },
    });
    return browser;
  } finally {
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
  }
}

/** Console noise of an offline workbench that says nothing about the extension. */
export function isHarmlessNoise(text) {
  return /open-vsx|vsda|marketplace|gallery|ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED|Failed to fetch|update\.code|\bfavicon\b|ResizeObserver loop/i.test(
    text,
  );
}
