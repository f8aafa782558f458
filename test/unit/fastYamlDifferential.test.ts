// The history's fast YAML reader against the full `yaml` parser on random documents: for every
// input it either returns exactly the parser's value (and the parser finds no problem) or hands
// the input back (FALLBACK). The documents are built from the pieces mentoring files are made of,
// salted with what trips readers up: Unicode spaces that JavaScript trims and YAML does not,
// control characters, quotes, comments, colons and indentation.
import assert from 'node:assert/strict';
import { FALLBACK, fastParseYaml } from '../../src/core/folder/fastYaml';
import { parseYaml } from '../../src/core/folder/yamlText';

/** A small deterministic generator (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UNICODE_SPACES = [
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2003',
  '\u2007',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
  '\u0085',
  '\u000b',
  '\u000c',
  '\u200b',
];
const CONTROLS = ['\u0000', '\u0001', '\u001b', '\u007f', '\u0080', '\u009b'];
const WORDS = ['ana', 'ben', 'done', 'x', 'retry policy', 'true', 'null', '12', '0x1F', '1.5', '-3', '~', 'yes', 'é'];
const KEYS = ['id', 'title', 'status', 'due', 'notes', 'x-extra', 'a_b', 'goals', 'text'];

function documentFrom(next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const plainOr = <T>(plain: T, items: readonly T[]): T => (rate === 0 ? plain : pick(items));
  // Some documents are clean, some lightly salted, some heavily: each path gets its share.
  const rate = pick([0, 0.1, 0.4, 1]);
  const salt = (): string => {
    const r = next() / rate;
    if (r < 0.25) return pick(UNICODE_SPACES);
    if (r < 0.3) return pick(CONTROLS);
    if (r < 0.4) return pick([' ', '  ', ' #', '#', ':', ': ', "'", '"', '\\', '-', '[', ']', ',', '\t']);
    return '';
  };
  const value = (): string => {
    const r = next();
    const word = `${salt()}${pick(WORDS)}${salt()}${next() < 0.3 ? ` ${pick(WORDS)}` : ''}${salt()}`;
    if (r < 0.15) return `'${word}'`;
    if (r < 0.3) return `"${word}"`;
    if (r < 0.38) return `[${word}, ${pick(WORDS)}]`;
    return word;
  };
  const lines: string[] = [];
  const count = 1 + Math.floor(next() * 6);
  for (let i = 0; i < count; i++) {
    const key = `${next() < 0.1 ? salt() : ''}${pick(KEYS)}${i}`;
    const comment = next() < 0.15 ? `${plainOr(' ', [' ', '\u00a0', '\u3000'])}# ${pick(WORDS)}` : '';
    const r = next();
    if (r < 0.6) lines.push(`${key}:${plainOr(' ', [' ', ' ', '\u00a0', '\u2003'])}${value()}${comment}`);
    else if (r < 0.8) {
      lines.push(`${key}:${comment}`);
      const items = 1 + Math.floor(next() * 3);
      for (let j = 0; j < items; j++)
        lines.push(`${plainOr('  ', ['  ', '', '\u00a0 '])}-${plainOr(' ', [' ', '\u00a0'])}${value()}`);
    } else {
      lines.push(`${key}:`);
      const indent = plainOr('  ', ['  ', '    ', ' \u00a0', '\u3000 ']);
      lines.push(`${indent}${pick(KEYS)}: ${value()}`);
      lines.push(`${indent}${pick(KEYS)}x: ${value()}`);
    }
  }
  return lines.join(pick(['\n', '\n', '\r\n'])) + (next() < 0.8 ? '\n' : '');
}

describe('history: the fast YAML reader agrees with the parser (differential, random documents)', () => {
  it('returns the parser’s value or hands back, on 6000 random documents', () => {
    let fast = 0;
    let handedBack = 0;
    for (let seed = 1; seed <= 6000; seed++) {
      const text = documentFrom(random(seed));
      const quick = fastParseYaml(text);
      if (quick === FALLBACK) {
        handedBack++;
        continue;
      }
      fast++;
      const full = parseYaml(text);
      assert.deepEqual(
        full.problems,
        [],
        `seed ${seed}: the fast reader accepted what the parser refuses: ${JSON.stringify(text)}`,
      );
      assert.deepEqual(quick, full.data, `seed ${seed}: ${JSON.stringify(text)}`);
    }
    // Enough documents take the fast path for the comparison to mean something.
    assert.ok(fast > 1500 && handedBack > 1500, `${fast} documents took the fast path, ${handedBack} were handed back`);
  });

  it('hands back on non-breaking and other Unicode spaces the parser keeps as text', () => {
    for (const space of UNICODE_SPACES) {
      for (const text of [
        `a: x${space}\n`,
        `a:${space}x\n`,
        `${space}a: x\n`,
        `a: x${space}# c\n`,
        `a: [x${space}, y]\n`,
      ]) {
        const quick = fastParseYaml(text);
        if (quick === FALLBACK) continue;
        const full = parseYaml(text);
        assert.deepEqual([full.problems, quick], [[], full.data], JSON.stringify(text));
      }
    }
  });
});

describe('history: the fast YAML reader on deep nesting', () => {
  it('hands a deeply nested document back to the parser, which refuses it with a problem', () => {
    const deep = Array.from({ length: 400 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n';
    assert.equal(fastParseYaml(deep), FALLBACK);
    assert.match(parseYaml(deep).problems[0].message, /nested deeper than 64 levels/);
    const shallow = Array.from({ length: 10 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n';
    assert.deepEqual(fastParseYaml(shallow), parseYaml(shallow).data);
  });
});
