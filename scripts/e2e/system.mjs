// The machine's own packages that the demo and the real-workbench tests need, why, and how to
// get them: installed with apt when running as root (apt's own output shown), else the one
// command to run. Also where the demo repository goes (a path without dot-folders).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';

function which(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/**
 * Debian packages missing on this machine, each with why it is needed. `forBuild`: code-server is
 * still to be installed (it builds native addons); `browser`: Chromium will be driven.
 * @returns {{ pkg: string, why: string }[]}
 */
export function neededSystemPackages({ forBuild, browser, chromium = '/usr/bin/chromium' }) {
  const needed = [];
  if (browser && !existsSync(chromium))
    needed.push({ pkg: 'chromium', why: `the browser the tests and --screenshot drive (${chromium})` });
  if (forBuild) {
    if (!existsSync('/usr/include/krb5.h') && !existsSync('/usr/include/krb5/krb5.h'))
      needed.push({ pkg: 'libkrb5-dev', why: "Kerberos headers: code-server's kerberos addon is built on install" });
    for (const tool of ['g++', 'make', 'python3'])
      if (!which(tool)) needed.push({ pkg: tool, why: "builds code-server's native addons (node-gyp)" });
  }
  return needed;
}

/** The one command that installs `needed`, for this user (sudo unless root). */
export function aptCommand(needed, uid = process.getuid?.() ?? 0) {
  return `${uid === 0 ? '' : 'sudo '}apt-get install -y ${needed.map((n) => n.pkg).join(' ')}`;
}

/**
 * Installs `needed` with apt when running as root, saying what and why first and showing apt's
 * own output; otherwise throws an error that names the one command to run.
 */
export function installSystemPackages(needed, { log, uid = process.getuid?.() ?? 0 }) {
  if (needed.length === 0) return;
  const list = needed.map((n) => `  ${n.pkg}: ${n.why}`).join('\n');
  if (uid !== 0) {
    throw new Error(
      `these Debian/Ubuntu packages are missing:\n${list}\nInstall them with:\n  ${aptCommand(needed, uid)}\nthen run the same command again.`,
    );
  }
  log(`installing Debian packages with apt-get (running as root):\n${list}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...needed.map((n) => n.pkg)]]) {
    log(`$ apt-get ${args.join(' ')}`);
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed with ${result.status ?? result.signal}`);
  }
}

/** True when a folder on `path` starts with a dot (`~/.cache/...`). */
export function hasDotFolder(path) {
  return resolve(path)
    .split(sep)
    .some((part) => part.startsWith('.'));
}

/**
 * Where the demo repository lives: `MENTORING_DEMO_REPO`, else `~/mentoring-demo/demo-repo`, else
 * (when the home folder itself is under a dot-folder) the temp folder. Red Hat's YAML extension
 * 1.24+ applies no schema to files below a dot-folder other than the one its pattern names
 * (`.mentoring`), so a demo under `~/.cache` would show no completion or hover help.
 */
export function demoRepoPath(env = process.env, home = homedir(), temp = tmpdir()) {
  if (env.MENTORING_DEMO_REPO) return resolve(env.MENTORING_DEMO_REPO);
  const inHome = join(home, 'mentoring-demo', 'demo-repo');
  return hasDotFolder(inHome) ? join(temp, 'mentoring-demo', 'demo-repo') : inHome;
}
