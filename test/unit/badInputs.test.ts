// The list of bad inputs: each gives a clear problem naming its file and line, the
// process survives, the other files still load, and nothing is written.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadMentoring } from '../../src/core/folder/load';
import type { MentoringModel, Problem } from '../../src/core/folder/model';
import { parseYaml } from '../../src/core/folder/yamlText';
import { removeTempDirs, tempDir } from './helpers/tempRepo';

after(removeTempDirs);

const VALID = resolve(__dirname, '../fixtures/valid/.mentoring');
const PAIR = 'pairs/ana--ben';

function fixture(files: Record<string, string | Buffer>): string {
  const root = tempDir('mentoring-bad-');
  cpSync(VALID, join(root, '.mentoring'), { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(root, '.mentoring', rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return root;
}

/** Every file and folder under root with its size and modification time: a write would change it. */
function snapshot(root: string): string {
  const lines: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = join(dir, entry.name);
      const stats = statSync(abs);
      lines.push(`${abs} ${stats.size} ${stats.mtimeMs}`);
      if (entry.isDirectory()) walk(abs);
    }
  };
  walk(root);
  return lines.join('\n');
}

/** Loads a fixture with `files` replaced and checks the loader wrote nothing and kept the rest. */
async function load(files: Record<string, string | Buffer>): Promise<{ model: MentoringModel; problems: string[] }> {
  const root = fixture(files);
  const before = snapshot(root);
  const model = await loadMentoring(root);
  assert.equal(snapshot(root), before, 'loading wrote nothing');
  assert.ok(
    model.people.some((p) => p.data?.handle === 'ben'),
    'the other files still load',
  );
  return { model, problems: model.problems.map(show) };
}

function show(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`;
}

function assertHas(problems: string[], pattern: RegExp): void {
  assert.ok(
    problems.some((p) => pattern.test(p)),
    `expected a problem matching ${pattern}, got:\n${problems.join('\n')}`,
  );
}

describe('bad inputs', () => {
  it('invalid YAML', async () => {
    const { problems } = await load({ [`${PAIR}/plan.yaml`]: 'mentee: ana\nmentor: [ben\nstatus: active\n' });
    assertHas(problems, /^\.mentoring\/pairs\/ana--ben\/plan\.yaml:[2-4]:\d+: .*(flow|\])/i);
  });

  it('a tab-indented file', async () => {
    const { problems } = await load({ 'people/ana.yaml': 'handle: ana\nname: Ana\nemails:\n\t- ana@example.com\n' });
    assertHas(problems, /^\.mentoring\/people\/ana\.yaml:4:1: .*tab/i);
  });

  it('two documents in one file', async () => {
    const { problems } = await load({ 'people/ana.yaml': 'handle: ana\nname: Ana\n---\nhandle: eve\nname: Eve\n' });
    assert.deepEqual(
      problems.filter((p) => p.startsWith('.mentoring/people/ana.yaml')),
      ['.mentoring/people/ana.yaml:3:1: file holds more than one YAML document; only one is allowed'],
    );
  });

  it('duplicate keys', async () => {
    const { problems } = await load({ 'people/ana.yaml': 'handle: ana\nname: Ana\nhandle: eve\n' });
    assertHas(problems, /^\.mentoring\/people\/ana\.yaml:3:1: .*unique/i);
  });

  it('an alias bomb', async () => {
    const bomb = [
      'handle: ana',
      'name: Ana',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]',
      'g: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]',
      '',
    ].join('\n');
    const { problems } = await load({ 'people/ana.yaml': bomb });
    assertHas(problems, /^\.mentoring\/people\/ana\.yaml:\d+:\d+: .*alias/i);
  });

  it('a 5 MiB file is refused before parsing', async () => {
    const big = 'handle: ana\nname: Ana\n' + '# padding padding padding padding\n'.repeat((5 * 1024 * 1024) / 34);
    const { model, problems } = await load({ 'people/ana.yaml': big });
    assertHas(problems, /^\.mentoring\/people\/ana\.yaml:1:1: file is 5\.0 MiB, over the 1\.0 MiB limit; not parsed$/);
    assert.equal(model.people.find((p) => p.rel.endsWith('ana.yaml'))?.text, undefined);
  });

  it('2,000 nested [ , twice in one process', async () => {
    const deep = `date: 2026-11-07\nnotes: ${'['.repeat(2000)}\n`;
    for (let round = 0; round < 2; round++) {
      const { problems } = await load({ [`${PAIR}/sessions/2026-11-07.yaml`]: deep });
      assertHas(
        problems,
        /^\.mentoring\/pairs\/ana--ben\/sessions\/2026-11-07\.yaml:2:\d+: collections nested deeper than 64 levels; not parsed$/,
      );
      assert.ok(parseYaml(deep).problems.length > 0);
      assert.ok(parseYaml(`${'{a: '.repeat(2000)}`).problems.length > 0);
    }
  });

  it('a __proto__ key is refused and never merged', async () => {
    const { model, problems } = await load({
      'people/ana.yaml': 'handle: ana\nname: Ana\n__proto__:\n  polluted: true\n',
    });
    assertHas(problems, /^\.mentoring\/people\/ana\.yaml:3:1: key "__proto__" is not allowed$/);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(model.people.find((p) => p.rel.endsWith('ana.yaml'))?.data, undefined);
  });

  it('a handle like ../../etc or --upload-pack=x, as a value and as a folder name', async () => {
    const { model, problems } = await load({
      [`${PAIR}/plan.yaml`]: 'mentee: ../../etc\nmentor: ben\nstatus: active\n',
      [`${PAIR}/feedback/2026-11-20-retry-policy.yaml`]:
        'asked_by: ana\nasked_of: --upload-pack=x\nasked: 2026-11-20\nkind: other\nquestion: Q?\nstatus: open\n',
      'pairs/--upload-pack=x/plan.yaml': 'mentee: ana\nmentor: ben\nstatus: active\n',
      'pairs/..--etc/plan.yaml': 'mentee: ana\nmentor: ben\nstatus: active\n',
    });
    assertHas(
      problems,
      /^\.mentoring\/pairs\/ana--ben\/plan\.yaml:1:1: mentee: "\.\.\/\.\.\/etc" is not allowed; use lower-case letters/,
    );
    assertHas(
      problems,
      /^\.mentoring\/pairs\/ana--ben\/feedback\/2026-11-20-retry-policy\.yaml:2:1: asked_of: "--upload-pack=x" is not allowed/,
    );
    assertHas(problems, /^\.mentoring\/pairs\/--upload-pack=x:1:1: pair folder refused: /);
    assertHas(problems, /^\.mentoring\/pairs\/\.\.--etc:1:1: pair folder refused: .*path separator or "\.\."/);
    assert.deepEqual(
      model.pairs.map((p) => p.id),
      ['ana--ben'],
      'refused folders never become pairs',
    );
  });

  it('a date like 2026-02-30', async () => {
    const { problems } = await load({ [`${PAIR}/sessions/2026-02-30.yaml`]: 'date: 2026-02-30\nprepared_by: ana\n' });
    assert.deepEqual(
      problems.filter((p) => p.includes('2026-02-30.yaml')),
      [
        '.mentoring/pairs/ana--ben/sessions/2026-02-30.yaml:1:1: date: 2026-02-30 is not a real date',
        ".mentoring/pairs/ana--ben/sessions/2026-02-30.yaml:1:1: session file name 2026-02-30.yaml must be the session's date, like 2026-11-21.yaml",
      ],
    );
  });

  it('a session file whose name and date disagree', async () => {
    const { problems } = await load({
      [`${PAIR}/sessions/2026-11-07.yaml`]: '# moved\nprepared_by: ana\ndate: 2026-11-08\n',
    });
    assert.deepEqual(problems, [
      '.mentoring/pairs/ana--ben/sessions/2026-11-07.yaml:3:1: date 2026-11-08 does not match the file name 2026-11-07.yaml; a session file is named after its date',
    ]);
  });

  it('a feedback request naming an unknown goal', async () => {
    const { problems } = await load({
      [`${PAIR}/feedback/2026-11-20-retry-policy.yaml`]:
        'asked_by: ana\nasked_of: ben\nasked: 2026-11-20\nkind: design\ngoal: kubernetes\nquestion: Q?\nstatus: open\n',
    });
    assert.deepEqual(problems, [
      '.mentoring/pairs/ana--ben/feedback/2026-11-20-retry-policy.yaml:5:1: goal: the plan of ana--ben has no goal "kubernetes"',
    ]);
  });

  it('a file that is not UTF-8', async () => {
    const latin1 = Buffer.concat([Buffer.from('handle: ana\nname: Jo'), Buffer.from([0xe3]), Buffer.from('o\n')]);
    const { problems } = await load({ 'people/ana.yaml': latin1 });
    assert.deepEqual(problems, ['.mentoring/people/ana.yaml:2:9: file is not valid UTF-8']);
    // The column counts characters: "Zoë " is four, whatever its bytes.
    const afterUnicode = Buffer.concat([
      Buffer.from('handle: ana\nname: Zoë '),
      Buffer.from([0xff]),
      Buffer.from('\n'),
    ]);
    const again = await load({ 'people/ana.yaml': afterUnicode });
    assert.deepEqual(again.problems, ['.mentoring/people/ana.yaml:2:11: file is not valid UTF-8']);
  });

  it('an empty file', async () => {
    const { problems } = await load({ 'people/ana.yaml': '', [`${PAIR}/sessions/2026-11-07.yaml`]: '  \n\n' });
    assert.deepEqual(problems, [
      '.mentoring/pairs/ana--ben/sessions/2026-11-07.yaml:1:1: file is empty',
      '.mentoring/people/ana.yaml:1:1: file is empty',
    ]);
  });

  it('a file holding only a comment or null', async () => {
    const { problems } = await load({ 'people/ana.yaml': '# nothing yet\n', 'people/ben-k.yaml': '~\n' });
    assertHas(problems, /^\.mentoring\/people\/ana\.yaml:1:1: /);
    assertHas(problems, /^\.mentoring\/people\/ben-k\.yaml:1:1: the file must hold a mapping/);
  });
});
