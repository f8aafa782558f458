// Two people, each in their own clone of one bare remote, each with their own workbench, side by
// side: the demo repository is Ana's clone (git says she is Ana), `origin` is a bare repository
// next to it and Ben's clone says he is Ben (scripts/demo-repo.mjs addDemoRemote). Screenshots of
// both windows after every test, both servers' logs when something failed, everything removed after.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDemoRemote, createDemoRepo } from '../../scripts/demo-repo.mjs';
import { makeRunDir } from '../../scripts/e2e/codeserver.mjs';
import { RESULTS_DIR, Workbench, type WorkbenchOptions } from './harness';
import { eventually } from './sidebarHelpers';

export interface TwoClones {
  ana: Workbench;
  ben: Workbench;
  /** The bare repository both clones push to and fetch from. */
  remote: string;
}

/**
 * Runs git for the test's own look: with GIT_OPTIONAL_LOCKS=0, so a `git status` never writes the
 * index back (it would race with the extension's own index update and could undo it).
 */
export function git(cwd: string, ...args: string[]): string {
  const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} in ${cwd}: ${result.stderr}`);
  return result.stdout.trim();
}

/**
 * Everything in a working tree that git sees besides its commits: status, the staged and the
 * unstaged diff, the branch checked out, and the bytes of `untracked` files. Equal snapshots mean
 * nothing the person had in their working tree or index was touched.
 */
export function worktreeSnapshot(dir: string, untracked: string[] = []): string {
  return JSON.stringify(
    {
      branch: git(dir, 'symbolic-ref', '--short', 'HEAD'),
      status: git(dir, 'status', '--porcelain=v1', '--untracked-files=all'),
      staged: git(dir, 'diff', '--cached'),
      unstaged: git(dir, 'diff'),
      untracked: untracked.map((file) => readFileSync(join(dir, file), 'utf8')),
    },
    null,
    2,
  );
}

/**
 * Mocha hooks for one suite: makes the demo repository with its remote and Ben's clone, starts a
 * workbench on each clone, saves `ana-<test>.png` and `ben-<test>.png` after
 * each test, and stops both after the suite. Returns a getter for the running pair.
 */
export function useTwoClones(suite: string, options: Omit<WorkbenchOptions, 'workspace'> = {}): () => TwoClones {
  let running: TwoClones | undefined;
  let removeRun: (() => void) | undefined;
  let failed = false;
  const dir = join(RESULTS_DIR, suite);
  before(async function () {
    this.timeout(300_000);
    const run = makeRunDir('mentoring-e2e-clones-');
    removeRun = run.remove;
    const demo = createDemoRepo(join(run.dir, 'ana'), { today: options.today });
    const { remote, mentorDir } = addDemoRemote(demo.dir, {
      remote: join(run.dir, 'origin.git'),
      mentorDir: join(run.dir, 'ben'),
    });
    // One after the other: two workbenches loading at once on a busy machine can miss the page's load timeout.
    const ana = await Workbench.start({ ...options, workspace: () => demo.dir });
    const ben = await Workbench.start({ ...options, workspace: () => mentorDir }).catch(async (error: unknown) => {
      await ana.stop();
      throw error;
    });
    for (const wb of [ana, ben]) {
      wb.setScreenshotDir(dir);
      // Two workbenches share the machine: give each action more time than the harness's 20 s.
      wb.page.setDefaultTimeout(40_000);
    }
    running = { ana, ben, remote };
  });
  afterEach(async function () {
    const test = this.currentTest;
    if (!running || !test) return;
    if (test.state === 'failed') failed = true;
    const suffix = test.state === 'failed' ? '-failed' : '';
    await running.ana.screenshot(`ana ${test.title}${suffix}`).catch(() => undefined);
    await running.ben.screenshot(`ben ${test.title}${suffix}`).catch(() => undefined);
  });
  after(async function () {
    this.timeout(60_000);
    if (running && failed) {
      writeFileSync(join(dir, 'ana-code-server.log'), running.ana.serverLog());
      writeFileSync(join(dir, 'ben-code-server.log'), running.ben.serverLog());
    }
    await Promise.all([running?.ana.stop(), running?.ben.stop()]);
    running = undefined;
    removeRun?.();
  });
  return () => {
    if (!running) throw new Error('the workbenches are not running (did their before hook fail?)');
    return running;
  };
}

/**
 * Selects lines `from`..`to` of the active editor with the keyboard (Go to Line, then Shift+Down),
 * opens the editor's context menu on them (Shift+F10) and asks for feedback with `question`.
 */
export async function askForFeedbackOnLines(wb: Workbench, from: number, to: number, question: string): Promise<void> {
  await wb.page.keyboard.press('Control+G');
  const input = wb.page.locator('.quick-input-widget input[type="text"]');
  await input.waitFor();
  await input.fill(`:${from}`);
  await wb.page.keyboard.press('Enter');
  await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await wb.page.keyboard.press('Home');
  for (let line = from; line < to; line++) await wb.page.keyboard.press('Shift+ArrowDown');
  await wb.page.keyboard.press('Shift+End');
  await wb.page.keyboard.press('Shift+F10');
  // The context menu ignores a click that comes too soon after it opens: wait, and retry once.
  const menuItem = wb.page.locator('.monaco-menu .action-label', { hasText: 'Ask for Feedback on Selection' }).first();
  await menuItem.waitFor();
  await wb.page.waitForTimeout(300);
  await menuItem.click();
  const opened = await input.waitFor({ timeout: 3_000 }).then(
    () => true,
    () => false,
  );
  if (!opened) {
    if (await menuItem.isVisible()) await menuItem.click();
    await input.waitFor();
  }
  await input.fill(question);
  await wb.page.keyboard.press('Enter');
}

/** Waits until `branch` of `remote` has a commit whose subject matches `subject`; returns its id. */
export async function remoteCommit(remote: string, branch: string, subject: RegExp, what: string): Promise<string> {
  return eventually(
    () => {
      const [id, ...words] = git(remote, 'log', '-1', '--format=%H %s', branch).split(' ');
      return subject.test(words.join(' ')) && id;
    },
    30_000,
    what,
  );
}
