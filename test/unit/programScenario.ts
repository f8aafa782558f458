// A scripted program for the report's tests: two running pairs, a relationship proposed by the
// program on a review branch, a paused mentee and one waiting for a mentor. Every private field
// holds a unique marker (`SECRET-<field>`), so a test can search every output for them. The
// figures each test expects are worked out by hand beside its assertions.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { git } from './helpers/tempRepo';

export const PROGRAM_TODAY = '2026-03-05';

/** Every private field's marker: none of them may reach a report or the overview. */
export const SECRETS = [
  'objective',
  'question',
  'idea',
  'notes',
  'action',
  'followup',
  'thanks',
  'feedbackquestion',
  'answer',
  'goaltitle',
  'why',
  'mentorhelp',
  'benchmark',
  'evidence',
  'confidentiality',
  'expectation',
].map((field) => `SECRET-${field}`);

type Who = 'ana' | 'ben' | 'cid' | 'dee' | 'eve' | 'fay' | 'kim';

export function commit(repo: string, who: Who, date: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  const when = date.includes('T') ? date : `${date}T12:00:00+00:00`;
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: who,
    GIT_AUTHOR_EMAIL: `${who}@example.com`,
    GIT_COMMITTER_NAME: who,
    GIT_COMMITTER_EMAIL: `${who}@example.com`,
    GIT_AUTHOR_DATE: when,
    GIT_COMMITTER_DATE: when,
  };
  execFileSync('git', ['add', '-A', '--', '.'], { cwd: repo, env });
  execFileSync('git', ['commit', '-q', '--no-verify', '-m', `scripted ${date}`], { cwd: repo, env });
}

function person(handle: Who, extra: string): string {
  return `handle: ${handle}\nname: ${handle.toUpperCase()}\nemails: [${handle}@example.com]\n${extra}`;
}

export function plan(
  mentee: Who,
  mentor: Who,
  status: string,
  started: string,
  cadence: number,
  by = 'mentee',
): string {
  return `mentee: ${mentee}
mentor: ${mentor}
initiated_by: ${by}
status: ${status}
started: ${started}
agreement:
  cadence_days: ${cadence}
  confidentiality: SECRET-confidentiality
  expectations:
    - SECRET-expectation
goals:
  - id: growth
    title: SECRET-goaltitle
    why: SECRET-why
    mentor_help: SECRET-mentorhelp
    status: in-progress
    benchmarks:
      - text: SECRET-benchmark
    evidence:
      - https://example.com/SECRET-evidence
`;
}

export function session(
  date: string,
  by: Who,
  options: { actions?: { due: string; done?: boolean }[]; next?: string; followUp?: boolean } = {},
): string {
  const actions = (options.actions ?? []).map(
    (a, i) => `  - text: SECRET-action ${i} ${date}\n    owner: ${by}\n    due: ${a.due}\n    done: ${a.done === true}`,
  );
  return [
    `date: ${date}`,
    `prepared_by: ${by}`,
    'objectives:',
    '  - SECRET-objective',
    'topics:',
    '  - question: SECRET-question',
    'ideas:',
    '  - SECRET-idea',
    ...(options.followUp ? ['follow_ups:', `  - text: SECRET-followup\n    owner: ${by}\n    done: true`] : []),
    'notes: SECRET-notes',
    ...(actions.length ? ['actions:', ...actions] : []),
    `next_session: ${options.next ?? 'null'}`,
    'thanks: SECRET-thanks',
    '',
  ].join('\n');
}

function feedback(asked: string): string {
  return `asked_by: ana
asked_of: ben
asked: ${asked}
kind: design
question: SECRET-feedbackquestion
status: open
answer: SECRET-answer
`;
}

/**
 * Builds the repository once for a whole suite: it lives outside the shared temp list, which
 * other files' hooks empty after every test; `removeProgramScenario` deletes it.
 */
export function buildProgramScenario(): string {
  const repo = mkdtempSync(join(tmpdir(), 'mentoring-program-'));
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.email', 'kim@example.com');
  git(repo, 'config', 'user.name', 'kim');
  git(repo, 'config', 'commit.gpgsign', 'false');
  const m = '.mentoring';
  const ab = `${m}/pairs/ana--ben`;
  const cd = `${m}/pairs/cid--dee`;
  commit(repo, 'kim', '2026-01-02', {
    [`${m}/program.yaml`]: 'name: Platform mentoring\ncoordinators: [kim]\ndefaults:\n  cadence_days: 14\n',
    [`${m}/people/ana.yaml`]: person('ana', 'roles: [mentee]\n'),
    [`${m}/people/ben.yaml`]: person('ben', 'roles: [mentor]\ncapacity: 2\n'),
    [`${m}/people/cid.yaml`]: person('cid', 'roles: [mentee]\n'),
    [`${m}/people/dee.yaml`]: person('dee', 'roles: [mentor]\ncapacity: 1\n'),
    [`${m}/people/eve.yaml`]: person('eve', 'roles: [mentee]\npaused: true\n'),
    [`${m}/people/fay.yaml`]: person('fay', 'roles: [mentee]\n'),
    [`${m}/people/kim.yaml`]: person('kim', 'roles: [coordinator]\n'),
  });
  commit(repo, 'ben', '2026-01-03', { [`${ab}/plan.yaml`]: plan('ana', 'ben', 'active', '2026-01-05', 14) });
  commit(repo, 'ana', '2026-01-04', {
    [`${ab}/sessions/2026-01-05.yaml`]: session('2026-01-05', 'ana', { actions: [{ due: '2026-01-12' }] }),
  });
  commit(repo, 'ana', '2026-01-10', {
    [`${ab}/sessions/2026-01-05.yaml`]: session('2026-01-05', 'ana', { actions: [{ due: '2026-01-12', done: true }] }),
  });
  commit(repo, 'ana', '2026-01-18', {
    [`${ab}/sessions/2026-01-19.yaml`]: session('2026-01-19', 'ana', { followUp: true }),
  });
  commit(repo, 'ana', '2026-02-01', { [`${ab}/feedback/2026-02-01-design.yaml`]: feedback('2026-02-01') });
  commit(repo, 'ana', '2026-02-02T08:00:00+00:00', {
    [`${ab}/sessions/2026-02-02.yaml`]: session('2026-02-02', 'ana', {
      actions: [{ due: '2026-02-10' }],
      next: '2026-02-16',
    }),
  });
  commit(repo, 'dee', '2026-02-18', { [`${cd}/plan.yaml`]: plan('cid', 'dee', 'active', '2026-02-20', 7) });
  commit(repo, 'cid', '2026-02-19', {
    [`${cd}/sessions/2026-02-20.yaml`]: session('2026-02-20', 'cid', { next: '2026-03-10' }),
  });
  commit(repo, 'cid', '2026-03-01', { [`${cd}/sessions/2026-03-10.yaml`]: session('2026-03-10', 'cid') });
  // The program proposes Fay to Ben on a review branch, not merged.
  execFileSync('git', ['checkout', '-q', '-b', 'mentoring/fay--ben/relationship-2026-02-10'], { cwd: repo });
  commit(repo, 'kim', '2026-02-10', {
    [`${m}/pairs/fay--ben/plan.yaml`]: plan('fay', 'ben', 'proposed', '2026-02-10', 14, 'program'),
  });
  execFileSync('git', ['checkout', '-q', 'main'], { cwd: repo });
  return repo;
}

export function removeProgramScenario(repo: string | undefined): void {
  if (repo !== undefined) rmSync(repo, { recursive: true, force: true });
}
