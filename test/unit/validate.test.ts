import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadMentoring } from '../../src/core/folder/load';
import type { Problem } from '../../src/core/folder/model';
import { checkPrivateNotTracked, validateMentoring } from '../../src/core/folder/validate';
import { removeTempDirs, tempDir } from './helpers/tempRepo';

after(removeTempDirs);

const VALID = resolve(__dirname, '../fixtures/valid/.mentoring');
const PAIR = 'pairs/ana--ben';

function fixture(files: Record<string, string | null> = {}): string {
  const root = tempDir('mentoring-validate-');
  cpSync(VALID, join(root, '.mentoring'), { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(root, '.mentoring', rel);
    if (content === null) rmSync(abs, { recursive: true, force: true });
    else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
    }
  }
  return root;
}

async function problemsOf(files: Record<string, string | null>): Promise<string[]> {
  const model = await loadMentoring(fixture(files));
  return model.problems.map(show);
}

function show(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

const plan = (extra = '') =>
  `mentee: ana\nmentor: ben\nstatus: active\ngoals:\n  - id: system-design\n    title: T\n    status: planned\n${extra}`;

describe('cross-file rules', () => {
  it('a pair folder must be named <mentee>--<mentor> of its plan', async () => {
    assert.deepEqual(await problemsOf({ [`${PAIR}/plan.yaml`]: 'mentor: ben\nmentee: cleo\nstatus: active\n' }), [
      '.mentoring/pairs/ana--ben/feedback/2026-11-20-retry-policy.yaml:5:1: goal: the plan of ana--ben has no goal "system-design"',
      '.mentoring/pairs/ana--ben/plan.yaml:2:1: this plan is for cleo--ben but its folder is named ana--ben; the folder must be named <mentee>--<mentor>',
      '.mentoring/pairs/ana--ben/sessions/2026-11-07.yaml:7:5: topics[0].goal: the plan of ana--ben has no goal "system-design"',
      '.mentoring/pairs/ana--ben/sessions/2026-11-21.yaml:7:5: topics[0].goal: the plan of ana--ben has no goal "system-design"',
    ]);
  });

  it('a pair folder needs a plan.yaml', async () => {
    assert.deepEqual(await problemsOf({ [`${PAIR}/plan.yaml`]: null }), [
      '.mentoring/pairs/ana--ben:1:1: pair folder ana--ben has no plan.yaml',
    ]);
  });

  it('people named in plans, sessions, actions, feedback and the program exist', async () => {
    const problems = await problemsOf({
      'program.yaml': 'name: P\ncoordinators: [cleo, dora]\n',
      [`${PAIR}/plan.yaml`]: plan(),
      'pairs/ana--zed/plan.yaml': 'mentee: ana\nmentor: zed\nstatus: proposed\n',
      [`${PAIR}/sessions/2026-11-07.yaml`]: [
        'date: 2026-11-07',
        'prepared_by: eve',
        'follow_ups:',
        '  - text: Read',
        '    owner: fay',
        'actions:',
        '  - text: Write',
        '    owner: gus',
        '',
      ].join('\n'),
      [`${PAIR}/feedback/2026-11-20-retry-policy.yaml`]:
        'asked_by: hal\nasked_of: ivy\nasked: 2026-11-20\nkind: career\nquestion: Q?\nstatus: open\n',
    });
    assert.deepEqual(problems, [
      '.mentoring/pairs/ana--ben/feedback/2026-11-20-retry-policy.yaml:1:1: asked_by: no person "hal" (expected people/hal.yaml)',
      '.mentoring/pairs/ana--ben/feedback/2026-11-20-retry-policy.yaml:2:1: asked_of: no person "ivy" (expected people/ivy.yaml)',
      '.mentoring/pairs/ana--ben/sessions/2026-11-07.yaml:2:1: prepared_by: no person "eve" (expected people/eve.yaml)',
      '.mentoring/pairs/ana--ben/sessions/2026-11-07.yaml:5:5: follow_ups[0].owner: no person "fay" (expected people/fay.yaml)',
      '.mentoring/pairs/ana--ben/sessions/2026-11-07.yaml:8:5: actions[0].owner: no person "gus" (expected people/gus.yaml)',
      '.mentoring/pairs/ana--zed/plan.yaml:2:1: mentor: no person "zed" (expected people/zed.yaml)',
      '.mentoring/program.yaml:2:22: coordinators[1]: no person "dora" (expected people/dora.yaml)',
    ]);
  });

  it('goals named by agenda topics and feedback exist in the pair plan', async () => {
    const problems = await problemsOf({
      [`${PAIR}/sessions/2026-11-07.yaml`]:
        'date: 2026-11-07\ntopics:\n  - question: Q?\n    goal: public-speaking\n  - question: R?\n    goal: testing\n',
      [`${PAIR}/feedback/2026-11-20-retry-policy.yaml`]:
        'asked_by: ana\nasked_of: ben\nasked: 2026-11-20\nkind: code\ngoal: kubernetes\nquestion: Q?\nstatus: open\n',
    });
    assert.deepEqual(problems, [
      '.mentoring/pairs/ana--ben/feedback/2026-11-20-retry-policy.yaml:5:1: goal: the plan of ana--ben has no goal "kubernetes"',
      '.mentoring/pairs/ana--ben/sessions/2026-11-07.yaml:6:5: topics[1].goal: the plan of ana--ben has no goal "testing"',
    ]);
  });

  it('goal ids are unique within a plan', async () => {
    const problems = await problemsOf({
      [`${PAIR}/plan.yaml`]: plan(
        '  - id: public-speaking\n    title: U\n    status: planned\n  - id: system-design\n    title: V\n    status: done\n',
      ),
    });
    assert.deepEqual(problems, [
      '.mentoring/pairs/ana--ben/plan.yaml:11:5: goal id "system-design" is used twice in this plan (also goals[0]); goal ids must be unique',
    ]);
  });

  it("a session file's name is its date", async () => {
    const problems = await problemsOf({
      [`${PAIR}/sessions/2026-11-08.yaml`]: 'date: 2026-11-09\n',
      [`${PAIR}/sessions/kickoff.yaml`]: 'date: 2026-11-01\n',
    });
    assert.deepEqual(problems, [
      '.mentoring/pairs/ana--ben/sessions/2026-11-08.yaml:1:1: date 2026-11-09 does not match the file name 2026-11-08.yaml; a session file is named after its date',
      ".mentoring/pairs/ana--ben/sessions/kickoff.yaml:1:1: session file name kickoff.yaml must be the session's date, like 2026-11-21.yaml",
    ]);
  });

  it('a feedback file is named <YYYY-MM-DD>-<slug>.yaml with a real date', async () => {
    const body = (asked: string) =>
      `asked_by: ana\nasked_of: ben\nasked: ${asked}\nkind: other\nquestion: Q?\nstatus: open\n`;
    const problems = await problemsOf({
      [`${PAIR}/feedback/2026-02-30-talk.yaml`]: body('2026-02-28'),
      [`${PAIR}/feedback/talk.yaml`]: body('2026-02-28'),
      [`${PAIR}/feedback/2026-03-01-talk.yaml`]: body('2026-03-02'),
    });
    assert.deepEqual(problems, [
      '.mentoring/pairs/ana--ben/feedback/2026-02-30-talk.yaml:1:1: feedback file name 2026-02-30-talk.yaml must be <YYYY-MM-DD>-<slug>.yaml with a real date, like 2026-11-20-retry-policy.yaml',
      '.mentoring/pairs/ana--ben/feedback/2026-03-01-talk.yaml:3:1: warning: asked 2026-03-02 differs from the date in the file name (2026-03-01)',
      '.mentoring/pairs/ana--ben/feedback/talk.yaml:1:1: feedback file name talk.yaml must be <YYYY-MM-DD>-<slug>.yaml with a real date, like 2026-11-20-retry-policy.yaml',
    ]);
  });

  it("a person file's name is its handle", async () => {
    assert.deepEqual(await problemsOf({ 'people/ben.yaml': 'name: Ben\nhandle: benjamin\n' }), [
      '.mentoring/people/ben.yaml:2:1: handle "benjamin" does not match the file name ben.yaml; a person\'s file is named after their handle',
    ]);
  });

  it('refuses unsafe folder and file names without reading them', async () => {
    const problems = await problemsOf({
      'pairs/--upload-pack=x/plan.yaml': 'mentee: ana\n',
      'pairs/Ana--Ben/plan.yaml': 'mentee: ana\n',
      'pairs/ana-ben/plan.yaml': 'mentee: ana\n',
      'pairs/ana--ben--cleo/plan.yaml': 'mentee: ana\n',
      'people/--upload-pack=x.yaml': 'handle: x\nname: X\n',
      [`${PAIR}/sessions/2026-11-07 copy.yaml`]: 'date: 2026-11-07\n',
    });
    assert.deepEqual(problems, [
      '.mentoring/pairs/--upload-pack=x:1:1: pair folder refused: pair id "--upload-pack=x" is not allowed: handle "" is empty; a handle uses lower-case letters, digits and single hyphens (like "ana" or "ben-k")',
      '.mentoring/pairs/Ana--Ben:1:1: pair folder refused: pair id "Ana--Ben" is not allowed: handle "Ana" has upper-case letters; a handle uses lower-case letters, digits and single hyphens (like "ana" or "ben-k")',
      '.mentoring/pairs/ana--ben--cleo:1:1: pair folder refused: pair id "ana--ben--cleo" is not allowed; a pair id is <mentee>--<mentor>, two handles joined by a double hyphen (like "ana--ben")',
      '.mentoring/pairs/ana--ben/sessions/2026-11-07 copy.yaml:1:1: file refused: its name "2026-11-07 copy" has characters that are not allowed; a slug uses lower-case letters, digits and single hyphens (like "ana" or "ben-k")',
      '.mentoring/pairs/ana-ben:1:1: pair folder refused: pair id "ana-ben" is not allowed; a pair id is <mentee>--<mentor>, two handles joined by a double hyphen (like "ana--ben")',
      '.mentoring/people/--upload-pack=x.yaml:1:1: file refused: its name "--upload-pack=x" starts with a hyphen, which git would read as an option; a slug uses lower-case letters, digits and single hyphens (like "ana" or "ben-k")',
    ]);
  });

  it('validateMentoring is pure: it needs no files once the model is loaded', async () => {
    const root = fixture({ [`${PAIR}/sessions/2026-11-08.yaml`]: 'date: 2026-11-09\nprepared_by: zed\n' });
    const model = await loadMentoring(root);
    rmSync(root, { recursive: true });
    const again = validateMentoring(model).map(show);
    assert.deepEqual(again, model.problems.map(show));
    assert.equal(again.length, 2);
  });
});

describe('checkPrivateNotTracked', () => {
  const git = (root: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: root, stdio: 'pipe' });

  it('is an error when a file under .private/ is tracked, and quiet otherwise', async () => {
    const root = fixture({ '.private/ana/notes.yaml': 'secret: true\n' });
    git(root, 'init', '-q');
    git(root, 'add', '.mentoring/people');
    const model = await loadMentoring(root);
    assert.deepEqual(await checkPrivateNotTracked(model), []);

    git(root, 'add', '-f', '.mentoring/.private/ana/notes.yaml');
    const problems = await checkPrivateNotTracked(model);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].file, '.mentoring/.private/ana/notes.yaml');
    assert.equal(problems[0].severity, 'error');
    assert.match(problems[0].message, /must never be committed/);
  });
});
