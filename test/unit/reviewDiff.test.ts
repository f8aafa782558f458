import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addBenchmark,
  addGoal,
  answerFeedback,
  completeGoal,
  dropGoal,
  setBenchmarkDone,
  setValue,
  updateGoal,
} from '../../src/core/edit';
import { loadMentoring } from '../../src/core/folder/load';
import {
  codeownersLines,
  CodeownersError,
  diffRevisions,
  planDiff,
  toMarkdown,
  toText,
  updateCodeowners,
} from '../../src/core/review';
import { git, removeTempDirs, tempRepo } from './helpers/tempRepo';

const FIXTURE = join(__dirname, '../fixtures/valid/.mentoring');
const CLI = join(__dirname, '../../dist/cli.js');
const PAIR = '.mentoring/pairs/ana--ben';

/** Two revisions of the fixture: `v1`, then a plan review, a session and an answer as `v2`. */
function fixtureRevisions(): string {
  const repo = tempRepo();
  cpSync(FIXTURE, join(repo, '.mentoring'), { recursive: true });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'v1');
  git(repo, 'tag', 'v1');
  const planFile = join(repo, PAIR, 'plan.yaml');
  let plan = readFileSync(planFile, 'utf8');
  plan = setValue(plan, ['agreement', 'cadence_days'], 7);
  plan = setValue(
    plan,
    ['agreement', 'expectations'],
    ['Ana sends the agenda a day ahead.', 'Ben replies within a week.'],
  );
  plan = completeGoal(plan, 'system-design');
  plan = setBenchmarkDone(plan, 'system-design', 1, '2026-11-20');
  plan = dropGoal(plan, 'public-speaking');
  plan = updateGoal(plan, 'system-design', { due: '2027-02-01' });
  plan = addGoal(plan, { id: 'on-call', title: 'Lead an [on-call](http://x) rotation' });
  plan = addBenchmark(plan, 'on-call', 'Shadow a week');
  writeFileSync(planFile, plan.replace('# optional planned end', '# reworded comment'));
  writeFileSync(
    join(repo, PAIR, 'sessions/2026-12-05.yaml'),
    'date: 2026-12-05\nprepared_by: ana\nobjectives: [Plan the rotation]\ntopics:\n  - question: Who covers nights?\n',
  );
  const feedback = join(repo, PAIR, 'feedback/2026-11-20-retry-policy.yaml');
  writeFileSync(feedback, answerFeedback(readFileSync(feedback, 'utf8'), 'Yes, with idempotent writes.', '2026-11-22'));
  mkdirSync(join(repo, '.mentoring/pairs/ana--cleo'));
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'v2');
  return repo;
}

describe('review: semantic plan diff', () => {
  afterEach(removeTempDirs);

  it('goals added, changed field by field, done and dropped; benchmarks; agreement', () => {
    const before = {
      mentee: 'ana',
      mentor: 'ben',
      status: 'proposed',
      goals: [{ id: 'a', title: 'A', status: 'planned' }],
    };
    const after = {
      mentee: 'ana',
      mentor: 'ben',
      status: 'active',
      started: '2026-11-21',
      agreement: { channel: 'video' },
      goals: [{ id: 'a', title: 'A2', status: 'in-progress', benchmarks: [{ text: 'x', done: '2026-11-21' }] }],
    };
    const diff = planDiff(before, after);
    assert.deepEqual(diff.status, { field: 'status', from: 'proposed', to: 'active' });
    assert.deepEqual(diff.relationship, [{ field: 'started', to: '2026-11-21' }]);
    assert.deepEqual(diff.agreement, [{ field: 'channel', to: 'video' }]);
    assert.deepEqual(diff.goals.changed, [
      {
        id: 'a',
        title: 'A2',
        changes: [
          { field: 'title', from: 'A', to: 'A2' },
          { field: 'status', from: 'planned', to: 'in-progress' },
        ],
      },
    ]);
    assert.deepEqual(diff.benchmarks.added, [{ goal: 'a', text: 'x' }]);
    assert.deepEqual(diff.benchmarks.reached, [{ goal: 'a', text: 'x', done: '2026-11-21' }]);
  });

  it('comments, quoting and key order are not changes', () => {
    const text = readFileSync(join(FIXTURE, 'pairs/ana--ben/plan.yaml'), 'utf8');
    const reformatted = `# top comment\n${text.replace('mentee: ana\nmentor: ben', 'mentor: "ben"\nmentee: ana')}`;
    const diff = planDiff(text, reformatted);
    assert.equal(
      toText({ from: { rev: 'a', commit: 'a' }, to: { rev: 'b', commit: 'b' }, pairs: [] }).includes('No changes'),
      true,
    );
    assert.deepEqual([diff.status, diff.relationship, diff.agreement, diff.goals.changed], [undefined, [], [], []]);
  });

  it('between two fixture revisions: text and markdown summaries', async () => {
    const repo = fixtureRevisions();
    const diff = await diffRevisions(repo, 'v1', 'HEAD');
    assert.deepEqual(
      diff.pairs.map((p) => p.pair),
      ['ana--ben'],
    );
    const text = toText(diff);
    const body = text.split('\n').slice(2).join('\n');
    assert.equal(
      body,
      [
        'ana--ben',
        '  Agreement: cadence days: 14 → 7',
        '  Agreement: expectations: + Ben replies within a week.',
        '  Goal added: Lead an [on-call](http://x) rotation (on-call) (planned)',
        '  Benchmark added to on-call: Shadow a week',
        '  Goal done: Lead the design of a service end to end (system-design)',
        "  Goal dropped: Give a talk at the team's tech day (public-speaking)",
        '  Goal changed: Lead the design of a service end to end (system-design): due: 2027-01-15 → 2027-02-01',
        '  Benchmark reached on 2026-11-20 (system-design): Present it at the architecture review',
        '  Session 2026-12-05 prepared by ana (1 objective, 1 question)',
        '  Feedback answered: Is this retry policy safe under partial failure?',
        '',
      ].join('\n'),
    );
    const markdown = toMarkdown(diff);
    assert.match(markdown, /^## Mentoring changes\n/);
    assert.match(markdown, /^### ana--ben$/m);
    assert.match(markdown, /^- Agreement: cadence days: 14 → \*\*7\*\*$/m);
    assert.match(
      markdown,
      /^- Goal added: \*\*Lead an \\\[on-call\\\]\\\(http:\u200b\/\/x\\\) rotation\*\* \(`on-call`\) \(planned\)$/m,
    );
    assert.match(markdown, /^- Goal done: \*\*Lead the design of a service end to end\*\* \(`system-design`\)$/m);
    assert.doesNotMatch(markdown, /\]\(http/, 'user text never becomes a link');

    const reversed = await diffRevisions(repo, 'HEAD', 'v1', { pair: 'ana--ben' });
    assert.match(toText(reversed), /Goal removed from the plan: Lead an \[on-call\]/);
  });

  it('mentoring diff on the command line: formats, --pair, refused revisions', () => {
    const repo = fixtureRevisions();
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: repo, encoding: 'utf8' });
    const markdown = run('diff', 'v1', 'HEAD', '--format', 'markdown');
    assert.equal(markdown.status, 0, markdown.stderr);
    assert.match(markdown.stdout, /^### ana--ben$/m);
    const json = JSON.parse(run('diff', 'v1', 'HEAD', '--format', 'json', '--pair', 'ana--ben').stdout);
    assert.deepEqual(json.pairs[0].plan.goals.done, [
      { id: 'system-design', title: 'Lead the design of a service end to end' },
    ]);
    const refused = run('diff', '--', '--output=/tmp/x', 'HEAD');
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /^mentoring: refusing the revision "--output=\/tmp\/x"/);
    const unknown = run('diff', 'nope', 'HEAD');
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /"nope" is not a commit/);
    assert.equal(run('diff', 'v1', 'HEAD', '--pair', '../x').status, 2);
    assert.match(run('diff', '--help').stdout, /--format <format>/);
  });
});

describe('review: CODEOWNERS', () => {
  afterEach(removeTempDirs);

  it('names each pair mentor, and every mentor without a host handle', async () => {
    const repo = tempRepo();
    cpSync(FIXTURE, join(repo, '.mentoring'), { recursive: true });
    const model = await loadMentoring(repo);
    assert.throws(
      () => codeownersLines(model),
      (error: Error) => {
        assert.ok(error instanceof CodeownersError);
        assert.match(error.message, /no git_host_handle in people\/ben\.yaml \(mentor of ana--ben\)/);
        return true;
      },
    );
    const ben = join(repo, '.mentoring/people/ben.yaml');
    writeFileSync(ben, `${readFileSync(ben, 'utf8')}git_host_handle: ben-okafor\n`);
    assert.deepEqual(codeownersLines(await loadMentoring(repo)), ['/.mentoring/pairs/ana--ben/ @ben-okafor']);
    writeFileSync(ben, `${readFileSync(ben, 'utf8').replace('ben-okafor', '"x y\\n* @evil"')}`);
    const injected = await loadMentoring(repo);
    assert.throws(() => codeownersLines(injected), /is not a GitHub user name or @org\/team/);
  });

  it('--write keeps other lines and replaces its own block', () => {
    const repo = tempRepo();
    cpSync(FIXTURE, join(repo, '.mentoring'), { recursive: true });
    const ben = join(repo, '.mentoring/people/ben.yaml');
    writeFileSync(ben, `${readFileSync(ben, 'utf8')}git_host_handle: ben-okafor\n`);
    mkdirSync(join(repo, '.github'));
    writeFileSync(join(repo, '.github/CODEOWNERS'), '# team\n*.ts @acme/devs\n');
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: repo, encoding: 'utf8' });
    assert.equal(run('codeowners').stdout, '/.mentoring/pairs/ana--ben/ @ben-okafor\n');
    assert.equal(run('codeowners', '--write').status, 0);
    writeFileSync(ben, readFileSync(ben, 'utf8').replace('ben-okafor', 'ben-k'));
    assert.equal(run('codeowners', '--write').status, 0);
    assert.match(run('codeowners', '--write').stdout, /up to date/);
    const text = readFileSync(join(repo, '.github/CODEOWNERS'), 'utf8');
    assert.equal(
      text,
      '# team\n*.ts @acme/devs\n\n# BEGIN mentoring: generated by `mentoring codeowners --write`; edits inside are replaced\n/.mentoring/pairs/ana--ben/ @ben-k\n# END mentoring\n',
    );
    assert.equal(updateCodeowners(text, []).includes('@ben-k'), false);
    assert.match(run('codeowners', '--help').stdout, /--write/);
  });
});
