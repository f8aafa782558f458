import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { appendItem, EditError, removeItem, setValue } from '../../src/core/edit';
import {
  assertAllCrlf,
  assertCommentsKept,
  changedRegion,
  dataOf,
  editFile,
  setIn,
  TempFolder,
  toCrlf,
} from '../fixtures/edit/helpers';

describe('generic YAML edits keep the rest of the file byte for byte', () => {
  let temp: TempFolder;
  beforeEach(() => (temp = new TempFolder()));
  afterEach(() => temp.remove());

  const plan = () => temp.fixture('plan.yaml');

  it('keeps double quotes when changing a double-quoted value', () => {
    const { before, after } = editFile(plan(), (text) => setValue(text, ['status'], 'paused'));
    assert.equal(after, before.replace('status: "active"', 'status: "paused"'));
  });

  it('keeps single quotes and the inline comment', () => {
    const text = readFileSync(plan(), 'utf8').replace('x-reviewer: *mentor', "x-reviewer: 'ben'");
    const after = setValue(text, ['mentor'], "ben's");
    assert.equal(after, text.replace("mentor: &mentor 'ben'   # quoted", "mentor: &mentor 'ben''s'   # quoted"));
  });

  it('quotes a plain value only when the new text needs it', () => {
    const { before, after } = editFile(plan(), (text) => setValue(text, ['driver'], 'shared: mostly'));
    assert.equal(after, before.replace('driver: mentee', 'driver: "shared: mostly"'));
    assert.equal((dataOf(after) as Record<string, unknown>).driver, 'shared: mostly');
  });

  it('writes multi-line text as a | block indented under its key, keeping the inline comment', () => {
    const { before, after } = editFile(plan(), (text) => setValue(text, ['goals', 0, 'status'], 'line one\nline two'));
    assert.equal(
      after,
      before.replace(
        'status: in-progress     # planned | in-progress | done | dropped',
        'status: |- # planned | in-progress | done | dropped\n      line one\n      line two',
      ),
    );
  });

  it('keeps a folded > block folded', () => {
    const { before, after } = editFile(plan(), (text) =>
      setValue(text, ['agreement', 'confidentiality'], 'Between us.'),
    );
    assert.equal(
      after,
      before.replace(
        'confidentiality: >\n    Notes stay between us;\n    goal progress may be shared.',
        'confidentiality: >-\n    Between us.',
      ),
    );
  });

  it('creates missing keys at the end of their map, with the map’s indentation', () => {
    const { before, after } = editFile(plan(), (text) => setValue(text, ['agreement', 'review', 'weeks'], 6));
    assert.equal(after, before.replace("'Come prepared']\n", "'Come prepared']\n  review:\n    weeks: 6\n"));
  });

  it('edits inside a flow map without reformatting it', () => {
    const { before, after } = editFile(plan(), (text) => setValue(text, ['goals', 1, 'status'], 'done'));
    assert.equal(
      after,
      before.replace('title: "Write better tests", status: planned,', 'title: "Write better tests", status: done,'),
    );
    const { after: added } = editFile(plan(), (text) => setValue(text, ['goals', 1, 'due'], '2027-01-01'));
    assert.equal(
      added,
      before.replace('[{text: "Mutation testing"}]}', '[{text: "Mutation testing"}], due: 2027-01-01}'),
    );
  });

  it('removes a key with its inline comment, and leaves the file alone when the key is missing', () => {
    const { before, after } = editFile(plan(), (text) => setValue(text, ['x-team-note'], undefined));
    assert.equal(after, before.replace('x-team-note: unknown keys must survive   # not in the schema\n', ''));
    assert.equal(setValue(before, ['no-such-key'], undefined), before);
  });

  it('appends to a block list after its last item, before the comments that follow it', () => {
    const { before, after } = editFile(plan(), (text) =>
      appendItem(text, ['goals', 0, 'evidence'], 'https://example.com/pull/7'),
    );
    assert.equal(after, before.replace('pull/123\n', 'pull/123\n      - https://example.com/pull/7\n'));
    assertCommentsKept(before, after);
  });

  it('appends to a flow list as `, item`, quoting when needed', () => {
    const { before, after } = editFile(plan(), (text) =>
      appendItem(text, ['agreement', 'expectations'], 'Say no, kindly'),
    );
    assert.equal(after, before.replace("'Come prepared']", '\'Come prepared\', "Say no, kindly"]'));
  });

  it('turns an empty [] into a block list on the first append, and creates a missing list', () => {
    const { before, after } = editFile(plan(), (text) =>
      appendItem(text, ['goals', 2, 'evidence'], 'https://x.test/a'),
    );
    assert.equal(after, before.replace('evidence: []\n', 'evidence:\n      - https://x.test/a\n'));
    const { after: created } = editFile(plan(), (text) =>
      appendItem(text, ['goals', 2, 'benchmarks'], { text: 'Submit a proposal' }),
    );
    assert.equal(
      created,
      before.replace(
        'x-owner-note: keep   # unknown key inside a goal\n',
        'x-owner-note: keep   # unknown key inside a goal\n    benchmarks:\n      - text: Submit a proposal\n',
      ),
    );
  });

  it('removes a list item with its line, a flow item with its comma, and leaves [] after the last one', () => {
    const { before, after } = editFile(plan(), (text) => removeItem(text, ['goals', 0, 'benchmarks'], 1));
    assert.equal(after, before.replace('      - text: "Present it at the architecture review"   # next month\n', ''));
    assert.equal(
      removeItem(before, ['agreement', 'expectations'], 0),
      before.replace("[Agenda a day ahead, 'Come prepared']", "['Come prepared']"),
    );
    assert.equal(
      removeItem(before, ['goals', 0, 'evidence'], 0),
      before.replace('    evidence:\n      - https://example.com/acme/app/pull/123\n', '    evidence: []\n'),
    );
  });

  it('removes a whole goal written in flow style between block items', () => {
    const { before, after } = editFile(plan(), (text) => removeItem(text, ['goals'], 1));
    const lines = before.split('\n');
    assert.equal(after, lines.filter((line) => !line.startsWith('  - {id: testing')).join('\n'));
    assert.equal(changedRegion(before, after).added, '');
    assertCommentsKept(before, after);
  });

  it('keeps CRLF line endings and a byte-order mark', () => {
    const lf = readFileSync(plan(), 'utf8');
    const path = temp.file('crlf.yaml', `\ufeff${toCrlf(lf)}`);
    const edits: ((text: string) => string)[] = [
      (text) => setValue(text, ['status'], 'paused'),
      (text) => setValue(text, ['goals', 0, 'why'], 'a\nb'),
      (text) => appendItem(text, ['goals', 0, 'benchmarks'], { text: 'New' }),
      (text) => appendItem(text, ['goals', 2, 'evidence'], 'x'),
      (text) => removeItem(text, ['goals'], 1),
      (text) => setValue(text, ['x-team-note'], undefined),
    ];
    for (const edit of edits) {
      const { after } = editFile(path, edit);
      assert.ok(after.startsWith('\ufeff'), 'byte-order mark kept');
      assertAllCrlf(after);
      assert.equal(after.slice(1).replace(/\r\n/g, '\n'), edit(lf));
      editFile(path, () => `\ufeff${toCrlf(lf)}`);
    }
  });

  it('removes a list item whose anchor sits on the dash line, and refuses to leave an alias dangling', () => {
    const session = temp.fixture('session.yaml');
    const { before, after } = editFile(session, (text) => setValue(text, ['follow_ups', 1], undefined));
    assert.equal(after, before.replace(/ {2}- &carry\n( {4}.*\n){4}/, ''));
    const text = readFileSync(plan(), 'utf8');
    assert.throws(
      () => setValue(text, ['mentor'], undefined),
      (error: unknown) => error instanceof EditError && /alias/i.test(error.message),
    );
  });

  it('double-quotes multi-line text added to a flow list', () => {
    const text = readFileSync(plan(), 'utf8');
    const after = appendItem(text, ['agreement', 'expectations'], 'Two\nlines');
    assert.equal(after, text.replace("'Come prepared']", '\'Come prepared\', "Two\\nlines"]'));
  });

  it('follows the file’s own indentation and list style when it creates keys', () => {
    const path = temp.file('four.yaml', 'a:\n    b: 1\nlist:\n- x\n');
    const { after } = editFile(path, (text) => setValue(text, ['c', 'd'], 2));
    assert.equal(after, 'a:\n    b: 1\nlist:\n- x\nc:\n    d: 2\n');
    const flush = temp.file('flush.yaml', 'a:\n  b: 1\nlist:\n- x\n');
    const { after: withList } = editFile(flush, (text) => setValue(text, ['e'], ['y']));
    assert.equal(withList, 'a:\n  b: 1\nlist:\n- x\ne:\n- y\n');
  });

  it('adds a line to a file that does not end with a line break', () => {
    const path = temp.file('nobreak.yaml', 'a: 1 # one');
    const { after } = editFile(path, (text) => setValue(text, ['b'], 'two'));
    assert.equal(after, 'a: 1 # one\nb: two');
  });

  it('fills an empty value in place', () => {
    const path = temp.file('empty.yaml', 'notes:   # later\nnext_session:\nthanks: ""\n');
    const { after } = editFile(path, (text) =>
      setValue(setValue(text, ['notes'], 'Went well'), ['next_session'], '2026-12-05'),
    );
    assert.equal(after, 'notes: Went well   # later\nnext_session: 2026-12-05\nthanks: ""\n');
    const before = 'notes:   # later\nnext_session:\nthanks: ""\n';
    assert.equal(appendItem(before, ['next_session'], 'x'), 'notes:   # later\nnext_session:\n  - x\nthanks: ""\n');
  });

  it('refuses to edit a file that does not parse, and the file stays as it was', () => {
    const bad: [string, string][] = [
      ['unclosed flow', 'a: [1, 2\nb: 3\n'],
      ['tab indentation', 'a:\n\tb: 1\n'],
      ['duplicate keys', 'a: 1\na: 2\n'],
      ['two documents', 'a: 1\n---\nb: 2\n'],
      ['__proto__ key', '__proto__: {x: 1}\n'],
      ['deep nesting', `a: ${'['.repeat(2000)}\n`],
      ['empty', ''],
    ];
    for (const [name, text] of bad) {
      const path = temp.file('bad.yaml', text);
      assert.throws(
        () => editFile(path, (t) => setValue(t, ['a'], 5)),
        (error: unknown) => error instanceof EditError && error.line >= 1 && error.col >= 1,
        name,
      );
      assert.equal(readFileSync(path, 'utf8'), text, `${name}: file untouched`);
    }
  });

  it('names what is missing: an index out of range, a value that is not a list', () => {
    const text = readFileSync(plan(), 'utf8');
    assert.throws(() => removeItem(text, ['goals'], 9), /goals has no item 9 \(it has 3\)/);
    assert.throws(() => appendItem(text, ['status'], 'x'), /status is not a list/);
    assert.throws(() => setValue(text, ['goals', 7, 'status'], 'done'), /goals has no item 7/);
  });

  it('gives the data a setIn would give, for every kind of edit', () => {
    const text = readFileSync(plan(), 'utf8');
    const data = dataOf(text);
    const cases: [(string | number)[], unknown][] = [
      [['started'], '2026-09-02'],
      [['agreement', 'cadence_days'], 7],
      [['goals', 0, 'benchmarks', 0, 'done'], null],
      [['goals', 0, 'benchmarks'], [{ text: 'only one' }]],
      [['goals', 2, 'x-owner-note'], { nested: [1, 2] }],
      [['goals', 0, 'mentor_help'], undefined],
    ];
    for (const [path, value] of cases) {
      const after = setValue(text, path, value);
      assert.deepEqual(dataOf(after), setIn(data, path, value), path.join('.'));
      if (value !== undefined && typeof value !== 'object') assertCommentsKept(text, after);
    }
  });
});
