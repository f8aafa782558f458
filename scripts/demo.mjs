// `npm run demo`: the extension in a real VS Code workbench on a demo repository, nothing to set up.
// Builds and packages the extension, creates the demo repository once, starts code-server on
// 127.0.0.1 with the extension installed, and prints two URLs: Ana's clone (the mentee) and Ben's
// (her mentor), both clones of one local bare remote, so sharing, what's new, the inbox and
// accepting a proposal can be tried from both sides, each in its own browser tab. Ctrl-C stops
// everything it started and removes the server's throw-away profile.
//
//   npm run demo [-- --port 8080] [--fresh] [--screenshot file.png] [--theme light|dark]
//
// On a fresh Debian/Ubuntu machine it installs the system packages it needs when run as root
// (saying what and why, with apt's own output), or names the one command to run; no browser is
// needed unless --screenshot. The first run installs code-server into a cache with a progress line
// every 10 s.
//
// The demo repository lives in ~/mentoring-demo/demo-repo (MENTORING_DEMO_REPO to move it; never
// below a dot-folder, see demoRepoPath), Ben's clone in demo-repo-ben and the remote in
// demo-repo-origin.git next to it; --fresh recreates them with dates relative to today.
// --screenshot opens Ana's sidebar in headless Chromium, saves a picture and stops instead of serving.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { EXTENSION_ID, THEMES, ensureVsix, launchChromium, makeRunDir, startCodeServer } from './e2e/codeserver.mjs';
import { prepareE2eTools } from './e2e/setup.mjs';
import { demoRepoPath, hasDotFolder } from './e2e/system.mjs';
import { addDemoRemote, createDemoRepo, localToday } from './demo-repo.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    theme: { type: 'string', default: 'dark' },
  },
});
if (!(values.theme in THEMES)) {
  process.stderr.write(`--theme must be light or dark\n`);
  process.exit(2);
}

function say(message) {
  process.stdout.write(`${message}\n`);
}

async function main() {
  await prepareE2eTools({ browser: Boolean(values.screenshot), installPackages: true });
  const vsix = ensureVsix();

  const repo = demoRepoPath();
  if (hasDotFolder(repo))
    say(`Note: ${repo} is below a dot-folder; Red Hat's YAML extension then gives no schema help there.`);
  const remote = `${repo}-origin.git`;
  const mentorDir = `${repo}-ben`;
  // Written last, so a demo whose making was interrupted (or one from before the remote) is made anew.
  const stamp = join(repo, '.git', 'mentoring-demo-created');
  const complete = existsSync(stamp) && existsSync(join(remote, 'HEAD')) && existsSync(join(mentorDir, '.git'));
  if (values.fresh || !complete) {
    for (const dir of [repo, remote, mentorDir]) rmSync(dir, { recursive: true, force: true });
    const info = createDemoRepo(repo);
    addDemoRemote(repo, { remote, mentorDir });
    writeFileSync(stamp, `${info.today}\n`);
    say(`Created the demo repository (${info.commits} commits, dates relative to ${info.today}).`);
  } else {
    const created = readFileSync(stamp, 'utf8').trim();
    say(
      `Using the demo repository made on ${created}${created !== localToday() ? '  (npm run demo -- --fresh for dates relative to today)' : ''}.`,
    );
  }

  const run = makeRunDir('mentoring-demo-');
  const server = await startCodeServer({
    runDir: run.dir,
    workspace: repo,
    vsix,
    port: values.port ? Number(values.port) : undefined,
    settings: { 'workbench.colorTheme': THEMES[values.theme] },
  });
  const urlOf = (folder) => `${server.url}?folder=${encodeURIComponent(folder)}`;
  const url = urlOf(repo);

  if (values.screenshot) {
    const browser = await launchChromium(run.dir);
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
      await page.goto(url);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.activitybar .action-item a[aria-label^="Mentoring"]').click();
      const frame = page
        .frameLocator(`iframe.webview.ready[src*="extensionId=${EXTENSION_ID}"]`)
        .frameLocator('#active-frame');
      // A picture of a broken sidebar is still worth saving: warn rather than fail.
      await frame
        .locator('body')
        .waitFor({ state: 'attached', timeout: 30_000 })
        .then(() => sleep(1500))
        .catch(() => process.stderr.write('demo: the Mentoring webview did not appear within 30 s\n'));
      // What needs me and what's new read git after the rest is shown: the picture waits for them.
      await frame
        .getByText(/Looking for what needs you|Reading what.s new/)
        .first()
        .waitFor({ state: 'hidden', timeout: 30_000 })
        .catch(() => process.stderr.write('demo: what needs me or what is new still loading after 30 s\n'));
      await page.screenshot({ path: resolve(values.screenshot) });
      say(`Saved ${resolve(values.screenshot)}`);
    } finally {
      await browser.close();
      await server.stop();
      run.remove();
    }
    return;
  }

  say('');
  say('Mentoring demo: open each person in a browser tab of their own.');
  say(`  Ana, the mentee:  ${url}`);
  say(`                    folder ${repo}`);
  say(`  Ben, her mentor:  ${urlOf(mentorDir)}`);
  say(`                    folder ${mentorDir}`);
  say(`Both clones push to and fetch from ${remote}; each knows its person by its git user.email.`);
  say('In a single tab, switch with File > Open Folder… and the other folder.');
  say('Ctrl-C stops code-server and removes its temporary profile.');
  // Keep running until interrupted (codeserver.mjs stops the server and removes the profile on
  // SIGINT/SIGTERM); the server's own exit ends the demo too.
  for (;;) {
    await sleep(1000);
    try {
      process.kill(server.pid, 0);
    } catch {
      say('code-server stopped.');
      run.remove();
      process.exit(1);
    }
  }
}

main().catch((error) => {
  process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
