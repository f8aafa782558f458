// One figure of a restarted editor, in a process of its own as a restart is: bench/run.ts starts
// it with the history index and the health summary on disk one commit behind HEAD. The code is
// loaded (as the extension's is before a command runs) and nothing is in memory; prints the
// milliseconds of the one step asked for.
import { performance } from 'node:perf_hooks';
import { programReport } from '../src/core/app/programReport';
import { summaryHealth } from '../src/core/health/figures';
import { pairTimeline, readHistory, readPairSummaries } from '../src/core/history';

export const RESTARTED_STEPS = ['timeline', 'health', 'report'] as const;

async function main(): Promise<void> {
  const [step, dir, pair, today] = process.argv.slice(2);
  const t = performance.now();
  if (step === 'timeline') pairTimeline(await readHistory(dir, { pair, persist: true }), pair);
  else if (step === 'health') summaryHealth(await readPairSummaries(dir), today);
  else if (step === 'report') await programReport(dir, { today });
  else throw new Error(`unknown step "${step}"`);
  process.stdout.write(`${performance.now() - t}\n`);
}

if (require.main === module) void main();
