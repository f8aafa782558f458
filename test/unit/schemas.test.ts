import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FileKind } from '../../src/core/folder/model';
import { SCHEMAS, validateAgainstSchema } from '../../src/core/folder/schemas';
import { parseYaml } from '../../src/core/folder/yamlText';

const KINDS: FileKind[] = ['program', 'person', 'plan', 'session', 'feedback', 'retro'];

function check(kind: FileKind, text: string): string[] {
  const parsed = parseYaml(text);
  assert.deepEqual(parsed.problems, [], 'the test YAML itself parses');
  return validateAgainstSchema(kind, parsed.data, parsed).map((p) => `${p.line}:${p.col}: ${p.message}`);
}

/** Every property schema, with its path, walking nested objects and list items. */
function properties(schema: Record<string, unknown>, path = ''): [string, Record<string, unknown>][] {
  const found: [string, Record<string, unknown>][] = [];
  const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const [key, sub] of Object.entries(props)) {
    found.push([`${path}${key}`, sub], ...properties(sub, `${path}${key}.`));
    if (sub.items && typeof sub.items === 'object') {
      found.push(
        [`${path}${key}[]`, sub.items as Record<string, unknown>],
        ...properties(sub.items as Record<string, unknown>, `${path}${key}[].`),
      );
    }
  }
  return found;
}

describe('JSON Schemas', () => {
  it('each kind has the file package.json points VS Code at, with an $id', () => {
    const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as {
      contributes: { yamlValidation: { url: string }[] };
    };
    const urls = manifest.contributes.yamlValidation.map((v) => v.url);
    for (const kind of KINDS) {
      assert.ok(urls.includes(`./schemas/${kind}.schema.json`), kind);
      const schema = SCHEMAS[kind] as Record<string, unknown>;
      assert.equal(schema.$id, `urn:mentoring:schema:${kind}`);
      assert.ok(schema.patternProperties, 'x- keys are allowed (unknown keys: unknownKeys.test.ts)');
    }
  });

  it('describes every property (the descriptions are hover help in the editor)', () => {
    for (const kind of KINDS) {
      for (const [path, sub] of properties(SCHEMAS[kind] as Record<string, unknown>)) {
        assert.equal(typeof sub.description, 'string', `${kind}: ${path} has no description`);
        assert.ok((sub.description as string).length > 5, `${kind}: ${path}`);
      }
    }
  });

  it('uses the keys SPEC shows for plan, session and feedback', () => {
    const keys = (kind: FileKind) => properties(SCHEMAS[kind] as Record<string, unknown>).map(([path]) => path);
    for (const key of [
      'mentee',
      'mentor',
      'initiated_by',
      'status',
      'started',
      'ends',
      'driver',
      'agreement.cadence_days',
      'agreement.channel',
      'agreement.confidentiality',
      'agreement.expectations',
      'goals[].id',
      'goals[].mentor_help',
      'goals[].benchmarks[].done',
      'goals[].evidence',
    ]) {
      assert.ok(keys('plan').includes(key), key);
    }
    for (const key of [
      'date',
      'prepared_by',
      'objectives',
      'topics[].question',
      'topics[].goal',
      'ideas',
      'follow_ups[].owner',
      'notes',
      'actions[].due',
      'next_session',
      'thanks',
    ]) {
      assert.ok(keys('session').includes(key), key);
    }
    for (const key of [
      'asked_by',
      'asked_of',
      'asked',
      'kind',
      'goal',
      'code.path',
      'code.lines',
      'code.commit',
      'question',
      'status',
      'answer',
      'answered',
    ]) {
      assert.ok(keys('feedback').includes(key), key);
    }
    for (const key of [
      'handle',
      'name',
      'emails',
      'roles',
      'skills_offered',
      'goals_sought',
      'values',
      'capacity',
      'timezone',
      'git_host_handle',
    ]) {
      assert.ok(keys('person').includes(key), key);
    }
    for (const key of [
      'name',
      'coordinators',
      'defaults.cadence_days',
      'defaults.session_minutes',
      'defaults.channel',
    ]) {
      assert.ok(keys('program').includes(key), key);
    }
  });

  it('accepts SPEC-like files, with x- keys and null where SPEC shows null', () => {
    assert.deepEqual(
      check(
        'feedback',
        'asked_by: ana\nasked_of: ben\nasked: 2026-11-20\nkind: code\nquestion: Q?\nstatus: open\nanswer: ""\nanswered: null\nx-mood: curious\n',
      ),
      [],
    );
    assert.deepEqual(check('session', 'date: 2026-11-21\nnext_session: null\nx-custom: 1\n'), []);
    assert.deepEqual(
      check(
        'plan',
        'mentee: ana\nmentor: ben\nstatus: proposed\ngoals:\n  - id: g\n    title: T\n    status: planned\n    benchmarks:\n      - text: B\n        done: null\n',
      ),
      [],
    );
  });

  it('says which key is wrong, in words, at its line', () => {
    const plan = [
      'mentee: ana',
      'mentor: ben',
      'status: active',
      'initiated_by: boss',
      'goals:',
      '  - id: system-design',
      '    title: Design',
      '    status: doing',
      '    due: 2026-02-30',
      '    benchmarks: later',
      '  - title: No id',
      '    status: planned',
      'agreement:',
      '  cadence_days: 0',
      '  channel: carrier-pigeon',
      '',
    ].join('\n');
    assert.deepEqual(check('plan', plan), [
      '4:1: initiated_by must be one of mentee, mentor, program (not "boss")',
      '8:5: goals[0].status must be one of planned, in-progress, done, dropped (not "doing")',
      '9:5: goals[0].due: 2026-02-30 is not a real date',
      '10:5: goals[0].benchmarks must be a list, not text "later"',
      '11:5: goals[1]: missing required key "id"',
      '14:3: agreement.cadence_days must be at least 1 (not 0)',
      '15:3: agreement.channel must be one of in-person, video, chat, mixed (not "carrier-pigeon")',
    ]);
  });

  it('refuses unsafe handles as values', () => {
    assert.deepEqual(check('plan', 'mentee: ../../etc\nmentor: --upload-pack=x\nstatus: active\n'), [
      '1:1: mentee: "../../etc" is not allowed; use lower-case letters, digits and single hyphens (like "ana" or "ben-k")',
      '2:1: mentor: "--upload-pack=x" is not allowed; use lower-case letters, digits and single hyphens (like "ana" or "ben-k")',
    ]);
  });

  it('reports missing keys, wrong types and a file that is not a mapping', () => {
    assert.deepEqual(
      check('feedback', 'asked_by: ana\nquestion: 42\ncode:\n  path: a.ts\n  lines: [3]\n  commit: xyz\n'),
      [
        '1:1: missing required key "asked_of"',
        '1:1: missing required key "asked"',
        '1:1: missing required key "kind"',
        '1:1: missing required key "status"',
        '2:1: question must be text, not the number 42',
        '5:3: code.lines must be two line numbers: [first, last]',
        '6:3: code.commit: "xyz" is not a commit hash',
      ],
    );
    assert.deepEqual(check('person', '- ana\n'), [
      '1:1: the file must hold a mapping of keys and values (like "name: Ana")',
    ]);
    assert.deepEqual(check('person', 'handle: ana\nname: Ana\nemails: [not-an-email]\nroles: [mentee, boss]\n'), [
      '3:10: emails[0]: "not-an-email" is not an email address',
      '4:17: roles[1] must be one of mentee, mentor, coordinator (not "boss")',
    ]);
  });

  it('words a value that fits none of its forms (a criterion is a level or a weight)', () => {
    assert.deepEqual(check('program', 'name: P\nmatching:\n  criteria:\n    skills: lots\n'), [
      '4:5: matching.criteria.skills must be one of must, high, medium, low (not "lots")',
      '4:5: matching.criteria.skills must be a number, not text "lots"',
    ]);
    assert.deepEqual(check('program', 'name: P\nmatching:\n  criteria:\n    skills: -1\n'), [
      '4:5: matching.criteria.skills must be text, not the number -1',
      '4:5: matching.criteria.skills must be one of must, high, medium, low (not -1)',
      '4:5: matching.criteria.skills must be at least 0 (not -1)',
    ]);
  });
});
