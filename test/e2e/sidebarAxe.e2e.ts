// axe-core inside the sidebar's webview, with every section open, as the mentee (Ana), the mentor
// (Ben) and the coordinator (Dana), each in the light, dark and high-contrast themes: no violation
// of impact serious or critical.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Frame } from 'playwright-core';
import { useWorkbench, type Theme } from './harness';
import { openEverySection, pickMe, selectPair, sidebarDocument, sidebarPicture } from './sidebarHelpers';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Rules judged false positives here, with the reason. Each entry names the rule and the part of
 * the page it is allowed on; anywhere else the rule still counts.
 */
const FALSE_POSITIVES: { rule: string; target: RegExp; reason: string }[] = [];

interface Found {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

async function runAxe(frame: Frame): Promise<Found[]> {
  // Evaluated as a script of its own: the webview's CSP allows no eval, but this is not one.
  await frame.evaluate(AXE_SOURCE);
  return frame.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`),
    }));
  });
}

const PEOPLE = [
  { role: 'mentee', name: 'Ana Alves' },
  { role: 'mentor', name: 'Ben Brooks' },
  { role: 'coordinator', name: 'Dana Diaz' },
] as const;
const THEMES: Theme[] = ['light', 'dark', 'hc'];

describe('sidebar accessibility', function () {
  const workbench = useWorkbench({ theme: 'light' });

  for (const [i, person] of PEOPLE.entries()) {
    it(`${person.role}: no serious or critical axe violation in light, dark and high contrast`, async function () {
      this.timeout(240_000);
      const wb = workbench();
      // Git says Ana: the first round needs no pick.
      if (i > 0) await pickMe(wb, person.name);
      const view = await wb.openSidebar();
      await view.getByText(person.name).first().waitFor({ timeout: 30_000 });
      if (person.role === 'coordinator') {
        // Dana mentors Chen too: the coordinator's own view is of a pair she is not in.
        await selectPair(wb, 'ana--ben');
        await view.getByText('You coordinate the program', { exact: false }).first().waitFor();
      } else {
        // The inline forms are part of the page too.
        await view.getByTestId('add-goal-open').click();
        await view.getByTestId('add-goal-title').waitFor();
      }
      const problems: string[] = [];
      for (const theme of THEMES) {
        await wb.setTheme(theme);
        await openEverySection(view);
        const found = await runAxe(await sidebarDocument(wb));
        for (const v of found) {
          if (v.impact !== 'serious' && v.impact !== 'critical') continue;
          const targets = v.targets.filter(
            (t) => !FALSE_POSITIVES.some((fp) => fp.rule === v.rule && fp.target.test(t)),
          );
          if (targets.length > 0)
            problems.push(`${theme} · ${v.rule} (${v.impact}) ${v.help}\n    ${targets.join('\n    ')}`);
        }
        await sidebarPicture(wb, `axe-${person.role}-${theme}`);
      }
      assert.deepEqual(problems, [], problems.join('\n'));
    });
  }
});
