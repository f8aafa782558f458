// What people get wrong inside files, each reported at file:line:col with what to do.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadMentoring } from '../../src/core/folder/load';
import type { Problem } from '../../src/core/folder/model';
import { parseYaml } from '../../src/core/folder/yamlText';
import { removeTempDirs, tempDir } from './helpers/tempRepo';

after(removeTempDirs);

const VALID = resolve(__dirname, '../fixtures/valid/.mentoring');
const PAIR = 'pairs/ana--ben';
const FEEDBACK = `${PAIR}/feedback/2026-11-20-retry-policy.yaml`;
const SESSION = `${PAIR}/sessions/2026-11-21.yaml`;

/** The fixture with `edit` applied to some of its files; the problems of the loaded folder. */
async function problemsAfter(edits: Record<string, (text: string) => string>): Promise<string[]> {
  const root = tempDir('mentoring-content-');
  cpSync(VALID, join(root, '.mentoring'), { recursive: true });
  for (const [rel, edit] of Object.entries(edits)) {
    const abs = join(root, '.mentoring', rel);
    let text = '';
    try {
      text = readFileSync(abs, 'utf8');
    } catch {
      mkdirSync(dirname(abs), { recursive: true });
    }
    writeFileSync(abs, edit(text));
  }
  const model = await loadMentoring(root);
  return model.problems.map(show);
}

const show = (p: Problem) => `${p.file}:${p.line}:${p.col}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
const at = (rel: string, line: number, col: number) => `.mentoring/${rel}:${line}:${col}: `;

describe('validation: what people get wrong', () => {
  it('the fixture has no problem to begin with', async () => {
    assert.deepEqual(await problemsAfter({}), []);
  });

  it('a pair whose mentee is its mentor', async () => {
    const problems = await problemsAfter({
      'pairs/ana--ana/plan.yaml': () => 'mentee: ana\nmentor: ana\nstatus: active\n',
    });
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(
      problems[0],
      /^\.mentoring\/pairs\/ana--ana:1:1: pair folder refused: .*a mentee and a mentor are two different people/,
    );
  });

  it('a code path that is absolute or leaves the repository', async () => {
    for (const path of ['/etc/passwd', 'C:\\\\Windows\\\\x', '../../outside.ts', 'src/../../x.ts']) {
      const problems = await problemsAfter({ [FEEDBACK]: (t) => t.replace('src/export/retry.ts', `"${path}"`) });
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.ok(problems[0].startsWith(at(FEEDBACK, 7, 3)), problems[0]);
      assert.match(problems[0], /(is absolute|leads outside the repository).*relative to the repository root/);
    }
  });

  it('code lines reversed, or below 1', async () => {
    const reversed = await problemsAfter({ [FEEDBACK]: (t) => t.replace('[10, 42]', '[42, 10]') });
    assert.deepEqual(reversed, [
      `${at(FEEDBACK, 8, 3)}code.lines [42, 10] is reversed; write the first line, then the last: [10, 42]`,
    ]);
    const negative = await problemsAfter({ [FEEDBACK]: (t) => t.replace('[10, 42]', '[-3, 42]') });
    assert.deepEqual(negative, [`${at(FEEDBACK, 8, 11)}code.lines[0] must be at least 1 (not -3)`]);
  });

  it('next_session before the session it is written in', async () => {
    const problems = await problemsAfter({
      [SESSION]: (t) => t.replace('next_session: 2026-12-05', 'next_session: 2026-11-01'),
    });
    assert.deepEqual(problems, [
      `${at(SESSION, 19, 1)}next_session 2026-11-01 is before this session's date 2026-11-21; set it to the day of the next session, after 2026-11-21`,
    ]);
  });

  it('two people with the same e-mail address', async () => {
    const problems = await problemsAfter({
      'people/ben.yaml': (t) => t.replace('ben@example.com', 'ANA@example.com'),
    });
    assert.deepEqual(problems, [
      `${at('people/ben.yaml', 4, 5)}ANA@example.com is also the e-mail of ana (.mentoring/people/ana.yaml); each address must belong to one person, so remove it from one of the two files`,
    ]);
  });

  it('an answered request with an empty answer, or answered before it was asked', async () => {
    const empty = await problemsAfter({
      [FEEDBACK]: (t) =>
        t.replace('status: open ', 'status: answered').replace('answered: null', 'answered: 2026-11-22'),
    });
    assert.deepEqual(empty, [
      `${at(FEEDBACK, 12, 1)}this request is answered but its answer is empty; write the answer, or set status back to open`,
    ]);
    const early = await problemsAfter({
      [FEEDBACK]: (t) =>
        t
          .replace('status: open ', 'status: answered')
          .replace('answer: ""', 'answer: Yes')
          .replace('answered: null', 'answered: 2026-11-02'),
    });
    assert.deepEqual(early, [
      `${at(FEEDBACK, 13, 1)}answered 2026-11-02 is before the request was asked (2026-11-20); set answered to the day it was answered`,
    ]);
  });

  it('nesting deep enough to overflow the parser is a problem at its line, not a stack overflow', async () => {
    const deepMap = Array.from({ length: 500 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    const deepList = `${'- '.repeat(50_000)}x\n`;
    for (const text of [deepMap, deepList, `notes:\n  ${'- '.repeat(3000)}x\n`]) {
      const parsed = parseYaml(text);
      assert.equal(parsed.problems.length, 1);
      assert.match(parsed.problems[0].message, /nested deeper than 64 levels; not parsed: .*remove the extra nesting/);
      assert.doesNotMatch(parsed.problems[0].message, /call stack/);
    }
    assert.deepEqual(parseYaml(deepMap).problems[0].line, 65);
    const problems = await problemsAfter({
      [SESSION]: (t) => `${t}x-deep:\n${'  - '.repeat(1)}${'- '.repeat(5000)}x\n`,
    });
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0], /2026-11-21\.yaml:\d+:\d+: lists and maps nested deeper than 64 levels/);
  });

  it('a block scalar with deep indentation inside is text, not nesting', () => {
    const art = Array.from({ length: 200 }, (_, i) => `  ${' '.repeat(i)}line ${i}`).join('\n');
    assert.deepEqual(parseYaml(`notes: |\n${art}\nthanks: x\n`).problems, []);
  });
});
