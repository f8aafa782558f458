// The HTML report's chart script (webview/reportCharts.ts with Chart.js, one minified bundle the
// build writes as dist/report-charts.js). The CLI bundle finds it beside itself; run from the
// sources (tests), it is read from dist/, so `npm run build` comes first.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readText } from '../fs';

const FILE = 'report-charts.js';
const LIMIT = 2_000_000;
let script: string | undefined;

export function reportChartScript(): string {
  if (script !== undefined) return script;
  const folder = [__dirname, join(__dirname, '../../../dist')].find((dir) => existsSync(join(dir, FILE)));
  if (!folder) throw new Error(`${FILE} is missing beside the program: run \`npm run build\``);
  script = readText(folder, join(folder, FILE), LIMIT);
  return script;
}
