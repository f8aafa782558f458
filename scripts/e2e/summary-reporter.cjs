// Mocha's spec reporter plus one plain closing line, `e2e: N passed, N failed[, N skipped]`, that CI
// logs and people can read at a glance.
/* global require, module, process -- CommonJS on purpose: mocha loads reporters with require() */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const Mocha = require('mocha');

class SpecWithSummary extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const { passes = 0, failures = 0, pending = 0 } = this.stats;
      process.stdout.write(`e2e: ${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}\n`);
    });
  }
}

module.exports = SpecWithSummary;
