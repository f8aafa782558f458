// `npm run bench`: history, health and model load on synthetic repositories, against the
// raw git and file-system work they cannot avoid. BENCH_SIZES=S,M runs the smaller ones;
// BENCH_RUNS overrides the number of runs (median reported).
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { historyHealth } from '../src/core/health/figures';
import { clearHistoryCache, pairTimeline, readHistory } from '../src/core/history';
import { loadMentoring } from '../src/core/folder/load';
import { ensureRepo, GENERATOR_VERSION, SIZES, type BenchSize, type GeneratedRepo } from './generate';

const TODAY = '2026-01-01';

interface Row {
  size: string;
  measure: string;
  baseline: string;
  rawMs: number | null;
  oursMs: number;
  ratio: number | null;
  target: string;
  pass: boolean;
}

async function main(): Promise<void> {
  const names = (process.env.BENCH_SIZES ?? 'S,M,L').split(',').map((s) => s.trim().toUpperCase());
  const rows: Row[] = [];
  const started = performance.now();
  for (const name of names) {
    const size = SIZES[name as BenchSize['name']];
    if (!size) throw new Error(`unknown size "${name}" (use S, M, L)`);
    const repo = await ensureRepo(size, (line) => console.log(line));
    const runs = Number(process.env.BENCH_RUNS) || (size.name === 'L' ? 3 : 5);
    console.log(
      `${size.name}: ${size.commits.toLocaleString('en')} commits, ${repo.mentoringCommits.toLocaleString('en')} in .mentoring, ${size.pairs} pairs, ${repo.sessions.toLocaleString('en')} sessions; median of ${runs} runs`,
    );
    rows.push(...(await measure(repo, runs)));
  }
  printTable(rows);
  const results = {
    generatorVersion: GENERATOR_VERSION,
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      git: spawnSync('git', ['--version'], { encoding: 'utf8' }).stdout.trim(),
    },
    totalSeconds: Math.round((performance.now() - started) / 1000),
    rows,
  };
  writeFileSync(join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`\nwrote bench/results.json (${results.totalSeconds} s in all)`);
}

async function measure(repo: GeneratedRepo, runs: number): Promise<Row[]> {
  const dir = repo.dir;
  const pair = repo.pairIds[Math.floor(repo.pairIds.length / 2)];
  const rows: Row[] = [];
  const size = repo.size.name;
  await rawGit(dir, ['log', '--name-status', '--', '.mentoring']); // warm the file-system cache for both sides

  const one = await paired(
    runs,
    () => rawGit(dir, ['log', '--name-status', '--', `.mentoring/pairs/${pair}`]),
    async () => {
      clearHistoryCache();
      pairTimeline(await readHistory(dir, { pair, noCache: true }), pair);
    },
  );
  rows.push(row(size, "one pair's timeline", 'git log --name-status -- <pair>', one, 1.2));

  const all = await paired(
    runs,
    async () => {
      await rawGit(dir, ['log', '--name-status', '--', '.mentoring']);
      for (const file of listFiles(join(dir, '.mentoring'))) readFileSync(file);
    },
    async () => {
      clearHistoryCache();
      historyHealth(await readHistory(dir, { noCache: true }), TODAY);
    },
  );
  rows.push(
    row(size, 'all pairs: history + health', 'git log --name-status -- .mentoring + read every file', all, 1.5),
  );

  const load = await paired(
    runs,
    async () => {
      for (const file of listFiles(join(dir, '.mentoring'))) parse(readFileSync(file, 'utf8'));
    },
    async () => {
      await loadMentoring(dir, { folder: '.mentoring' });
    },
  );
  rows.push(row(size, 'cold model load (loadMentoring)', 'read + yaml.parse every file', load, 1.3));

  // Incremental: the cache is warm at HEAD; each run adds one commit and refreshes.
  const base = git(dir, 'rev-parse', 'HEAD').trim();
  clearHistoryCache();
  historyHealth(await readHistory(dir), TODAY);
  const historyOnly: number[] = [];
  const withHealth: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const date = `2027-01-${String(i + 10).padStart(2, '0')}`;
      const path = `.mentoring/pairs/${pair}/sessions/${date}.yaml`;
      writeFileSync(join(dir, path), `date: ${date}\nprepared_by: ${pair.split('--')[0]}\nnotes: ""\n`);
      git(dir, 'add', '--', path);
      git(dir, '-c', 'core.hooksPath=/dev/null', 'commit', '-q', '-m', `agenda ${date}`, '--', path);
      const t0 = performance.now();
      const history = await readHistory(dir);
      const t1 = performance.now();
      historyHealth(history, TODAY);
      const t2 = performance.now();
      if (history.head !== git(dir, 'rev-parse', 'HEAD').trim())
        throw new Error('incremental refresh missed the new commit');
      historyOnly.push(t1 - t0);
      withHealth.push(t2 - t0);
    }
  } finally {
    git(dir, 'reset', '-q', '--hard', base);
    clearHistoryCache();
  }
  rows.push(absolute(size, 'incremental refresh (history)', median(historyOnly), 50));
  rows.push(absolute(size, 'incremental refresh (history + health)', median(withHealth), null));
  return rows;
}

/** Runs baseline and ours alternately, so drift on a shared machine hits both alike. */
async function paired(
  runs: number,
  raw: () => Promise<void>,
  ours: () => Promise<void>,
): Promise<{ raw: number; ours: number }> {
  const rawTimes: number[] = [];
  const ourTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await raw();
    rawTimes.push(performance.now() - t);
    t = performance.now();
    await ours();
    ourTimes.push(performance.now() - t);
  }
  return { raw: median(rawTimes), ours: median(ourTimes) };
}

function row(
  size: string,
  measure: string,
  baseline: string,
  times: { raw: number; ours: number },
  target: number,
): Row {
  const ratio = times.ours / times.raw;
  return {
    size,
    measure,
    baseline,
    rawMs: round(times.raw),
    oursMs: round(times.ours),
    ratio: Math.round(ratio * 100) / 100,
    target: `≤ ${target}×`,
    pass: ratio <= target,
  };
}

function absolute(size: string, measure: string, ms: number, targetMs: number | null): Row {
  return {
    size,
    measure,
    baseline: '-',
    rawMs: null,
    oursMs: round(ms),
    ratio: null,
    target: targetMs === null ? '-' : `≤ ${targetMs} ms`,
    pass: targetMs === null || ms <= targetMs,
  };
}

function printTable(rows: Row[]): void {
  console.log('');
  const header = ['size', 'measure', 'raw ms', 'ours ms', 'ratio', 'target', ''];
  const lines = rows.map((r) => [
    r.size,
    r.measure,
    r.rawMs === null ? '-' : String(r.rawMs),
    String(r.oursMs),
    r.ratio === null ? '-' : `${r.ratio}×`,
    r.target,
    r.target === '-' ? '' : r.pass ? 'ok' : 'MISS',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  for (const line of [header, ...lines])
    console.log(
      line.map((cell, i) => (i >= 2 && i <= 4 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  '),
    );
}

function rawGit(dir: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', () => undefined);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git ${args[0]} exited with ${code}`))));
  });
}

function git(dir: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(path));
    else if (entry.name.endsWith('.yaml')) files.push(path);
  }
  return files;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
