import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadMentoring } from '../../src/core/folder/load';
import { mayViewProgram } from '../../src/core/policy/access';
import { buildProgramScenario, removeProgramScenario, SECRETS } from './programScenario';
import { CLI, mentoring } from './helpers/cli';

describe('mentoring report', () => {
  let repo: string;
  before(function () {
    this.timeout(30_000);
    assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
    repo = buildProgramScenario();
  });
  after(() => removeProgramScenario(repo));

  it('prints the figures in every format and writes one to --out', () => {
    const text = mentoring(repo, 'report');
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^Mentoring program: Platform mentoring$/m);
    assert.match(text.stdout, /ana--ben: no session for \d+ days/);
    const json = mentoring(repo, 'report', '--format', 'json');
    assert.equal(json.code, 0, json.stderr);
    assert.deepEqual(
      JSON.parse(json.stdout).pairs.map((row: { pair: string }) => row.pair),
      ['ana--ben', 'cid--dee'],
    );
    const markdown = mentoring(repo, 'report', '--format', 'markdown');
    assert.match(markdown.stdout, /^\| pair \| status \|/m);
    const out = mentoring(repo, 'report', '--format', 'html', '--out', 'site/index.html');
    assert.equal(out.code, 0, out.stderr);
    const html = readFileSync(join(repo, 'site/index.html'), 'utf8');
    assert.match(html, /^<!doctype html>/);
    for (const output of [text.stdout, json.stdout, markdown.stdout, html])
      for (const secret of SECRETS) assert.ok(!output.includes(secret), secret);
  });

  it('refuses an unknown format as a usage error', () => {
    const bad = mentoring(repo, 'report', '--format', 'pdf');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /pdf/);
  });

  it('opens the overview to coordinators, and to everyone only when program.yaml says so', async () => {
    const model = await loadMentoring(repo);
    assert.equal(mayViewProgram(model, 'kim'), true);
    assert.equal(mayViewProgram(model, 'ana'), false);
    assert.equal(mayViewProgram(model, undefined), false);
    const data = model.program?.data;
    assert.ok(data);
    data.overview = { open: true };
    assert.equal(mayViewProgram(model, 'ana'), true);
  });
});
