import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { git, removeTempDirs, tempRepo } from './helpers/tempRepo';
import { mentoring, requireBuiltCli } from './helpers/cli';
import { writeSmallProgram } from './helpers/smallProgram';

describe('mentoring match', () => {
  before(requireBuiltCli);
  afterEach(removeTempDirs);

  it('proposes each match on its own review branch, and counts those proposals against capacity next time', () => {
    const repo = tempRepo('kim@example.com', 'Kim');
    const m = '.mentoring';
    writeSmallProgram(repo, m);

    const preview = mentoring(repo, 'match', '--json');
    assert.equal(preview.code, 0, preview.stderr);
    const result = JSON.parse(preview.stdout);
    // ana wants backend, which go means: ben (100 of skills) or dee; cid wants design: only dee.
    assert.deepEqual(
      result.matches.map((p: { mentee: string; mentor: string }) => `${p.mentee}--${p.mentor}`),
      ['ana--ben', 'cid--dee'],
    );
    const eve = result.mentees.find((x: { mentee: string }) => x.mentee === 'eve');
    assert.equal(eve.match, null);
    assert.deepEqual(eve.excluded, [
      { mentor: 'ben', reason: 'must: no language in common' },
      { mentor: 'dee', reason: 'must: no language in common' },
    ]);
    assert.deepEqual(result.proposed, []);
    assert.equal(git(repo, 'branch', '--list', 'mentoring/*'), '', 'a preview writes nothing');

    const text = mentoring(repo, 'match');
    assert.match(text.stdout, /ana with ben: \d+/);
    assert.match(text.stdout, /eve: no admissible mentor .*: ben \(must: no language in common\)/);

    const proposed = mentoring(repo, 'match', '--propose', '--limit', '1');
    assert.equal(proposed.code, 0, proposed.stderr);
    const branches = git(repo, 'branch', '--list', 'mentoring/*', '--format=%(refname:short)').trim().split('\n');
    assert.equal(branches.length, 1);
    assert.match(branches[0], /^mentoring\/(ana--ben|cid--dee)\/relationship-\d{4}-\d{2}-\d{2}$/);
    const pair = branches[0].split('/')[1];
    const plan = parse(git(repo, 'show', `${branches[0]}:${m}/pairs/${pair}/plan.yaml`));
    assert.equal(plan.status, 'proposed');
    assert.equal(plan.initiated_by, 'program');
    const message = git(repo, 'log', '-1', '--format=%B', branches[0]);
    assert.match(message, /Matching score \*\*\d+\*\* of 100/);
    assert.match(message, /- skills \(high\): [\d.]+ points/);
    assert.equal(git(repo, 'status', '--porcelain'), '', 'the working tree is untouched');

    // The proposal holds the mentor's only place and the mentee waits for it: neither is matched again.
    const again = JSON.parse(mentoring(repo, 'match', '--json').stdout);
    const [mentee, mentor] = pair.split('--');
    assert.ok(again.skipped.some((s: { handle: string }) => s.handle === mentee));
    assert.ok(
      again.skipped.some((s: { handle: string; reason: string }) => s.handle === mentor && /no place/.test(s.reason)),
    );
    assert.ok(!again.matches.some((p: { mentor: string }) => p.mentor === mentor));
  });

  it('refuses a --limit that is not a whole number', () => {
    const repo = tempRepo();
    const bad = mentoring(repo, 'match', '--limit', 'two');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--limit/);
  });
});
