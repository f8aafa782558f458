// Helpers shared by the sidebar's real-workbench tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, FrameLocator } from 'playwright-core';
import { RESULTS_DIR, SIDEBAR_IFRAME, useWorkbench, type Workbench } from './harness';

export const PAIR = '.mentoring/pairs/ana--ben';

/** Ana's sidebar on the demo repository, in the dark theme: filled in by a `before` hook. */
export interface AnaSidebar {
  wb: Workbench;
  frame: FrameLocator;
  /** The demo's today. */
  today: string;
}

/** For a `describe`: one workbench for its tests, its sidebar open as Ana (the demo's mentee) sees it. */
export function useAnaSidebar(): AnaSidebar {
  const workbench = useWorkbench({ theme: 'dark' });
  const sidebar = {} as AnaSidebar;
  before(async function () {
    sidebar.wb = workbench();
    sidebar.today = sidebar.wb.demo!.today;
    sidebar.frame = await sidebar.wb.openSidebar();
    await sidebar.frame.getByText('Ana Alves').first().waitFor({ timeout: 30_000 });
  });
  return sidebar;
}

/** Picks a relationship with the palette command, as a user switching pairs would. */
export async function selectPair(wb: Workbench, pairId: string): Promise<void> {
  await wb.quickInput('>Mentoring: Select Mentoring Relationship');
  const row = (text: string) =>
    wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: text }).first();
  await row('Select Mentoring Relationship').waitFor();
  await wb.page.keyboard.press('Enter');
  await row(pairId).click();
}

/** Retries `check` until it stops throwing (or returns truthy), for effects that land asynchronously. */
export async function eventually<T>(
  check: () => T | Promise<T>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<Exclude<T, false | undefined | null>> {
  const start = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== false && value !== undefined && value !== null)
        return value as Exclude<T, false | undefined | null>;
      last = new Error(`${what} not met`);
    } catch (error) {
      last = error;
    }
    if (Date.now() - start > timeoutMs) throw last instanceof Error ? last : new Error(String(last));
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** "Mentoring: Choose Who I Am", then the person named `name` in its quick pick. */
export async function pickMe(wb: Workbench, name: string): Promise<void> {
  await wb.quickInput('>Mentoring: Choose Who I Am');
  await wb.page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Choose Who I Am' })
    .first()
    .waitFor();
  await wb.page.keyboard.press('Enter');
  const row = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: name });
  await row.first().click();
  await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

export function writeWorkspaceFile(wb: Workbench, rel: string, text: string): void {
  writeFileSync(join(wb.workspace, rel), text);
}

/** Types into a vscode-textfield or vscode-textarea of the sidebar, found by its data-testid. */
export async function typeInto(frame: FrameLocator, testId: string, text: string): Promise<void> {
  const host = frame.getByTestId(testId).first();
  await host.waitFor();
  const inner = host.locator('input, textarea').first();
  await inner.fill(text);
}

/** A picture of the sidebar part only (for the README and for looking at), in test-results/e2e/. */
export async function sidebarPicture(wb: Workbench, name: string, widenBy = 0): Promise<string> {
  const sidebar = wb.page.locator('.part.sidebar');
  const before = await sidebar.boundingBox();
  if (before && widenBy > 0) {
    // Drag the sash between the sidebar and the editor.
    await wb.page.mouse.move(before.x + before.width + 2, before.y + before.height / 2);
    await wb.page.mouse.down();
    await wb.page.mouse.move(before.x + before.width + 2 + widenBy, before.y + before.height / 2, { steps: 5 });
    await wb.page.mouse.up();
    await wb.page.waitForTimeout(500);
  }
  const box = await sidebar.boundingBox();
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await wb.page.screenshot({ path, clip: box ?? undefined });
  return path;
}

/** The text of the workbench's notifications (toasts), joined. */
export async function notificationsText(wb: Workbench): Promise<string> {
  return (
    (await wb.page
      .locator('.notifications-toasts')
      .innerText()
      .catch(() => '')) ?? ''
  );
}

/** The sidebar webview's document as a Playwright frame (for scripts that must run in it). */
export async function sidebarDocument(wb: Workbench): Promise<Frame> {
  await wb.openSidebar();
  const host = await wb.page.frameLocator(SIDEBAR_IFRAME).locator('#active-frame').elementHandle();
  const frame = await host?.contentFrame();
  if (!frame) throw new Error('the sidebar webview has no document yet');
  return frame;
}

/**
 * Opens every collapsible of the sidebar as a click would (the sections that read the history
 * load it), and waits until no section is still reading.
 */
export async function openEverySection(frame: FrameLocator): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const opened = await frame.locator('body').evaluate(() => {
      let count = 0;
      for (const c of document.querySelectorAll<HTMLElement & { open: boolean }>('vscode-collapsible')) {
        if (c.open) continue;
        c.open = true;
        c.dispatchEvent(new CustomEvent('vsc-collapsible-toggle', { detail: { open: true } }));
        count++;
      }
      return count;
    });
    // Opening a session shows the collapsibles inside it: go round until none is closed.
    await frame.locator('body').page().waitForTimeout(400);
    if (opened === 0) break;
  }
  await eventually(async () => (await frame.locator('.history-loading').count()) === 0, 20_000, 'history read');
}

/** Drags the sash so the side bar is `width` CSS pixels wide. */
export async function setSidebarWidth(wb: Workbench, width: number): Promise<void> {
  const sidebar = wb.page.locator('.part.sidebar');
  const box = await sidebar.boundingBox();
  if (!box) throw new Error('no side bar');
  const y = box.y + box.height / 2;
  await wb.page.mouse.move(box.x + box.width + 1, y);
  await wb.page.mouse.down();
  await wb.page.mouse.move(box.x + width + 1, y, { steps: 8 });
  await wb.page.mouse.up();
  await wb.page.waitForTimeout(500);
}
