// The real-workbench harness: code-server with the packaged extension, driven by Playwright in
// Debian's Chromium. A test file `test/e2e/<name>.e2e.ts` calls `useWorkbench()` at the top of its
// `describe` and gets a fresh server, browser and demo repository for that suite, a screenshot
// after every test, and everything stopped and removed afterwards.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { createDemoRepo, type DemoRepo } from '../../scripts/demo-repo.mjs';
import {
  EXTENSION_ID,
  THEMES,
  THEME_LABELS,
  ensureVsix,
  isHarmlessNoise,
  launchChromium,
  makeRunDir,
  repoRoot,
  startCodeServer,
  type CodeServer,
} from '../../scripts/e2e/codeserver.mjs';

export { EXTENSION_ID, repoRoot };
export type Theme = keyof typeof THEMES;

/** Screenshots, logs of failed suites: git-ignored, kept after the run. */
export const RESULTS_DIR = join(repoRoot, 'test-results', 'e2e');

const ACTIVITY_ENTRY = '.activitybar .action-item a[aria-label^="Mentoring"]';
export const SIDEBAR_IFRAME = `iframe.webview.ready[src*="extensionId=${EXTENSION_ID}"]`;
const QUICK_INPUT = '.quick-input-widget input[type="text"]';
const QUICK_ROW = '.quick-input-widget .quick-input-list .monaco-list-row';
const ACTIVE_EDITOR_LINES = '.editor-group-container.active .monaco-editor .view-lines';

export interface WorkbenchOptions {
  /** Color theme at start (default dark). */
  theme?: Theme;
  /** User settings on top of the quiet defaults. */
  settings?: Record<string, unknown>;
  /** "today" for the demo repository (YYYY-MM-DD, default the real date). */
  today?: string;
  /**
   * Makes the workspace instead of the demo repository: called with an empty folder inside the
   * run's temp folder; returns the folder to open (default: the demo repository made there).
   */
  workspace?: (emptyDir: string) => string | Promise<string>;
  /** Keep Workspace Trust on, so the folder opens in Restricted Mode (default: trusted). */
  untrusted?: boolean;
  /** Window size (default 1400×860). */
  viewport?: { width: number; height: number };
}

/**
 * Settings the tests depend on, pinned to what the tests expect whatever a newer code-server
 * defaults to: files are saved exactly as the extension wrote them, nothing fetches or zooms
 * behind a test's back, and the extension's own settings start from their defaults.
 */
const PINNED_SETTINGS = {
  'files.autoSave': 'off',
  'files.trimTrailingWhitespace': false,
  'files.insertFinalNewline': false,
  'files.trimFinalNewlines': false,
  'files.eol': '\n',
  'editor.formatOnSave': false,
  'git.autofetch': false,
  'window.zoomLevel': 0,
  'editor.accessibilitySupport': 'off',
  'mentoring.folder': '.mentoring',
  'mentoring.me': '',
  'mentoring.branch': '',
};

/** Trust on, and no prompt or banner of the workbench's own: the folder simply opens untrusted. */
const RESTRICTED_MODE_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
};

let packaged: string | undefined;

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 100) || 'screenshot'
  );
}

export class Workbench {
  /** Errors from the page's console that are not known offline noise. */
  readonly consoleErrors: string[] = [];
  private screenshotDir = RESULTS_DIR;

  private constructor(
    readonly page: Page,
    readonly browser: Browser,
    readonly server: CodeServer,
    /** Absolute path of the opened folder (a git repository unless `workspace` made otherwise). */
    readonly workspace: string,
    /** The demo repository's facts, when the workspace is the demo repository. */
    readonly demo: DemoRepo | undefined,
    private readonly removeRunDir: () => void,
  ) {
    page.on('console', (message) => {
      if (message.type() === 'error' && !isHarmlessNoise(message.text())) this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(String(error)));
  }

  /** Starts code-server with the packaged extension and a workspace, and loads it in Chromium. */
  static async start(options: WorkbenchOptions = {}): Promise<Workbench> {
    packaged ??= ensureVsix();
    const run = makeRunDir();
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    try {
      const emptyDir = join(run.dir, 'workspace');
      mkdirSync(emptyDir, { recursive: true });
      let demo: DemoRepo | undefined;
      let workspace: string;
      if (options.workspace) {
        workspace = await options.workspace(emptyDir);
      } else {
        demo = createDemoRepo(join(emptyDir, 'demo'), { today: options.today });
        workspace = demo.dir;
      }
      server = await startCodeServer({
        runDir: join(run.dir, 'server'),
        workspace,
        vsix: packaged,
        settings: {
          ...PINNED_SETTINGS,
          'workbench.colorTheme': THEMES[options.theme ?? 'dark'],
          ...(options.untrusted ? RESTRICTED_MODE_SETTINGS : {}),
          ...options.settings,
        },
        logFile: join(run.dir, 'code-server.log'),
        workspaceTrust: options.untrusted ?? false,
      });
      browser = await launchChromium(join(run.dir, 'browser'));
      const page = await browser.newPage({ viewport: options.viewport ?? { width: 1400, height: 860 } });
      page.setDefaultTimeout(20_000);
      const workbench = new Workbench(page, browser, server, workspace, demo, run.remove);
      await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator(ACTIVITY_ENTRY).waitFor({ timeout: 60_000 });
      return workbench;
    } catch (error) {
      await browser?.close().catch(() => undefined);
      await server?.stop();
      run.remove();
      throw error;
    }
  }

  /** Where `screenshot()` writes (default test-results/e2e). */
  setScreenshotDir(dir: string): void {
    this.screenshotDir = dir;
  }

  /** Saves a PNG of the whole window under test-results/e2e/ and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(this.screenshotDir, { recursive: true });
    const path = join(this.screenshotDir, `${slug(name)}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /** The activity-bar entry of the Mentoring view container. */
  activityEntry(): Locator {
    return this.page.locator(ACTIVITY_ENTRY);
  }

  /** The Mentoring webview's document (inside VS Code's two webview iframes). */
  sidebar(): FrameLocator {
    return this.page.frameLocator(SIDEBAR_IFRAME).frameLocator('#active-frame');
  }

  /** Shows the Mentoring sidebar (clicks its activity-bar entry unless it is already shown) and returns its frame. */
  async openSidebar(): Promise<FrameLocator> {
    const entry = this.activityEntry();
    const item = this.page.locator('.activitybar .action-item', {
      has: this.page.locator('a[aria-label^="Mentoring"]'),
    });
    if (!(await item.getAttribute('class'))?.split(/\s+/).includes('checked')) await entry.click();
    await this.page.locator(SIDEBAR_IFRAME).waitFor({ state: 'attached', timeout: 30_000 });
    const frame = this.sidebar();
    await frame.locator('body').waitFor({ state: 'attached', timeout: 30_000 });
    return frame;
  }

  /** Opens the command palette with `text` typed (a `>` prefix lists commands, none opens files). */
  async quickInput(text: string): Promise<Locator> {
    const input = this.page.locator(QUICK_INPUT);
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Escape');
      await this.page.keyboard.press('F1');
      try {
        await input.waitFor({ timeout: 8_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        // F1 pressed while a webview had the focus is sometimes not passed on to the workbench
        // (seen after clicks in the sidebar): take the focus back to the workbench and press again.
        await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      }
    }
    await input.fill(text);
    return input;
  }

  /** Labels of the command palette's entries for `query` (for example "Mentoring:"). */
  async paletteEntries(query: string): Promise<string[]> {
    await this.quickInput(`>${query}`);
    const rows = this.page.locator(QUICK_ROW);
    await rows.first().waitFor();
    // The list filters as it renders; give it a beat to settle before reading.
    await this.page.waitForTimeout(300);
    const labels = await rows.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('aria-label') ?? element.textContent ?? ''),
    );
    await this.page.keyboard.press('Escape');
    return labels;
  }

  /**
   * Runs a command by its palette title, for example "Mentoring: Refresh" (the entry whose label
   * starts with the title is clicked). A command that asks for input leaves the quick input open.
   */
  async runCommand(title: string): Promise<void> {
    const row = this.page.locator(`${QUICK_ROW}[aria-label^=${JSON.stringify(title)}]`).first();
    for (let attempt = 1; ; attempt++) {
      await this.quickInput(`>${title}`);
      const last = attempt === 3;
      try {
        await row.waitFor({ timeout: last ? undefined : 8_000 });
        await row.click({ timeout: last ? undefined : 8_000 });
        return;
      } catch (error) {
        if (last) throw error;
        // The palette lists the commands whose `when` holds when it opens, and does not refresh:
        // opened right after the workbench loaded, before Workspace Trust is settled, it lacks the
        // commands shown only in a trusted workspace (seen in CI). It can also close under the
        // click when a webview takes the focus (seen in CI). Open it again.
      }
    }
  }

  /** Clicks the entry of the open quick input whose label starts with `label`. */
  async pickQuickItem(label: string): Promise<void> {
    const row = this.page.locator(`${QUICK_ROW}[aria-label^=${JSON.stringify(label)}]`).first();
    await row.waitFor();
    await row.click();
  }

  /** Opens a workspace file (path relative to the workspace) in an editor and waits for its tab. */
  async openFile(relativePath: string): Promise<Locator> {
    await this.quickInput(relativePath);
    const row = this.page.locator(QUICK_ROW).filter({ hasText: basename(relativePath) });
    await row.first().waitFor();
    await this.page.keyboard.press('Enter');
    const tab = this.page.locator(`.tabs-container .tab.active[aria-label^="${basename(relativePath)}"]`);
    await tab.waitFor();
    return this.page.locator(ACTIVE_EDITOR_LINES);
  }

  /** The active editor's rendered lines. Monaco renders only the lines in view: see `revealInEditor`. */
  activeEditor(): Locator {
    return this.page.locator(ACTIVE_EDITOR_LINES);
  }

  /**
   * Scrolls the active editor to the first occurrence of `text` (through the Find widget, so it
   * works for lines that are not rendered yet) and leaves it selected; returns its locator.
   */
  async revealInEditor(text: string): Promise<Locator> {
    const lines = this.activeEditor();
    await lines.click();
    await this.page.keyboard.press('Control+F');
    const find = this.page.locator('.editor-group-container.active .find-widget .input').first();
    await find.waitFor();
    await find.fill(text);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Escape');
    const match = lines.getByText(text).first();
    await match.waitFor();
    return match;
  }

  /** Switches the color theme as a user would (Preferences: Color Theme) and waits for the repaint. */
  async setTheme(theme: Theme): Promise<void> {
    await this.runCommand('Preferences: Color Theme');
    const input = this.page.locator(QUICK_INPUT);
    await this.page.locator(`${QUICK_ROW}[aria-label^="Dark Modern"]`).first().waitFor();
    await input.fill(THEME_LABELS[theme]);
    await this.pickQuickItem(THEME_LABELS[theme]);
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.page
      .locator(
        { light: '.monaco-workbench.vs', dark: '.monaco-workbench.vs-dark', hc: '.monaco-workbench.hc-black' }[theme],
      )
      .waitFor({ timeout: 20_000 });
    // Webviews pick up the new theme variables a moment later.
    await this.page.waitForTimeout(500);
  }

  /** Reads a workspace file from disk. */
  readFile(relativePath: string): string {
    return readFileSync(join(this.workspace, relativePath), 'utf8');
  }

  /** Runs git in the workspace and returns its output (throws on failure). */
  git(...args: string[]): string {
    const result = spawnSync('git', args, { cwd: this.workspace, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
    return result.stdout.trim();
  }

  /** The code-server log (for assertions or a failure message). */
  serverLog(): string {
    try {
      return readFileSync(this.server.logFile, 'utf8');
    } catch {
      return '';
    }
  }

  /** Closes the browser, stops code-server's process group and removes the run's temp folder. */
  async stop(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
    this.removeRunDir();
  }
}

/**
 * Mocha hooks for one suite: starts a workbench before its tests, saves a screenshot after each
 * test (`<test title>.png`, or `<title>-failed.png`), and stops everything after the suite.
 * Call inside `describe(...)`; returns a getter for the running workbench.
 */
export function useWorkbench(options: WorkbenchOptions = {}): () => Workbench {
  let workbench: Workbench | undefined;
  let failed = false;
  before(async function () {
    this.timeout(240_000);
    workbench = await Workbench.start(options);
    workbench.setScreenshotDir(join(RESULTS_DIR, slug(this.test?.parent?.title ?? 'suite')));
  });
  afterEach(async function () {
    const test = this.currentTest;
    if (!workbench || !test) return;
    if (test.state === 'failed') failed = true;
    await workbench.screenshot(`${test.title}${test.state === 'failed' ? '-failed' : ''}`).catch(() => undefined);
  });
  after(async function () {
    this.timeout(60_000);
    // Keep the server's log next to the screenshots when something went wrong.
    if (workbench && failed)
      writeFileSync(
        join(RESULTS_DIR, slug(this.test?.parent?.title ?? 'suite'), 'code-server.log'),
        workbench.serverLog(),
      );
    await workbench?.stop();
    workbench = undefined;
  });
  return () => {
    if (!workbench) throw new Error('the workbench is not running (did its before hook fail?)');
    return workbench;
  };
}
