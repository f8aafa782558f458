// Builds the demo repository used by `npm run demo` and the end-to-end tests: a git repository
// whose `.mentoring/` folder holds a program, four people and two mentoring pairs, with a few
// weeks of history committed by the people themselves on the days things happened.
// Dates are relative to `today` so there is always a session in the past and one ahead,
// and the same `today` always gives the same files and commits.
//
//   node scripts/demo-repo.mjs <dir> [--today YYYY-MM-DD] [--remote]
//
// --remote also makes the bare `origin` and the mentor's clone next to it (see addDemoRemote).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Today in the machine's time zone as YYYY-MM-DD: the extension's "today" (src/core/app/today.ts),
 * so a demo made late in the evening has the same upcoming session as the sidebar shows.
 */
export function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function shift(today, days) {
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY).toISOString().slice(0, 10);
}

const PEOPLE = {
  ana: {
    handle: 'ana',
    name: 'Ana Alves',
    emails: ['ana@example.com', 'ana.alves@users.noreply.example.com'],
    roles: ['mentee'],
    skills_offered: ['frontend', 'accessibility'],
    goals_sought: ['system-design', 'technical-leadership'],
    values: ['candour', 'curiosity'],
    capacity: 1,
    timezone: 'Europe/Lisbon',
    git_host_handle: 'ana-alves',
  },
  ben: {
    handle: 'ben',
    name: 'Ben Brooks',
    emails: ['ben@example.com'],
    roles: ['mentor'],
    skills_offered: ['system-design', 'distributed-systems', 'code-review'],
    goals_sought: ['coaching'],
    values: ['candour', 'patience'],
    capacity: 2,
    timezone: 'Europe/London',
    git_host_handle: 'benbrooks',
  },
  chen: {
    handle: 'chen',
    name: 'Chen Wei',
    emails: ['chen@example.com'],
    roles: ['mentee'],
    skills_offered: ['testing', 'ci'],
    goals_sought: ['career-growth', 'public-speaking'],
    values: ['reliability', 'curiosity'],
    capacity: 1,
    timezone: 'Asia/Singapore',
    git_host_handle: 'chenwei',
  },
  dana: {
    handle: 'dana',
    name: 'Dana Diaz',
    emails: ['dana@example.com'],
    roles: ['mentor', 'coordinator'],
    skills_offered: ['career-growth', 'public-speaking', 'technical-leadership'],
    goals_sought: [],
    values: ['patience', 'reliability'],
    capacity: 3,
    timezone: 'America/New_York',
    git_host_handle: 'dana-d',
  },
};

function toYaml(value, flowPaths = []) {
  const doc = new YAML.Document(value);
  for (const path of flowPaths) {
    const node = doc.getIn(path, true);
    if (node) node.flow = true;
  }
  return doc.toString({ lineWidth: 0 });
}

function git(dir, args, env = {}) {
  const result = spawnSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1', ...env },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  return result.stdout.trim();
}

/**
 * Creates the demo repository in `dir` (which must not exist or be empty).
 * @param {string} dir
 * @param {{ today?: string }} [options] today as YYYY-MM-DD (default: the local date)
 * @returns {{ dir: string, today: string, me: string, pairs: string[], commits: number }}
 */
export function createDemoRepo(dir, options = {}) {
  const today = options.today ?? localToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`today must be YYYY-MM-DD, got ${today}`);
  dir = resolve(dir);
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} exists and is not empty`);
  mkdirSync(dir, { recursive: true });
  const at = (days) => shift(today, days);

  git(dir, ['init', '--quiet', '--initial-branch=main']);
  // The repository's own identity is the first mentee's, so "who am I" resolves to Ana.
  git(dir, ['config', 'user.name', PEOPLE.ana.name]);
  git(dir, ['config', 'user.email', PEOPLE.ana.emails[0]]);
  git(dir, ['config', 'commit.gpgsign', 'false']);

  const writeNow = (path, text) => {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  let commits = 0;
  const commitNow = (who, date, message) => {
    const person = PEOPLE[who];
    git(dir, ['add', '--all']);
    git(dir, ['commit', '--quiet', '--no-verify', '-m', message], {
      GIT_AUTHOR_NAME: person.name,
      GIT_AUTHOR_EMAIL: person.emails[0],
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: person.name,
      GIT_COMMITTER_EMAIL: person.emails[0],
      GIT_COMMITTER_DATE: date,
    });
    commits += 1;
    return git(dir, ['rev-parse', '--short=8', 'HEAD']);
  };
  // The story below is told pair by pair; the commits are replayed in date order afterwards,
  // so the history reads like the real thing (commit dates never go backwards).
  let pending = [];
  const steps = [];
  const write = (path, text) => pending.push({ path, text: () => text });
  const writeYaml = (path, value, flowPaths) =>
    pending.push({ path, text: () => toYaml(typeof value === 'function' ? value() : value, flowPaths) });
  const commit = (who, days, message, hour = 10) => {
    const date = `${at(days)}T${String(hour).padStart(2, '0')}:00:00+00:00`;
    steps.push({ who, date, message, writes: pending, order: steps.length });
    pending = [];
  };
  let codeCommit = '';

  // Day -50: the coordinator sets up the program; the code the feedback will point at exists.
  write('README.md', "# Acme billing\n\nA small service, and the team's mentoring folder in `.mentoring/`.\n");
  write('.gitignore', 'node_modules/\n');
  write('.mentoring/.gitignore', '# Personal notes never leave your machine.\n.private/\n');
  write(
    'src/export/retry.ts',
    [
      'export interface RetryPolicy {',
      '  attempts: number;',
      '  baseDelayMs: number;',
      '}',
      '',
      'export const defaultPolicy: RetryPolicy = { attempts: 5, baseDelayMs: 200 };',
      '',
      'export async function withRetry<T>(job: () => Promise<T>, policy = defaultPolicy): Promise<T> {',
      '  let lastError: unknown;',
      '  for (let attempt = 0; attempt < policy.attempts; attempt++) {',
      '    try {',
      '      return await job();',
      '    } catch (error) {',
      '      lastError = error;',
      '      await new Promise((done) => setTimeout(done, policy.baseDelayMs * 2 ** attempt));',
      '    }',
      '  }',
      '  throw lastError;',
      '}',
      '',
    ].join('\n'),
  );
  writeYaml('.mentoring/program.yaml', {
    name: 'Acme engineering mentoring',
    coordinators: ['dana'],
    defaults: { cadence_days: 14, session_minutes: 45, channel: 'video' },
  });
  for (const person of Object.values(PEOPLE)) writeYaml(`.mentoring/people/${person.handle}.yaml`, person);
  commit('dana', -50, 'Start the mentoring program: people and defaults');
  for (const step of steps.splice(0)) {
    for (const { path, text } of step.writes) writeNow(path, text());
    codeCommit = commitNow(step.who, step.date, step.message);
  }

  // ---- ana--ben: mentee-initiated, mentee drives, agendas committed ahead of sessions ----
  const anaBen = '.mentoring/pairs/ana--ben';
  const anaBenPlan = (status, benchmarkDone) => ({
    mentee: 'ana',
    mentor: 'ben',
    initiated_by: 'mentee',
    status,
    started: at(-42),
    ends: at(140),
    driver: 'mentee',
    agreement: {
      cadence_days: 14,
      session_minutes: 45,
      channel: 'video',
      confidentiality: 'Notes stay between us; goal progress may be shared with the program.',
      expectations: ['Ana sends the agenda a day ahead.', 'Ben answers feedback requests within three working days.'],
    },
    goals: [
      {
        id: 'system-design',
        title: 'Lead the design of a service end to end',
        why: 'I want to move toward a senior role.',
        mentor_help: 'Review my design docs; show how you weigh trade-offs.',
        status: 'in-progress',
        due: at(75),
        benchmarks: [
          { text: 'Write the design doc for the billing export', ...(benchmarkDone ? { done: at(-14) } : {}) },
          { text: 'Present it at the architecture review' },
        ],
        evidence: ['https://example.com/acme/billing/pull/123'],
      },
      {
        id: 'technical-leadership',
        title: 'Run the team retrospective for a quarter',
        why: 'Practise facilitation before leading a team.',
        mentor_help: 'Sit in on one and tell me what you saw.',
        status: 'planned',
        due: at(120),
        benchmarks: [{ text: 'Facilitate three retrospectives' }],
        evidence: [],
      },
    ],
  });
  writeYaml(`${anaBen}/plan.yaml`, anaBenPlan('proposed', false));
  commit('ana', -44, 'mentoring(ana--ben): propose a mentoring plan');
  writeYaml(`${anaBen}/plan.yaml`, anaBenPlan('active', false));
  commit('ben', -42, 'mentoring(ana--ben): accept the plan');

  const anaBenSession = (
    date,
    { objectives, topics, ideas, follow_ups, notes = '', actions = [], next_session = null, thanks = '' },
  ) => ({
    date,
    prepared_by: 'ana',
    objectives,
    topics,
    ideas,
    follow_ups,
    notes,
    actions,
    next_session,
    thanks,
  });
  const s1 = {
    objectives: ['Agree how we work together', 'Pick the first design to write'],
    topics: [{ question: 'What makes a design doc easy to review?', goal: 'system-design' }],
    ideas: ['Start with the billing export, it is small enough'],
    follow_ups: [],
  };
  writeYaml(`${anaBen}/sessions/${at(-35)}.yaml`, anaBenSession(at(-35), s1));
  commit('ana', -36, `mentoring(ana--ben): agenda for ${at(-35)}`, 17);
  const s1Notes = (retriesDone, templateDone) =>
    anaBenSession(at(-35), {
      ...s1,
      notes: 'Ben shared two design docs he likes. We keep docs under four pages.',
      actions: [
        { text: 'Read the chapter on retries', owner: 'ana', due: at(-24), ...(retriesDone ? { done: true } : {}) },
        { text: 'Share the design doc template', owner: 'ben', due: at(-30), ...(templateDone ? { done: true } : {}) },
      ],
      next_session: at(-21),
      thanks: 'Thanks for the examples, Ben.',
    });
  writeYaml(`${anaBen}/sessions/${at(-35)}.yaml`, s1Notes(false, false));
  commit('ana', -35, `mentoring(ana--ben): notes for ${at(-35)}`, 15);
  // Each action is ticked in its own agenda and shared when it is done, before its due date:
  // follow-through counts the commit that first set done (README, "Health figures").
  writeYaml(`${anaBen}/sessions/${at(-35)}.yaml`, s1Notes(false, true));
  commit('ben', -31, 'mentoring(ana--ben): action done: share the design doc template', 11);
  writeYaml(`${anaBen}/sessions/${at(-35)}.yaml`, s1Notes(true, true));
  commit('ana', -26, 'mentoring(ana--ben): action done: read the chapter on retries', 18);

  const retryFeedback = (status, answer, answered) => ({
    asked_by: 'ana',
    asked_of: 'ben',
    asked: at(-30),
    kind: 'code',
    goal: 'system-design',
    code: { path: 'src/export/retry.ts', lines: [8, 19], commit: codeCommit },
    question: 'Is this retry policy safe under partial failure?',
    status,
    answer,
    answered,
  });
  writeYaml(`${anaBen}/feedback/${at(-30)}-retry-policy.yaml`, () => retryFeedback('open', '', null), [
    ['code', 'lines'],
  ]);
  commit('ana', -30, 'mentoring(ana--ben): ask for feedback on the retry policy');
  writeYaml(
    `${anaBen}/feedback/${at(-30)}-retry-policy.yaml`,
    () => retryFeedback('answered', 'Only if the job is idempotent. Add jitter, and cap the total delay.', at(-28)),
    [['code', 'lines']],
  );
  commit('ben', -28, 'mentoring(ana--ben): answer feedback on the retry policy', 14);

  const s2 = {
    objectives: ['Decide how to split the export job'],
    topics: [{ question: 'How do you choose between a queue and a scheduled job?', goal: 'system-design' }],
    ideas: ['An outbox table with a worker'],
    follow_ups: [
      { text: 'Read the chapter on retries', owner: 'ana', done: true },
      { text: 'Share the design doc template', owner: 'ben', done: true },
    ],
  };
  writeYaml(`${anaBen}/sessions/${at(-21)}.yaml`, anaBenSession(at(-21), s2));
  commit('ana', -22, `mentoring(ana--ben): agenda for ${at(-21)}`, 18);
  const s2Notes = (draftDone) =>
    anaBenSession(at(-21), {
      ...s2,
      notes: 'Queue for the export, outbox to publish. Ana writes the doc.',
      actions: [{ text: 'Draft the outbox design', owner: 'ana', due: at(-12), ...(draftDone ? { done: true } : {}) }],
      next_session: at(-7),
      thanks: 'Thank you for the whiteboard session.',
    });
  writeYaml(`${anaBen}/sessions/${at(-21)}.yaml`, s2Notes(false));
  commit('ben', -21, `mentoring(ana--ben): notes for ${at(-21)}`, 16);
  writeYaml(`${anaBen}/sessions/${at(-21)}.yaml`, s2Notes(true));
  commit('ana', -13, 'mentoring(ana--ben): action done: draft the outbox design', 17);

  writeYaml(`${anaBen}/plan.yaml`, anaBenPlan('active', true));
  commit('ana', -14, 'mentoring(ana--ben): benchmark reached: design doc written');

  const s3 = {
    objectives: ['Prepare for the architecture review'],
    topics: [{ question: 'Which objections should I expect at the review?', goal: 'system-design' }],
    ideas: ['Open with the failure modes, not the happy path'],
    follow_ups: [{ text: 'Draft the outbox design', owner: 'ana', done: true }],
  };
  writeYaml(`${anaBen}/sessions/${at(-7)}.yaml`, anaBenSession(at(-7), s3));
  commit('ana', -8, `mentoring(ana--ben): agenda for ${at(-7)}`, 17);
  const s3Notes = (checklistDone) =>
    anaBenSession(at(-7), {
      ...s3,
      notes: 'Rehearsed the first ten minutes. Cut the slides to eight.',
      actions: [
        { text: 'Book a slot at the architecture review', owner: 'ana', due: at(3) },
        { text: 'Send Ana the review checklist', owner: 'ben', due: at(-5), ...(checklistDone ? { done: true } : {}) },
      ],
      next_session: at(7),
      thanks: 'Thanks for the rehearsal.',
    });
  writeYaml(`${anaBen}/sessions/${at(-7)}.yaml`, s3Notes(false));
  commit('ana', -7, `mentoring(ana--ben): notes for ${at(-7)}`, 16);
  writeYaml(`${anaBen}/sessions/${at(-7)}.yaml`, s3Notes(true));
  commit('ben', -6, 'mentoring(ana--ben): action done: send Ana the review checklist', 9);

  writeYaml(`${anaBen}/feedback/${at(-3)}-outbox-design.yaml`, {
    asked_by: 'ana',
    asked_of: 'ben',
    asked: at(-3),
    kind: 'design',
    goal: 'system-design',
    question: 'Does the outbox design cover replays after an outage?',
    status: 'open',
    answer: '',
    answered: null,
  });
  commit('ana', -3, 'mentoring(ana--ben): ask for feedback on the outbox design');

  writeYaml(
    `${anaBen}/sessions/${at(7)}.yaml`,
    anaBenSession(at(7), {
      objectives: ['Debrief the architecture review'],
      topics: [{ question: 'What should I change before the second review?', goal: 'system-design' }],
      ideas: [],
      follow_ups: [
        { text: 'Book a slot at the architecture review', owner: 'ana', done: false },
        { text: 'Send Ana the review checklist', owner: 'ben', done: true },
      ],
    }),
  );
  commit('ana', -1, `mentoring(ana--ben): agenda for ${at(7)}`, 19);

  // ---- chen--dana: mentor-initiated, mentor-led at first, handing over to the mentee ----
  const chenDana = '.mentoring/pairs/chen--dana';
  const chenDanaPlan = (driver) => ({
    mentee: 'chen',
    mentor: 'dana',
    initiated_by: 'mentor',
    status: 'active',
    started: at(-31),
    driver,
    agreement: {
      cadence_days: 14,
      session_minutes: 30,
      channel: 'chat',
      confidentiality: 'Everything stays between us unless Chen shares it.',
      expectations: ['Chen takes over the agendas after the first month.'],
    },
    goals: [
      {
        id: 'public-speaking',
        title: 'Give a talk at the engineering all-hands',
        why: 'Sharing what the test team learns should not depend on others.',
        mentor_help: 'Help me pick a topic and rehearse.',
        status: 'in-progress',
        due: at(60),
        benchmarks: [{ text: 'Give a five-minute lightning talk to the team' }, { text: 'Give the all-hands talk' }],
        evidence: [],
      },
      {
        id: 'career-growth',
        title: 'Write a promotion case for senior engineer',
        why: 'I do not know what is missing.',
        mentor_help: 'Tell me honestly where the gaps are.',
        status: 'planned',
        due: at(150),
        benchmarks: [{ text: 'List evidence for each criterion of the career ladder' }],
        evidence: [],
      },
    ],
  });
  writeYaml(`${chenDana}/plan.yaml`, { ...chenDanaPlan('mentor'), status: 'proposed' });
  commit('dana', -33, 'mentoring(chen--dana): offer mentoring to Chen');
  writeYaml(`${chenDana}/plan.yaml`, chenDanaPlan('mentor'));
  commit('chen', -31, 'mentoring(chen--dana): accept the offer');

  const chenSession = (date, prepared_by, body) => ({
    date,
    prepared_by,
    objectives: body.objectives,
    topics: body.topics,
    ideas: body.ideas ?? [],
    follow_ups: body.follow_ups ?? [],
    notes: body.notes ?? '',
    actions: body.actions ?? [],
    next_session: body.next_session ?? null,
    thanks: body.thanks ?? '',
  });
  writeYaml(
    `${chenDana}/sessions/${at(-30)}.yaml`,
    chenSession(at(-30), 'dana', {
      objectives: ['Get to know each other', 'Find a first talk topic'],
      topics: [{ question: 'What would you like people to know about our test suite?', goal: 'public-speaking' }],
      notes: 'Topic: how we cut flaky tests by half.',
      actions: [{ text: 'Outline the lightning talk', owner: 'chen', due: at(-20) }],
      next_session: at(-16),
    }),
  );
  commit('dana', -30, `mentoring(chen--dana): agenda and notes for ${at(-30)}`, 20);

  writeYaml(`${chenDana}/feedback/${at(-25)}-talk-outline.yaml`, {
    asked_by: 'chen',
    asked_of: 'dana',
    asked: at(-25),
    kind: 'communication',
    goal: 'public-speaking',
    question: 'Is the outline too long for five minutes?',
    status: 'answered',
    answer: 'Yes: keep the story of one flaky test and drop the statistics.',
    answered: at(-23),
  });
  commit('chen', -25, 'mentoring(chen--dana): ask for feedback on the talk outline');

  // This agenda was written after the session it belongs to: the health figures should notice.
  writeYaml(
    `${chenDana}/sessions/${at(-16)}.yaml`,
    chenSession(at(-16), 'dana', {
      objectives: ['Rehearse the lightning talk'],
      topics: [{ question: 'How do I handle questions I cannot answer?', goal: 'public-speaking' }],
      follow_ups: [{ text: 'Outline the lightning talk', owner: 'chen', done: true }],
      notes: 'Good pace. Chen gives the talk next week.',
      actions: [
        { text: 'Give the lightning talk', owner: 'chen', due: at(-9) },
        { text: 'Write down the career ladder criteria', owner: 'chen', due: at(-4) },
      ],
      next_session: at(-2),
    }),
  );
  commit('dana', -15, `mentoring(chen--dana): agenda and notes for ${at(-16)}`, 9);

  writeYaml(`${chenDana}/plan.yaml`, chenDanaPlan('shared'));
  commit('dana', -10, 'mentoring(chen--dana): share the driving with Chen');

  writeYaml(
    `${chenDana}/sessions/${at(-2)}.yaml`,
    chenSession(at(-2), 'chen', {
      objectives: ['Look at the career ladder together'],
      topics: [{ question: 'Which criterion is my weakest?', goal: 'career-growth' }],
      ideas: ['Run the testing guild as evidence of leadership'],
      follow_ups: [
        { text: 'Give the lightning talk', owner: 'chen', done: true },
        { text: 'Write down the career ladder criteria', owner: 'chen', done: false },
      ],
    }),
  );
  commit('chen', -3, `mentoring(chen--dana): agenda for ${at(-2)}`, 8);

  writeYaml(`${chenDana}/feedback/${at(-2)}-promotion-case.yaml`, {
    asked_by: 'chen',
    asked_of: 'dana',
    asked: at(-2),
    kind: 'career',
    goal: 'career-growth',
    question: 'Which evidence would convince the promotion committee most?',
    status: 'open',
    answer: '',
    answered: null,
  });
  commit('chen', -2, 'mentoring(chen--dana): ask for feedback on the promotion case', 12);

  steps.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
  for (const step of steps) {
    for (const { path, text } of step.writes) writeNow(path, text());
    commitNow(step.who, step.date, step.message);
  }

  return { dir, today, me: 'ana', pairs: ['ana--ben', 'chen--dana'], commits };
}

/**
 * Makes the demo an exchange between two clones, as a team has it: a bare repository becomes the
 * demo repository's `origin` (its history pushed, `main` tracking it), and a second clone of it is
 * Ben's, the mentor of ana--ben, with his git identity. By default both sit next to `dir`:
 * `<dir>-origin.git` and `<dir>-ben`; neither may exist with files in it.
 * @param {string} dir the demo repository (made by createDemoRepo)
 * @param {{ remote?: string, mentorDir?: string }} [options]
 * @returns {{ remote: string, mentorDir: string, mentor: string }}
 */
export function addDemoRemote(dir, options = {}) {
  dir = resolve(dir);
  const remote = resolve(options.remote ?? `${dir}-origin.git`);
  const mentorDir = resolve(options.mentorDir ?? `${dir}-ben`);
  for (const target of [remote, mentorDir])
    if (existsSync(target) && readdirSync(target).length > 0) throw new Error(`${target} exists and is not empty`);
  mkdirSync(remote, { recursive: true });
  git(remote, ['init', '--quiet', '--bare', '--initial-branch=main']);
  git(dir, ['remote', 'add', 'origin', remote]);
  git(dir, ['push', '--quiet', '--no-verify', '--set-upstream', 'origin', 'main']);
  mkdirSync(dirname(mentorDir), { recursive: true });
  git(dirname(mentorDir), ['clone', '--quiet', remote, mentorDir]);
  const mentor = PEOPLE.ben;
  git(mentorDir, ['config', 'user.name', mentor.name]);
  git(mentorDir, ['config', 'user.email', mentor.emails[0]]);
  git(mentorDir, ['config', 'commit.gpgsign', 'false']);
  return { remote, mentorDir, mentor: mentor.handle };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const todayAt = args.indexOf('--today');
  const today = todayAt >= 0 ? args.splice(todayAt, 2)[1] : undefined;
  const remoteAt = args.indexOf('--remote');
  if (remoteAt >= 0) args.splice(remoteAt, 1);
  if (args.length !== 1) {
    process.stderr.write('usage: node scripts/demo-repo.mjs <dir> [--today YYYY-MM-DD] [--remote]\n');
    process.exit(2);
  }
  try {
    const info = createDemoRepo(args[0], { today });
    process.stdout.write(`demo repository with ${info.commits} commits (today = ${info.today}) in ${info.dir}\n`);
    if (remoteAt >= 0) {
      const shared = addDemoRemote(info.dir);
      process.stdout.write(`its origin: ${shared.remote}\n${shared.mentor}'s clone: ${shared.mentorDir}\n`);
    }
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
