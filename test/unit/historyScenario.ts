// A scripted mentoring repository shared by the history and health tests: commits by the
// mentee, the mentor and an author missing from people/, on fixed dates, with a review
// branch merged, a rename, a revert and a later shallow clone. Expected figures are worked
// out by hand in the tests next to each assertion.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { git, tempDir, tempRepo } from './helpers/tempRepo';

export const PEOPLE = {
  ana: { name: 'Ana Example', email: 'ana@example.com' },
  ben: { name: 'Ben Mentor', email: 'Ben@Example.com' },
  carol: { name: 'Carol Outsider', email: 'carol@elsewhere.org' },
} as const;
type Who = keyof typeof PEOPLE;

export const PAIR_DIR = '.mentoring/pairs/ana--ben';

export function gitAs(repo: string, who: Who, date: string, ...args: string[]): string {
  const person = PEOPLE[who];
  const when = date.includes('T') ? date : `${date}T12:00:00+00:00`;
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_TERMINAL_PROMPT: '0',
      GIT_AUTHOR_NAME: person.name,
      GIT_AUTHOR_EMAIL: person.email,
      GIT_COMMITTER_NAME: person.name,
      GIT_COMMITTER_EMAIL: person.email,
      GIT_AUTHOR_DATE: when,
      GIT_COMMITTER_DATE: when,
    },
  });
}

/** Writes (or with null deletes) files, commits them all, returns the commit id. */
export function commitAs(
  repo: string,
  who: Who,
  date: string,
  message: string,
  files: Record<string, string | null>,
): string {
  for (const [path, text] of Object.entries(files)) {
    const abs = join(repo, path);
    if (text === null) rmSync(abs);
    else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
  }
  gitAs(repo, who, date, 'add', '-A', '--', '.');
  gitAs(repo, who, date, 'commit', '-q', '--no-verify', '-m', message);
  return head(repo);
}

export function head(repo: string): string {
  return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
}

export function plan(options: { status: string; started?: string; goals: string }): string {
  return [
    'mentee: ana',
    'mentor: ben',
    'initiated_by: mentor',
    `status: ${options.status}`,
    ...(options.started ? [`started: ${options.started}`] : []),
    'agreement:',
    '  cadence_days: 14',
    'goals:',
    options.goals,
  ].join('\n');
}

export const GOAL_DESIGN = (status: string, firstBenchmarkDone?: string): string =>
  [
    '  - id: design',
    '    title: Lead a design end to end',
    `    status: ${status}`,
    '    benchmarks:',
    '      - text: Write the design doc',
    ...(firstBenchmarkDone ? [`        done: ${firstBenchmarkDone}`] : []),
    '      - text: Present it at the review',
  ].join('\n');

export const GOAL_TALKS = ['  - id: talks', '    title: Give a talk', '    status: planned'].join('\n');

export interface Scenario {
  repo: string;
  commits: Record<string, string>;
}

/** Builds the repository; `commits` maps c1..c16 to ids. */
export function buildScenario(): Scenario {
  const repo = tempRepo(PEOPLE.ana.email, PEOPLE.ana.name);
  const c: Record<string, string> = {};
  const p = PAIR_DIR;
  c.c1 = commitAs(repo, 'ben', '2026-01-05', 'mentoring(ana--ben): propose', {
    '.mentoring/people/ana.yaml': 'handle: ana\nname: Ana Example\nemails: [ana@example.com]\nroles: [mentee]\n',
    '.mentoring/people/ben.yaml': 'handle: ben\nname: Ben Mentor\nemails: [ben@example.com]\nroles: [mentor]\n',
    [`${p}/plan.yaml`]: plan({ status: 'proposed', goals: GOAL_DESIGN('planned') }) + '\n',
  });
  gitAs(repo, 'ana', '2026-01-06', 'checkout', '-q', '-b', 'mentoring/ana--ben/accept-2026-01-06');
  c.c2 = commitAs(repo, 'ana', '2026-01-06', 'accept', {
    [`${p}/plan.yaml`]: plan({ status: 'active', started: '2026-01-10', goals: GOAL_DESIGN('in-progress') }) + '\n',
  });
  gitAs(repo, 'ben', '2026-01-07', 'checkout', '-q', 'main');
  gitAs(
    repo,
    'ben',
    '2026-01-07',
    'merge',
    '-q',
    '--no-ff',
    '-m',
    'Merge review',
    'mentoring/ana--ben/accept-2026-01-06',
  );
  c.c3 = head(repo);
  c.c4 = commitAs(repo, 'ana', '2026-01-09', 'agenda 2026-01-10', {
    [`${p}/sessions/2026-01-10.yaml`]: session('2026-01-10', {
      actions: '  - text: Read the retries chapter\n    owner: ana\n    due: 2026-01-20',
    }),
  });
  c.c5 = commitAs(repo, 'ben', '2026-01-10', 'notes', {
    [`${p}/sessions/2026-01-10.yaml`]: session('2026-01-10', {
      notes: 'Talked about queues',
      actions: '  - text: Read the retries chapter\n    owner: ana\n    due: 2026-01-20',
    }),
  });
  const secondAgenda = (date: string, draftDone: boolean): string =>
    session(date, {
      followUps: '  - text: read the  retries chapter\n    owner: ana\n    done: true',
      actions: `  - text: Draft the design\n    owner: ana\n    due: 2026-02-01${draftDone ? '\n    done: true' : ''}`,
    });
  c.c6 = commitAs(repo, 'ana', '2026-01-22', 'agenda 2026-01-23', {
    [`${p}/sessions/2026-01-23.yaml`]: secondAgenda('2026-01-23', false),
  });
  c.c7 = commitAs(repo, 'ana', '2026-01-23', 'move the session a day', {
    [`${p}/sessions/2026-01-23.yaml`]: null,
    [`${p}/sessions/2026-01-24.yaml`]: secondAgenda('2026-01-24', false),
  });
  c.c8 = commitAs(repo, 'carol', '2026-01-30', 'feedback request', {
    [`${p}/feedback/2026-01-30-retry.yaml`]: feedback('2026-01-30', 'open', ''),
  });
  c.c9 = commitAs(repo, 'ana', '2026-01-31', 'done', {
    [`${p}/sessions/2026-01-24.yaml`]: secondAgenda('2026-01-24', true),
  });
  const accepted = (goals: string): string => plan({ status: 'active', started: '2026-01-10', goals }) + '\n';
  c.c10 = commitAs(repo, 'ana', '2026-02-03', 'add a goal', {
    [`${p}/plan.yaml`]: accepted(`${GOAL_DESIGN('in-progress')}\n${GOAL_TALKS}`),
  });
  gitAs(repo, 'ben', '2026-02-04', 'revert', '--no-edit', c.c10);
  c.c11 = head(repo);
  c.c12 = commitAs(repo, 'ana', '2026-02-05', 'benchmark', {
    [`${p}/plan.yaml`]: accepted(GOAL_DESIGN('in-progress', '2026-02-05')),
  });
  const thirdAgenda = (next?: string): string =>
    session('2026-02-06', { actions: '  - text: Present at the review\n    owner: ana\n    due: 2026-02-10', next });
  c.c13 = commitAs(repo, 'ana', '2026-02-06T08:00:00+00:00', 'agenda on the day', {
    [`${p}/sessions/2026-02-06.yaml`]: thirdAgenda(),
  });
  c.c14 = commitAs(repo, 'ben', '2026-02-07', 'answer', {
    [`${p}/feedback/2026-01-30-retry.yaml`]: feedback('2026-01-30', 'answered', 'Looks safe', '2026-02-07'),
  });
  c.c15 = commitAs(repo, 'ana', '2026-02-08', 'ask', {
    [`${p}/feedback/2026-02-08-naming.yaml`]: feedback('2026-02-08', 'open', ''),
  });
  c.c16 = commitAs(repo, 'ana', '2026-02-09', 'next session', {
    [`${p}/sessions/2026-02-06.yaml`]: thirdAgenda('2026-03-01'),
  });
  return { repo, commits: c };
}

function session(date: string, parts: { notes?: string; actions?: string; followUps?: string; next?: string }): string {
  return [
    `date: ${date}`,
    'prepared_by: ana',
    'objectives:',
    '  - Decide how to split the export job',
    ...(parts.followUps ? ['follow_ups:', parts.followUps] : []),
    `notes: ${JSON.stringify(parts.notes ?? '')}`,
    ...(parts.actions ? ['actions:', parts.actions] : []),
    ...(parts.next ? [`next_session: ${parts.next}`] : []),
    '',
  ].join('\n');
}

function feedback(asked: string, status: string, answer: string, answered?: string): string {
  return [
    'asked_by: ana',
    'asked_of: ben',
    `asked: ${asked}`,
    'kind: code',
    'question: Is this retry policy safe?',
    `status: ${status}`,
    `answer: ${JSON.stringify(answer)}`,
    `answered: ${answered ?? 'null'}`,
    '',
  ].join('\n');
}

/**
 * Points the repository's fsmonitor, pager and signature program at a script that writes a
 * marker file; returns the marker's path. Reading the history must never create it.
 */
export function installProgramTrap(repo: string): string {
  const marker = join(tempDir(), 'ran');
  const script = join(tempDir(), 'trap.sh');
  writeFileSync(script, `#!/bin/sh\necho ran >> '${marker}'\nexit 0\n`);
  chmodSync(script, 0o755);
  git(repo, 'config', 'core.fsmonitor', script);
  git(repo, 'config', 'core.pager', script);
  git(repo, 'config', 'log.showSignature', 'true');
  git(repo, 'config', 'gpg.program', script);
  return marker;
}
