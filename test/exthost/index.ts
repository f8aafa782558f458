// Mocha runner for the extension-host suite, loaded by VS Code as `extensionTestsPath` (desktop
// through @vscode/test-electron, or code-server through the smoke-test driver). VS Code calls
// `run()` and reports its outcome as the exit code; everything printed here reaches the runner.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 30_000 });
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(join(__dirname, file));
  // The code-server runner shows the suite's output from this line on.
  console.log(
    `exthost: running ${files.length} test file(s) in ${process.versions.node ? `Node ${process.versions.node}` : 'the extension host'}`,
  );
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats;
      const skipped = stats?.pending ? `, ${stats.pending} skipped` : '';
      console.log(`exthost: ${stats?.passes ?? 0} passed, ${stats?.failures ?? failures} failed${skipped}`);
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else if (!stats?.tests) reject(new Error('no extension-host test ran'));
      else resolve();
    });
  });
}
