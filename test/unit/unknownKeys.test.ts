import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addBenchmark, addGoal, completeGoal, setBenchmarkDone, updateGoal } from '../../src/core/edit';
import { loadMentoring } from '../../src/core/folder/load';
import type { FileKind } from '../../src/core/folder/model';
import { SCHEMAS, validateAgainstSchema } from '../../src/core/folder/schemas';
import { nearestKey } from '../../src/core/folder/unknownKeys';
import { parseYaml } from '../../src/core/folder/yamlText';
import { removeTempDirs, tempRepo } from './helpers/tempRepo';

const CLI = join(__dirname, '../../dist/cli.js');

function check(kind: FileKind, text: string): string[] {
  const parsed = parseYaml(text);
  return validateAgainstSchema(kind, parsed.data, parsed).map(
    (p) => `${p.line}:${p.col}: ${p.severity ?? 'error'}: ${p.message}`,
  );
}

const PLAN = [
  'mentee: ana',
  'mentor: ben',
  'staus: active', // typo of status: status is then missing too
  'status: active',
  'x-budget: 300',
  'agreement:',
  '  cadense_days: 14',
  '  x-room: 4.12',
  'goals:',
  '  - id: system-design',
  '    title: Design',
  '    status: planned',
  '    mentor_hlp: Review my docs',
  '    benchmark:',
  '      - text: Write the doc',
  '    x-owner-note: keep',
  '',
].join('\n');

describe('unknown keys', () => {
  afterEach(removeTempDirs);

  it('every object in every schema allows x- keys and nothing else unnamed', () => {
    const objects = (node: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] => {
      if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if (record.type === 'object') found.push(record);
        Object.values(record).forEach((child) => objects(child, found));
      }
      return found;
    };
    for (const [kind, schema] of Object.entries(SCHEMAS)) {
      const all = objects(schema);
      assert.ok(all.length > 0, kind);
      for (const object of all) {
        // A map (its keys are the user's, such as the matching taxonomy's terms) has no unknown keys.
        if (typeof object.additionalProperties === 'object') continue;
        assert.equal(object.additionalProperties, false, `${kind}: ${String(object.description)}`);
        assert.deepEqual(Object.keys(object.patternProperties as object), ['^x-'], kind);
      }
      assert.match(String((schema as { description: string }).description), /`x-`.*warning/s, kind);
    }
  });

  it('is a warning at the key, naming the nearest known key; x- keys are never warned', () => {
    assert.deepEqual(check('plan', PLAN), [
      '3:1: warning: unknown key `staus`; did you mean `status`?',
      '7:3: warning: unknown key `cadense_days`; did you mean `cadence_days`?',
      '13:5: warning: unknown key `mentor_hlp`; did you mean `mentor_help`?',
      '14:5: warning: unknown key `benchmark`; did you mean `benchmarks`?',
    ]);
    assert.deepEqual(
      check('session', 'date: 2026-11-21\nprepard_by: ana\nactions:\n  - text: T\n    owner: ana\n    Done: true\n'),
      [
        '2:1: warning: unknown key `prepard_by`; did you mean `prepared_by`?',
        '6:5: warning: unknown key `Done`; did you mean `done`?',
      ],
    );
    assert.deepEqual(check('person', 'handle: ana\nname: Ana\nfavourite_colour: blue\n'), [
      "3:1: warning: unknown key `favourite_colour` (Mentoring does not use it; start a team's own key with `x-`)",
    ]);
    // A real error next to an unknown key is still an error.
    assert.deepEqual(
      check(
        'feedback',
        'asked_by: ana\nasked_of: ben\nasked: 2026-11-20\nkind: code\nquestion: Q?\nstatus: opn\nx-mood: curious\n',
      ),
      ['6:1: error: status must be one of open, answered, closed (not "opn")'],
    );
  });

  it('offers a near key only when it is near', () => {
    assert.equal(nearestKey('staus', ['status', 'started']), 'status');
    assert.equal(nearestKey('Next-Session', ['next_session']), 'next_session');
    assert.equal(nearestKey('mentro', ['mentee', 'mentor']), 'mentor');
    assert.equal(nearestKey('colour', ['channel', 'cadence_days']), undefined);
    assert.equal(nearestKey('ab', ['id']), undefined);
  });

  it('survives every plan edit, and the warning stays at the key', () => {
    const edits: ((text: string) => string)[] = [
      (text) => addGoal(text, { title: 'New goal' }),
      (text) => updateGoal(text, 'system-design', { why: 'changed' }),
      (text) => completeGoal(text, 'system-design'),
      (text) => addBenchmark(text, 'system-design', 'b'),
      (text) => setBenchmarkDone(addBenchmark(text, 'system-design', 'b'), 'system-design', 0, '2026-12-24'),
    ];
    const warnings = (text: string) => check('plan', text).filter((p) => p.includes('warning'));
    for (const edit of edits) {
      const after = edit(PLAN);
      for (const kept of [
        'staus: active',
        'cadense_days: 14',
        'x-room: 4.12',
        '    mentor_hlp: Review my docs',
        'x-owner-note: keep',
      ]) {
        assert.ok(after.includes(kept), `${kept} lost by ${edit.toString()}`);
      }
      assert.deepEqual(
        warnings(after).map((w) => w.replace(/^\d+:\d+: /, '')),
        warnings(PLAN).map((w) => w.replace(/^\d+:\d+: /, '')),
      );
    }
  });

  it('`validate` prints the warning at file:line:col and exits 0; an error still exits 1', () => {
    assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
    const repo = tempRepo();
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: repo, encoding: 'utf8' });
    assert.equal(run('init').status, 0);
    const plan = join(repo, '.mentoring/pairs/ana--ben/plan.yaml');
    const text = readFileSync(plan, 'utf8').replace(/^status: active.*$/m, '$&\nstaus: done\nx-budget: 1');
    writeFileSync(plan, text);
    const line = text.split('\n').indexOf('staus: done') + 1;

    const plain = run('validate');
    assert.equal(plain.status, 0, plain.stdout + plain.stderr);
    assert.equal(
      plain.stdout,
      `.mentoring/pairs/ana--ben/plan.yaml:${line}:1: warning: unknown key \`staus\`; did you mean \`status\`?\n`,
    );
    assert.match(plain.stderr, /no errors, 1 warning/);
    const github = run('validate', '--format', 'github');
    assert.equal(github.status, 0);
    assert.match(
      github.stdout,
      new RegExp(`^::warning file=\\.mentoring/pairs/ana--ben/plan\\.yaml,line=${line},col=1::unknown key`, 'm'),
    );

    writeFileSync(plan, text.replace(/^status: active/m, 'status: sleeping'));
    assert.equal(run('validate').status, 1);
  });

  it('reaches the model the Problems panel shows, as a warning', async () => {
    const repo = tempRepo();
    spawnSync(process.execPath, [CLI, 'init'], { cwd: repo });
    const plan = join(repo, '.mentoring/pairs/ana--ben/plan.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8') + 'benchmark: []\n');
    const model = await loadMentoring(repo);
    const problems = model.pairs[0]?.plan?.problems ?? [];
    assert.deepEqual(
      problems.map((p) => [p.severity, p.message]),
      [['warning', "unknown key `benchmark` (Mentoring does not use it; start a team's own key with `x-`)"]],
    );
    assert.ok(model.pairs[0]?.plan?.data, 'a file with only warnings is still read');
  });
});
