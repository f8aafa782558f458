// Output can attack its reader: values from YAML files on their way to a terminal or into a
// pull request's Markdown. Terminal output shows control characters escaped; Markdown keeps
// hostile values as text (no link, autolink, mention, HTML) and inside their code spans.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { addGoal } from '../../src/core/edit';
import { diffRevisions, toMarkdown } from '../../src/core/review';
import { markdownCode, markdownText } from '../../src/shared/markdown';
import { escapeControls } from '../../src/shared/terminal';
import { git, removeTempDirs, tempRepo } from './helpers/tempRepo';

const CLI = join(__dirname, '../../dist/cli.js');
const FIXTURE = join(__dirname, '../fixtures/valid/.mentoring');
const PLAN = '.mentoring/pairs/ana--ben/plan.yaml';

const ESC = '\u001b';
const HOSTILE_TERMINAL = [
  `${ESC}[31mred${ESC}[0m`,
  `${ESC}]0;window title\u0007`,
  `${ESC}]52;c;ZWNobyBwd25lZA==\u0007`,
  'real\rfake',
  '\u009b31m',
  'abc\u202edef',
  'bell\u0007',
];
const HOSTILE_MARKDOWN = [
  'see https://evil.example/x and http://evil.example',
  'www.evil.example',
  '<https://evil.example>',
  '<a href="https://evil.example">click</a>',
  '[click](https://evil.example) ![img](https://evil.example/i.png)',
  'ping @octocat and @my-org/my-team',
  'mail me at me@evil.example or mailto:me@evil.example',
  'closes #12 and org/repo#3',
  '`code` ``` fence',
  'line one\n\n# heading\n<script>alert(1)</script>',
  '| a | b |\n| --- | --- |',
];

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

const md = new MarkdownIt({ html: true, linkify: true });
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('output escaping: terminal and Markdown', () => {
  after(removeTempDirs);

  it('terminal: every control character but line feed and tab is shown escaped', () => {
    for (const value of HOSTILE_TERMINAL) {
      const shown = escapeControls(value);
      assert.doesNotMatch(shown, CONTROL, JSON.stringify(value));
    }
    assert.equal(escapeControls(`${ESC}[31mred`), '\\u001b[31mred');
    assert.equal(escapeControls('two\nlines\tand a tab'), 'two\nlines\tand a tab');
    assert.equal(JSON.parse(`"${escapeControls('\u009b')}"`), '\u009b', 'the escaped form stays valid JSON');
  });

  it('Markdown text: no link, autolink, image, HTML or heading; mentions and references broken', () => {
    for (const value of [...HOSTILE_MARKDOWN, ...HOSTILE_TERMINAL]) {
      const html = md.renderInline(markdownText(value));
      assert.doesNotMatch(html, /<(a|img|script|h\d|table)\b/, `${JSON.stringify(value)} → ${html}`);
      const text = textOf(html);
      assert.doesNotMatch(text, /@[\w-]/, `a live mention in ${JSON.stringify(text)}`);
      assert.doesNotMatch(text, /#\d/, `a live reference in ${JSON.stringify(text)}`);
      assert.doesNotMatch(text, /https?:\/\/|www\./i, `a bare link in ${JSON.stringify(text)}`);
      assert.doesNotMatch(text, /\n/, 'stays on its line');
      // The reader sees what was written, give or take invisible breaks and line breaks.
      const visible = text.replace(/\u200b/g, '');
      if (!CONTROL.test(value.replace(/\n/g, ''))) assert.equal(visible, value.replace(/\n/g, ' '));
    }
  });

  it('Markdown code: the value never leaves its code span, whatever backticks or lines it holds', () => {
    for (const value of [...HOSTILE_MARKDOWN, '`', '``', 'a`', '`a', ' ', '', 'goal\n</code><b>x</b>']) {
      const html = md.renderInline(`before ${markdownCode(value)} after`);
      const match = /^before <code>([\s\S]*)<\/code> after$/.exec(html);
      assert.ok(match, `${JSON.stringify(value)} → ${html}`);
      assert.doesNotMatch(match[1], /<(?!\/?code)/, 'nothing inside is markup');
      assert.equal(textOf(match[1]), value.replace(/\n/g, ' ') || ' ', JSON.stringify(value));
    }
  });

  it('the review summary and `mentoring diff`/`log` keep hostile goal titles and ids as text', async () => {
    const repo = tempRepo();
    cpSync(FIXTURE, join(repo, '.mentoring'), { recursive: true });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'v1');
    git(repo, 'tag', 'v1');
    const file = join(repo, PLAN);
    let plan = readFileSync(file, 'utf8');
    plan = addGoal(plan, { id: 'x', title: `Ask @octocat: see https://evil.example ${ESC}]0;pwned\u0007` });
    // A goal id written by hand, which `validate` refuses but a diff must still show safely.
    plan = plan.replace(/id: x$/m, 'id: "x`\\n\\n<img src=x onerror=alert(1)>"');
    assert.match(plan, /onerror/);
    writeFileSync(file, plan);
    git(repo, 'commit', '-q', '-am', `v2 ${ESC}[31mred`);

    const markdown = toMarkdown(await diffRevisions(repo, 'v1', 'HEAD'));
    const html = md.render(markdown);
    assert.doesNotMatch(html, /<(a|img|script)\b/, html);
    assert.doesNotMatch(textOf(html), /@octocat|https:\/\//);

    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: repo, encoding: 'utf8' });
    for (const args of [
      ['diff', 'v1', 'HEAD'],
      ['diff', 'v1', 'HEAD', '--format', 'markdown'],
      ['log', 'ana--ben'],
      ['status'],
    ]) {
      const result = run(...args);
      assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
      assert.doesNotMatch(result.stdout + result.stderr, CONTROL, args.join(' '));
    }
    assert.match(run('diff', 'v1', 'HEAD').stdout, /\\u001b\]0;pwned\\u0007/);
  });

  it('`report`, `match`, `remind` and `calendar`, JSON included, show a hostile name escaped', () => {
    const repo = tempRepo();
    cpSync(FIXTURE, join(repo, '.mentoring'), { recursive: true });
    for (const person of ['ana', 'ben']) {
      const file = join(repo, `.mentoring/people/${person}.yaml`);
      const hostile = JSON.stringify(`${person} ${HOSTILE_TERMINAL.join(' ')}`);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: .*$/m, `name: ${hostile}`));
    }
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'hostile names');
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: repo, encoding: 'utf8' });
    for (const args of [
      ['report'],
      ['report', '--format', 'json'],
      ['report', '--format', 'markdown'],
      ['report', '--format', 'html'],
      ['match'],
      ['match', '--json'],
      ['remind', '--me', 'ana', '--format', 'json'],
      ['remind', '--me', 'ana', '--format', 'github'],
      ['calendar', 'ana--ben'],
    ]) {
      const result = run(...args);
      assert.ok(result.status === 0 || result.status === 1, `${args.join(' ')}: ${result.stderr}`);
      // An iCalendar file's lines end in CR LF: those are the only carriage returns allowed.
      const output = (result.stdout + result.stderr).replace(/\r\n/g, '\n');
      assert.doesNotMatch(output, CONTROL, args.join(' '));
    }
    assert.match(run('calendar', 'ana--ben').stdout, /\\u009b31m/);
  });
});
