// Deterministic synthetic mentoring repositories, written with one `git fast-import` stream.
// Same size and version → the same commits, dates and contents, so a cached repository under
// bench/repos/ is reused across runs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Bump when the generated content changes: cached repositories of older versions are rebuilt. */
export const GENERATOR_VERSION = 4;

export interface BenchSize {
  name: 'S' | 'M' | 'L';
  pairs: number;
  commits: number;
}

export const SIZES: Record<BenchSize['name'], BenchSize> = {
  S: { name: 'S', pairs: 20, commits: 2_000 },
  M: { name: 'M', pairs: 200, commits: 20_000 },
  L: { name: 'L', pairs: 1_000, commits: 100_000 },
};

export const SESSIONS_PER_PAIR = 30;
const OTHER_FILES = 2_000;
const START = Date.UTC(2024, 0, 1) / 1000;
const SPAN_SECONDS = 2 * 365 * 86_400;

export interface GeneratedRepo {
  dir: string;
  size: BenchSize;
  /** Mentoring commits (people, plans, sessions, feedback). */
  mentoringCommits: number;
  sessions: number;
  pairIds: string[];
}

export function generatedRepoDir(size: BenchSize): string {
  return join(__dirname, 'repos', `${size.name}-v${GENERATOR_VERSION}`);
}

export async function ensureRepo(size: BenchSize, log: (line: string) => void): Promise<GeneratedRepo> {
  const dir = generatedRepoDir(size);
  const plan = schedule(size);
  const info = {
    dir,
    size,
    mentoringCommits: plan.mentoringCommits,
    sessions: size.pairs * SESSIONS_PER_PAIR,
    pairIds: plan.pairIds,
  };
  if (existsSync(join(dir, '.bench-complete'))) return info;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'bench@example.com');
  git(dir, 'config', 'user.name', 'Bench');
  git(dir, 'config', 'commit.gpgsign', 'false');
  log(
    `  building ${size.name}: ${size.commits.toLocaleString('en')} commits (${plan.mentoringCommits.toLocaleString('en')} in .mentoring), ${size.pairs} pairs`,
  );
  await fastImport(dir, size, plan);
  git(dir, 'reset', '-q', '--hard', 'main');
  git(dir, 'gc', '-q');
  writeFileSync(join(dir, '.git', 'info', 'exclude'), '.bench-complete\n');
  writeFileSync(join(dir, '.bench-complete'), `${new Date().toISOString()}\n`);
  log(`  built ${size.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return info;
}

function git(dir: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** A small, seeded random generator (mulberry32): the same sequence on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Op = 'plan' | 'session' | 'notes' | 'planEdit' | 'ask' | 'answer';

interface Schedule {
  pairIds: string[];
  /** For each commit: a pair index, -1 for a commit outside the mentoring folder, -2 for the people commit. */
  order: number[];
  opsOf: Op[][];
  mentoringCommits: number;
}

function pairOps(): Op[] {
  const ops: Op[] = ['plan'];
  for (let k = 0; k < SESSIONS_PER_PAIR; k++) {
    ops.push('session');
    if (k % 3 !== 2) ops.push('notes');
    if (k === 5 || k === 15 || k === 25) ops.push('planEdit');
    if (k === 3 || k === 10 || k === 17) ops.push('ask');
    if (k === 8 || k === 15 || k === 22) ops.push('answer');
  }
  return ops;
}

function schedule(size: BenchSize): Schedule {
  const rand = random(size.pairs * 7919 + size.commits);
  const mentors = Math.ceil(size.pairs / 5);
  const pairIds: string[] = [];
  for (let p = 0; p < size.pairs; p++) pairIds.push(`${mentee(p)}--${mentor(p % mentors)}`);
  const opsOf = pairIds.map(() => pairOps());
  const tokens: number[] = [];
  opsOf.forEach((ops, p) => ops.forEach(() => tokens.push(p)));
  shuffle(tokens, rand);
  // Each pair's plan must come first among its commits: tokens only say "the pair's next op".
  const mentoringCommits = tokens.length + 1;
  const others = Math.max(0, size.commits - mentoringCommits);
  const kinds: boolean[] = [...Array<boolean>(tokens.length).fill(true), ...Array<boolean>(others).fill(false)];
  shuffle(kinds, rand);
  const order: number[] = [-2];
  let next = 0;
  for (const isMentoring of kinds) order.push(isMentoring ? tokens[next++] : -1);
  return { pairIds, order, opsOf, mentoringCommits };
}

function shuffle<T>(items: T[], rand: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

const mentee = (p: number): string => `e${String(p).padStart(4, '0')}`;
const mentor = (m: number): string => `r${String(m).padStart(3, '0')}`;
const day = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10);
const addDays = (date: string, days: number): string => day(Date.parse(`${date}T00:00:00Z`) / 1000 + days * 86_400);

interface PairSim {
  next: number;
  sessions: {
    date: string;
    actions: { text: string; due: string; done: boolean }[];
    notes: string;
    next: string | null;
    followUps: { text: string; done: boolean }[];
  }[];
  goals: { id: string; status: string; benchmarks: { text: string; done: string | null }[] }[];
  planEdits: number;
  asks: string[];
  answered: number;
}

async function fastImport(dir: string, size: BenchSize, plan: Schedule): Promise<void> {
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, stdio: ['pipe', 'ignore', 'inherit'] });
  const exited = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited with ${code}`))));
  });
  const rand = random(size.commits * 31 + 7);
  const step = Math.floor(SPAN_SECONDS / size.commits);
  const mentors = Math.ceil(size.pairs / 5);
  const sims: PairSim[] = plan.pairIds.map(() => ({
    next: 0,
    sessions: [],
    goals: [],
    planEdits: 0,
    asks: [],
    answered: 0,
  }));
  let buffered: string[] = [];
  let bufferedBytes = 0;
  const write = async (text: string): Promise<void> => {
    buffered.push(text);
    bufferedBytes += text.length;
    if (bufferedBytes > 1 << 20) await flush();
  };
  const flush = async (): Promise<void> => {
    const chunk = buffered.join('');
    buffered = [];
    bufferedBytes = 0;
    if (!child.stdin.write(chunk)) await new Promise<void>((resolve) => child.stdin.once('drain', resolve));
  };
  const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const commit = async (index: number, who: string, message: string, files: [string, string][]): Promise<void> => {
    const when = START + index * step;
    const email = `${who}@example.com`;
    let text = `commit refs/heads/main\nauthor ${who} <${email}> ${when} +0000\ncommitter ${who} <${email}> ${when} +0000\n${data(message)}`;
    for (const [path, content] of files) text += `M 100644 inline ${path}\n${data(content)}`;
    await write(text + '\n');
  };

  for (let index = 0; index < plan.order.length; index++) {
    const p = plan.order[index];
    const now = START + index * step;
    if (p === -2) {
      const files: [string, string][] = [
        ['.mentoring/program.yaml', 'name: Bench program\ndefaults:\n  cadence_days: 14\n'],
      ];
      for (let i = 0; i < size.pairs; i++)
        files.push([`.mentoring/people/${mentee(i)}.yaml`, person(mentee(i), 'mentee')]);
      for (let m = 0; m < mentors; m++)
        files.push([`.mentoring/people/${mentor(m)}.yaml`, person(mentor(m), 'mentor')]);
      await commit(index, mentor(0), 'people', files);
      continue;
    }
    if (p === -1) {
      const file = Math.floor(rand() * OTHER_FILES);
      await commit(index, `dev${String(Math.floor(rand() * 50)).padStart(2, '0')}`, `work ${index}`, [
        [`src/module${file % 40}/file${file}.txt`, `change ${index}\n${'line of code\n'.repeat(5 + (file % 20))}`],
      ]);
      continue;
    }
    const sim = sims[p];
    const op = plan.opsOf[p][sim.next++];
    const [me, mo] = plan.pairIds[p].split('--');
    const base = `.mentoring/pairs/${plan.pairIds[p]}`;
    const pick = (menteeShare: number): string => (rand() < menteeShare ? me : mo);
    switch (op) {
      case 'plan':
        sim.goals = [
          {
            id: 'goal-1',
            status: 'planned',
            benchmarks: [
              { text: 'Write the design doc', done: null },
              { text: 'Present it', done: null },
            ],
          },
          { id: 'goal-2', status: 'planned', benchmarks: [{ text: 'Pair on an incident', done: null }] },
        ];
        await commit(index, me, `mentoring(${plan.pairIds[p]}): plan`, [
          [`${base}/plan.yaml`, planText(me, mo, day(now), sim)],
        ]);
        break;
      case 'planEdit': {
        const edit = sim.planEdits++;
        if (edit === 0) {
          sim.goals[0].status = 'in-progress';
          sim.goals[0].benchmarks[0].done = day(now);
        } else if (edit === 1) {
          sim.goals[0].benchmarks[1].done = day(now);
          sim.goals[0].status = 'done';
        } else sim.goals[1].status = rand() < 0.2 ? 'dropped' : 'in-progress';
        await commit(index, pick(0.5), `mentoring(${plan.pairIds[p]}): plan update`, [
          [`${base}/plan.yaml`, planText(me, mo, day(now), sim)],
        ]);
        break;
      }
      case 'session': {
        const previous = sim.sessions[sim.sessions.length - 1];
        let date = addDays(day(now), rand() < 0.7 ? 1 : 0);
        if (previous && date <= previous.date) date = addDays(previous.date, 1);
        const k = sim.sessions.length;
        sim.sessions.push({
          date,
          notes: '',
          next: null,
          followUps: (previous?.actions ?? []).map((a) => ({ text: a.text, done: a.done || rand() < 0.5 })),
          actions: [{ text: `Action ${k + 1} of ${me}`, due: addDays(date, 7), done: false }],
        });
        await commit(index, pick(0.75), `mentoring(${plan.pairIds[p]}): agenda for ${date}`, [
          [`${base}/sessions/${date}.yaml`, sessionText(me, sim.sessions[k], k)],
        ]);
        break;
      }
      case 'notes': {
        const k = sim.sessions.length - 1;
        const session = sim.sessions[k];
        session.notes = `Notes of session ${k + 1}: we talked about the design and the next steps.`;
        session.next = addDays(session.date, 14);
        if (rand() < 0.7) session.actions[0].done = true;
        await commit(index, pick(0.4), `mentoring(${plan.pairIds[p]}): notes for ${session.date}`, [
          [`${base}/sessions/${session.date}.yaml`, sessionText(me, session, k)],
        ]);
        break;
      }
      case 'ask': {
        const slug = `question-${sim.asks.length + 1}`;
        const path = `${base}/feedback/${day(now)}-${slug}.yaml`;
        sim.asks.push(path);
        await commit(index, me, `mentoring(${plan.pairIds[p]}): feedback request`, [
          [path, feedbackText(me, mo, day(now), null)],
        ]);
        break;
      }
      case 'answer': {
        const path = sim.asks[sim.answered++];
        const asked = path.slice(path.lastIndexOf('/') + 1, path.lastIndexOf('/') + 11);
        await commit(index, mo, `mentoring(${plan.pairIds[p]}): answer`, [
          [path, feedbackText(me, mo, asked, day(now))],
        ]);
        break;
      }
    }
  }
  await write('done\n');
  await flush();
  child.stdin.end();
  await exited;
}

function person(handle: string, role: string): string {
  return `handle: ${handle}\nname: Person ${handle}\nemails:\n  - ${handle}@example.com\nroles: [${role}]\ntimezone: Europe/Berlin\n`;
}

function planText(me: string, mo: string, started: string, sim: PairSim): string {
  const goals = sim.goals
    .map((goal) => {
      const benchmarks = goal.benchmarks
        .map((b) => `      - text: ${b.text}\n${b.done ? `        done: ${b.done}\n` : ''}`)
        .join('');
      return `  - id: ${goal.id}\n    title: Goal ${goal.id} of ${me}\n    why: To grow toward a senior role.\n    status: ${goal.status}\n    benchmarks:\n${benchmarks}`;
    })
    .join('');
  return `mentee: ${me}\nmentor: ${mo}\ninitiated_by: mentee\nstatus: active\nstarted: ${started}\ndriver: mentee\nagreement:\n  cadence_days: 14\n  session_minutes: 45\n  channel: video\n  confidentiality: Notes stay between us.\ngoals:\n${goals}`;
}

function sessionText(me: string, s: PairSim['sessions'][number], k: number): string {
  const followUps = s.followUps.map((a) => `  - text: ${a.text}\n    owner: ${me}\n    done: ${a.done}\n`).join('');
  const actions = s.actions
    .map((a) => `  - text: ${a.text}\n    owner: ${me}\n    due: ${a.due}\n${a.done ? '    done: true\n' : ''}`)
    .join('');
  return [
    `date: ${s.date}`,
    `prepared_by: ${me}`,
    'objectives:',
    `  - Objective ${k + 1}, decide how to split the export job`,
    'topics:',
    `  - question: How do you choose between a queue and a scheduled job (${k + 1})?`,
    '    goal: goal-1',
    'ideas:',
    '  - An outbox table with a worker',
    ...(followUps ? ['follow_ups:', followUps.trimEnd()] : []),
    `notes: ${JSON.stringify(s.notes)}`,
    'actions:',
    actions.trimEnd(),
    `next_session: ${s.next ?? 'null'}`,
    'thanks: ""',
    '',
  ].join('\n');
}

function feedbackText(me: string, mo: string, asked: string, answered: string | null): string {
  return [
    `asked_by: ${me}`,
    `asked_of: ${mo}`,
    `asked: ${asked}`,
    'kind: code',
    'goal: goal-1',
    'question: Is this retry policy safe under partial failure?',
    `status: ${answered ? 'answered' : 'open'}`,
    `answer: ${answered ? '"Yes, with an idempotency key."' : '""'}`,
    `answered: ${answered ?? 'null'}`,
    '',
  ].join('\n');
}
