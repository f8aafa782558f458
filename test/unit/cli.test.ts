import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { git, removeTempDirs, tempDir, tempRepo } from './helpers/tempRepo';
import { mentoring, requireBuiltCli } from './helpers/cli';

function assertNoStack(stderr: string) {
  assert.doesNotMatch(stderr, /\n\s+at .+:\d+:\d+/, `stack trace in stderr:\n${stderr}`);
}

describe('mentoring command line', () => {
  before(requireBuiltCli);
  afterEach(removeTempDirs);

  it('init in an empty git repo, then validate exits 0', () => {
    const repo = tempRepo();
    const init = mentoring(repo, 'init');
    assert.equal(init.code, 0, init.stderr);
    assert.match(init.stdout, /created \.mentoring\/program\.yaml/);
    assert.match(init.stdout, /created \.mentoring\/pairs\/ana--ben\/plan\.yaml/);
    const gitignore = readFileSync(join(repo, '.mentoring/.gitignore'), 'utf8');
    assert.match(gitignore, /^\.private\/$/m);
    const validate = mentoring(repo, 'validate');
    assert.equal(validate.code, 0, validate.stdout + validate.stderr);
    assert.equal(validate.stdout, '');
    assert.match(validate.stderr, /no errors/);
  });

  it('init twice keeps the files that are already there', () => {
    const repo = tempRepo();
    mentoring(repo, 'init');
    const plan = join(repo, '.mentoring/pairs/ana--ben/plan.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8') + '# mine\n');
    const again = mentoring(repo, 'init');
    assert.equal(again.code, 0);
    assert.match(again.stdout, /kept\s+\.mentoring\/pairs\/ana--ben\/plan\.yaml/);
    assert.match(readFileSync(plan, 'utf8'), /# mine\n$/);
  });

  it('a broken file makes validate exit 1 with path:line:col', () => {
    const repo = tempRepo();
    mentoring(repo, 'init');
    const plan = join(repo, '.mentoring/pairs/ana--ben/plan.yaml');
    const text = readFileSync(plan, 'utf8').replace('status: active', 'status: sleeping');
    writeFileSync(plan, text);
    const line = text.split('\n').findIndex((l) => l.startsWith('status: sleeping')) + 1;
    const result = mentoring(repo, 'validate');
    assert.equal(result.code, 1);
    assert.match(result.stdout, new RegExp(`^\\.mentoring/pairs/ana--ben/plan\\.yaml:${line}:\\d+: .*status`, 'm'));
    assertNoStack(result.stderr);
    assert.equal(readFileSync(plan, 'utf8'), text, 'validate must not write');
  });

  it('validate reports YAML syntax errors at their line, in every format', () => {
    const repo = tempRepo();
    mentoring(repo, 'init');
    const person = join(repo, '.mentoring/people/ben.yaml');
    writeFileSync(person, 'handle: ben\nname: Ben\nemails: [ben@example.com\nroles: [mentor]\n');
    const text = mentoring(repo, 'validate');
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^\.mentoring\/people\/ben\.yaml:\d+:\d+: /m);
    const json = mentoring(repo, 'validate', '--format', 'json');
    assert.equal(json.code, 1);
    const problems = JSON.parse(json.stdout) as { file: string; line: number }[];
    assert.ok(problems.some((p) => p.file === '.mentoring/people/ben.yaml' && p.line >= 3));
    const github = mentoring(repo, 'validate', '--format', 'github');
    assert.equal(github.code, 1);
    assert.match(github.stdout, /^::error file=\.mentoring\/people\/ben\.yaml,line=\d+,col=\d+::/m);
  });

  it('validate with paths reports only those files', () => {
    const repo = tempRepo();
    mentoring(repo, 'init');
    writeFileSync(join(repo, '.mentoring/people/ben.yaml'), 'handle: [\n');
    const onlyPlan = mentoring(repo, 'validate', '.mentoring/pairs');
    assert.doesNotMatch(onlyPlan.stdout, /people\/ben/);
    const onlyPeople = mentoring(join(repo, '.mentoring'), 'validate', 'people');
    assert.equal(onlyPeople.code, 1);
    assert.match(onlyPeople.stdout, /people\/ben\.yaml/);
  });

  it('a tracked file under .private/ is an error', () => {
    const repo = tempRepo();
    mentoring(repo, 'init');
    writeFileSync(join(repo, 'README'), 'x');
    git(repo, 'add', 'README');
    const privateDir = join(repo, '.mentoring/.private');
    mkdirSync(privateDir);
    writeFileSync(join(privateDir, 'notes.md'), 'secret');
    git(repo, 'add', '-f', '.mentoring/.private/notes.md');
    const result = mentoring(repo, 'validate');
    assert.equal(result.code, 1);
    assert.match(result.stdout, /\.private\/notes\.md:1:1: .*(tracked|private)/i);
  });

  it('agenda writes the next session with the open actions carried over', () => {
    const repo = tempRepo();
    mentoring(repo, 'init');
    const sessions = join(repo, '.mentoring/pairs/ana--ben/sessions');
    const [first] = readdirSync(sessions);
    const result = mentoring(repo, 'agenda', 'ana--ben', '--date', '2099-01-15');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /created \.mentoring\/pairs\/ana--ben\/sessions\/2099-01-15\.yaml with 1 open action/);
    const agenda = parse(readFileSync(join(sessions, '2099-01-15.yaml'), 'utf8'));
    assert.equal(agenda.date, '2099-01-15');
    assert.equal(agenda.prepared_by, 'ana');
    assert.deepEqual(
      agenda.follow_ups.map((a: { text: string }) => a.text),
      ['Draft the outbox design'],
    );
    assert.equal(agenda.next_session, null, 'the next session is for the pair to agree');
    assert.match(readFileSync(join(sessions, '2099-01-15.yaml'), 'utf8'), /Every 14 days would be 2099-01-29/);
    assert.ok(first < '2099-01-15');
    assert.equal(mentoring(repo, 'validate').code, 0, 'the new agenda validates');
    const again = mentoring(repo, 'agenda', 'ana--ben', '--date', '2099-01-15');
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already exists/);
  });

  it('status lists the pairs, also as JSON', () => {
    const repo = tempRepo();
    mentoring(repo, 'init');
    const text = mentoring(repo, 'status');
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^ana--ben\s+active\s+goals 0\/1 done/m);
    const json = JSON.parse(mentoring(repo, 'status', '--json').stdout);
    assert.equal(json.pairs[0].id, 'ana--ben');
    assert.equal(json.pairs[0].openFeedback, 1);
  });

  it('refuses unsafe pair names and bad options with exit 2 and no stack trace', () => {
    const repo = tempRepo();
    mentoring(repo, 'init');
    for (const args of [
      ['agenda', '--upload-pack=x'],
      ['agenda', '../../etc'],
      ['agenda', 'ana--ben', '--date', '2026-02-30'],
      ['validate', '--format', 'xml'],
      ['frobnicate'],
    ]) {
      const result = mentoring(repo, ...args);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.notEqual(result.stderr.trim(), '');
      assertNoStack(result.stderr);
    }
  });

  it('--help works on every command', () => {
    const dir = tempDir();
    for (const command of [[], ['init'], ['validate'], ['status'], ['agenda']]) {
      const result = mentoring(dir, ...command, '--help');
      assert.equal(result.code, 0, command.join(' '));
      assert.match(result.stdout, /Usage: mentoring/);
    }
  });

  it('validate outside any mentoring folder says so', () => {
    const result = mentoring(tempDir(), 'validate');
    assert.equal(result.code, 1);
    assert.match(result.stderr, /no mentoring folder/);
    assertNoStack(result.stderr);
  });
});
