// The one parser for versions of mentoring files read from git: bytes to data, or a problem.
// The history, pending proposals and the diff between revisions all read old versions with it.
import assert from 'node:assert/strict';
import { MAX_FILE_BYTES, parseYaml, parseYamlBlob } from '../../src/core/folder/yamlText';
import { factsOfBlob } from '../../src/core/history/facts';

describe('parseYamlBlob', function () {
  it('gives the data of plain block YAML (the fast path) and of YAML only the full parser reads', function () {
    const plain = 'mentee: ana\nmentor: ben\ngoals:\n  - id: talks\n    status: planned\n';
    const flow = 'mentee: ana\nagreement: { cadence_days: 14 }\nnote: &n "quoted \\u00e9"\nagain: *n\n';
    for (const text of [plain, flow]) {
      const parsed = parseYamlBlob(Buffer.from(text));
      assert.equal(parsed.problem, undefined);
      assert.deepEqual(parsed.data, parseYaml(text).data);
    }
  });

  it('a missing version, an oversized one, bytes that are not UTF-8 and bad YAML are problems, never data', function () {
    assert.deepEqual(parseYamlBlob(undefined), { problem: 'no such file' });
    const big = parseYamlBlob(Buffer.alloc(MAX_FILE_BYTES + 1, 'a'));
    assert.match(big.problem ?? '', /over the 1\.0 MiB limit/);
    assert.match(parseYamlBlob(Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a])).problem ?? '', /not valid UTF-8/);
    assert.match(parseYamlBlob(Buffer.from('a: 1\na: 2\n')).problem ?? '', /unique/i);
    assert.match(parseYamlBlob(Buffer.from('__proto__: 1\n')).problem ?? '', /not allowed/);
    assert.match(parseYamlBlob(Buffer.from('')).problem ?? '', /empty/);
  });

  it('is what the history reads facts with: a version with a problem has no facts', function () {
    assert.deepEqual(factsOfBlob('plan', Buffer.from('status: [unclosed\n')), { kind: 'invalid' });
    assert.deepEqual(factsOfBlob('plan', Buffer.alloc(MAX_FILE_BYTES + 1, ' ')), { kind: 'invalid' });
    const facts = factsOfBlob('feedback', Buffer.from('asked_by: ana\nasked_of: ben\nstatus: answered\n'));
    assert.equal(facts.kind, 'feedback');
    assert.equal(facts.kind === 'feedback' && facts.answered, true);
  });
});
