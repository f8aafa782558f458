// `npm run test:exthost`: runs the extension-host suite (test/exthost) inside code-server's real
// extension host, the way @vscode/test-electron runs it in desktop VS Code. The server runs with
// the smoke-test driver, which makes the workbench honour the `payload` URL parameter (development
// extension + tests path) and report the suite's outcome through `window.codeAutomationExit`.
// Exits with the suite's code; the suite's mocha output is printed as it arrives.
import { join } from 'node:path';
import { format } from 'node:util';
import { createDemoRepo } from '../demo-repo.mjs';
import {
  buildExtension,
  isHarmlessNoise,
  launchChromium,
  makeRunDir,
  repoRoot,
  startCodeServer,
  tail,
} from './codeserver.mjs';
import { buildExthostTests } from './build-exthost.mjs';
import { ensureE2eTools } from './setup.mjs';

const TIMEOUT_MS = Number(process.env.MENTORING_EXTHOST_TIMEOUT_MS || 300_000);
const verbose = process.env.MENTORING_E2E_VERBOSE === '1';

function say(message) {
  process.stdout.write(`${message}\n`);
}

async function main() {
  const started = Date.now();
  ensureE2eTools({ quiet: true });
  buildExtension();
  const testsEntry = await buildExthostTests();

  const run = makeRunDir('mentoring-exthost-');
  let server;
  let browser;
  try {
    const workspace = createDemoRepo(join(run.dir, 'workspace', 'demo')).dir;
    server = await startCodeServer({
      runDir: join(run.dir, 'server'),
      workspace,
      extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    });
    browser = await launchChromium(join(run.dir, 'browser'));
    const page = await browser.newPage();

    let suiteStarted = false;
    let finish;
    const exitCode = new Promise((resolve) => (finish = resolve));
    // Both must exist before the workbench loads: it looks for them once, at startup.
    await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // The extension host forwards console calls as printf-style argument lists.
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (text.startsWith(SUITE_STARTED)) suiteStarted = true;
      if (verbose) say(`[${type}] ${text}`);
      else if (suiteStarted && !isWorkbenchChatter(text)) say(text.replace(/\n$/, ''));
    });

    const authority = `127.0.0.1:${server.port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${repoRoot}`],
      ['extensionTestsPath', `vscode-remote://${authority}${testsEntry}`],
    ];
    await page.goto(
      `${server.url}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
    );

    const timedOut = new Promise((resolve) => setTimeout(() => resolve('timeout'), TIMEOUT_MS).unref());
    const outcome = await Promise.race([exitCode, timedOut]);
    if (outcome === 'timeout') {
      say(`exthost: the suite did not finish within ${TIMEOUT_MS / 1000} s; code-server log:\n${tail(server.logFile)}`);
      return 1;
    }
    say(`exthost: suite exited with ${outcome} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (outcome !== 0) say(`code-server log (last lines):\n${tail(server.logFile, 25)}`);
    return outcome;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    run.remove();
  }
}

/** Printed by test/exthost/index.ts when mocha starts; the workbench's own startup log comes before. */
const SUITE_STARTED = 'exthost: running';

/** The workbench logs its own life through the same channel; keep the suite's output readable. */
function isWorkbenchChatter(text) {
  if (isHarmlessNoise(text)) return true;
  return /^\[[\w:. -]+\] |^(Creating a socket|Creation of workbench contribution|Resolv(ing|ed) connection token|Updating additional builtin)/.test(
    text,
  );
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`exthost: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
