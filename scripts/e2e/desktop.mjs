// `npm run test:desktop`: the extension-host suite (test/exthost) in desktop VS Code through
// @vscode/test-electron. Needs a VS Code build: VSCODE_EXECUTABLE=/path/to/code, or
// MENTORING_DESKTOP_DOWNLOAD=1 to let test-electron download one (into .vscode-test/), and a
// display (DISPLAY, e.g. under xvfb-run). Without them it says why and skips (exit 0): on machines
// that cannot download VS Code, `npm run test:exthost` runs the same suite in code-server.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDemoRepo } from '../demo-repo.mjs';
import { buildExthostTests } from './build-exthost.mjs';
import { buildExtension, makeRunDir, repoRoot } from './codeserver.mjs';

function say(message) {
  process.stdout.write(`${message}\n`);
}

async function main() {
  const executable = process.env.VSCODE_EXECUTABLE;
  const download = process.env.MENTORING_DESKTOP_DOWNLOAD === '1';
  if (!executable && !download) {
    say(
      'test:desktop skipped: no desktop VS Code here. Set VSCODE_EXECUTABLE=/path/to/code (or MENTORING_DESKTOP_DOWNLOAD=1 where',
    );
    say('  downloading VS Code is possible). The same suite runs in code-server with `npm run test:exthost`.');
    return 0;
  }
  if (executable && !existsSync(executable)) {
    say(`test:desktop: VSCODE_EXECUTABLE names a missing file: ${executable}`);
    return 1;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY) {
    say('test:desktop skipped: desktop VS Code needs a display; run it under xvfb-run (apt-get install xvfb).');
    return 0;
  }

  buildExtension();
  const testsEntry = await buildExthostTests();
  const run = makeRunDir('mentoring-desktop-');
  try {
    const workspace = createDemoRepo(join(run.dir, 'workspace', 'demo')).dir;
    const userData = join(run.dir, 'user-data');
    const extensions = join(run.dir, 'extensions');
    mkdirSync(userData, { recursive: true });
    mkdirSync(extensions, { recursive: true });
    const { runTests } = await import('@vscode/test-electron');
    const code = await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : {}),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: testsEntry,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        userData,
        '--extensions-dir',
        extensions,
      ],
      extensionTestsEnv: { MENTORING_TEST_HOST: 'desktop' },
    });
    return code;
  } catch (error) {
    say(`test:desktop failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    run.remove();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`test:desktop: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
