import assert from 'node:assert/strict';
import { FALLBACK, fastParseYaml } from '../../src/core/folder/fastYaml';
import {
  examplePeople,
  exampleFeedback,
  examplePlan,
  exampleSession,
  programTemplate,
} from '../../src/core/app/exampleFiles';
import { parseYaml } from '../../src/core/folder/yamlText';

/** The fast path must agree with the guarded parser, or step aside. */
function agrees(text: string): 'fast' | 'fallback' {
  const fast = fastParseYaml(text);
  const full = parseYaml(text);
  if (fast === FALLBACK) return 'fallback';
  assert.equal(
    full.problems.length,
    0,
    `fast path accepted a document the parser rejects:\n${text}\n${JSON.stringify(full.problems)}`,
  );
  assert.deepEqual(fast, full.data, `fast path differs on:\n${text}`);
  return 'fast';
}

describe('history: fast YAML path', () => {
  it('reads the shipped templates exactly as the parser does', () => {
    const texts = [
      programTemplate(),
      ...examplePeople().map(([, text]) => text),
      examplePlan('2026-01-10'),
      exampleSession('2026-01-10'),
      exampleFeedback('2026-01-10'),
    ];
    for (const text of texts) agrees(text);
  });

  it('agrees on scalars of every core-schema type', () => {
    const cases = [
      'a: 1\nb: -2\nc: +3\nd: 012\ne: 0o17\nf: 0x1F\ng: 1.5\nh: .5\ni: 1e3\nj: -.inf\nk: .NaN\n',
      'a: true\nb: False\nc: TRUE\nd: null\ne: ~\nf:\ng: Null\nh: yes\ni: no\nj: on\n',
      'a: 2026-01-10\nb: "2026-01-10"\nc: \'it\'\'s\'\nd: "say #1"\ne: C# and F#\nf: plain # a comment\ng: 12:30\n',
      'a: []\nb: [10, 42]\nc: {}\nd: [ana, ben-k]\ne: "x" # note\n',
      'list:\n- one\n- two\nnext: 1\n',
      'goals:\n  - id: a\n    benchmarks:\n      - text: x\n        done: 2026-01-01\n      - text: y\n  - id: b\n    tags:\n    - p\n    - q\n    status: done\n',
      '\ufeffa: 1\r\nb: two\r\n',
      "a: it's fine, really [ok] {ok}\n",
      'a: -1\nb: -x\n',
    ];
    for (const text of cases) agrees(text);
  });

  it('steps aside for everything outside its subset, including what the parser rejects', () => {
    const cases = [
      'a: |\n  block\n',
      'a: >\n  folded\n',
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: "esc\\n"\n',
      'a: multi\n  line\n',
      'a: "open\n  quote"\n',
      'a: 1\na: 2\n',
      '__proto__: 1\n',
      '---\na: 1\n---\nb: 2\n',
      'a:\tb\n',
      '- top\n- level\n',
      'a: b: c\n',
      '"quoted key": 1\n',
      '? complex\n: key\n',
      'a: {x: 1}\n',
      'a: [x, [y]]\n',
      'a:\n  b: 1\n c: 2\n',
      'null: 1\n',
    ];
    for (const text of cases) assert.equal(agrees(text), 'fallback', text);
  });
});
