import assert from 'node:assert/strict';
import {
  assertSafeName,
  feedbackFileName,
  isHandle,
  isSlug,
  parseFeedbackFileName,
  parsePairId,
  pairIdOf,
  sessionFileName,
  slugify,
  UnsafeNameError,
} from '../../src/core/folder/names';
import { isIsoDate } from '../../src/shared/dates';
import { feedbackPath, resolveMentoringFolder, sessionPath } from '../../src/core/folder/paths';

describe('safe names', () => {
  it('accepts handles and slugs of lower-case letters, digits and single hyphens', () => {
    for (const name of ['ana', 'ben-k', 'a1', '2026-11-21', 'system-design']) {
      assert.ok(isHandle(name), name);
      assert.ok(isSlug(name), name);
    }
  });

  it('refuses path tricks, git options, upper case, double hyphens and the like', () => {
    const cases: [string, RegExp][] = [
      ['../../etc', /path separator/],
      ['a/b', /path separator/],
      ['a\\b', /path separator/],
      ['--upload-pack=x', /starts with a hyphen, which git would read as an option/],
      ['-x', /starts with a hyphen/],
      ['Ana', /upper-case/],
      ['ana--ben', /double hyphen/],
      ['ana-', /ends with a hyphen/],
      ['ana ben', /not allowed/],
      ['', /empty/],
      ['a'.repeat(65), /longer than 64/],
      ['ana\n', /not allowed/],
    ];
    for (const [name, why] of cases) {
      assert.equal(isHandle(name), false, name);
      assert.throws(
        () => assertSafeName(name, 'handle'),
        (error: unknown) => {
          assert.ok(error instanceof UnsafeNameError);
          assert.match(error.message, why);
          assert.match(error.message, /lower-case letters, digits and single hyphens/);
          return true;
        },
      );
    }
    assert.throws(() => assertSafeName(42), /handle must be text, not number/);
    assert.throws(() => assertSafeName(null, 'slug'), /slug must be text, not null/);
  });

  it('parses pair ids and refuses anything else', () => {
    assert.deepEqual(parsePairId('ana--ben'), { mentee: 'ana', mentor: 'ben' });
    assert.deepEqual(parsePairId('ana-k--ben-2'), { mentee: 'ana-k', mentor: 'ben-2' });
    assert.equal(pairIdOf('ana', 'ben'), 'ana--ben');
    for (const bad of [
      'ana-ben',
      'ana--ben--cleo',
      '--upload-pack=x',
      '../..--etc',
      'Ana--ben',
      'ana--',
      '--ben',
      'ana---ben',
    ]) {
      assert.throws(() => parsePairId(bad), UnsafeNameError, bad);
    }
    assert.throws(() => pairIdOf('../x', 'ben'), /path separator/);
  });

  it('knows real dates', () => {
    assert.ok(isIsoDate('2026-02-28'));
    assert.ok(isIsoDate('2028-02-29'));
    assert.ok(isIsoDate('2000-02-29'));
    for (const bad of [
      '2026-02-30',
      '2026-02-29',
      '1900-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2026-1-1',
      '26-01-01',
      '2026-01-01x',
    ]) {
      assert.equal(isIsoDate(bad), false, bad);
    }
    assert.throws(() => assertSafeName('2026-02-30', 'date'), /"2026-02-30" is not a real date/);
    assert.throws(() => assertSafeName('../x', 'date'), /not a date written YYYY-MM-DD/);
  });

  it('builds and reads session and feedback file names', () => {
    assert.equal(sessionFileName('2026-11-21'), '2026-11-21.yaml');
    assert.equal(feedbackFileName('2026-11-20', 'retry-policy'), '2026-11-20-retry-policy.yaml');
    assert.deepEqual(parseFeedbackFileName('2026-11-20-retry-policy.yaml'), {
      date: '2026-11-20',
      slug: 'retry-policy',
    });
    assert.equal(parseFeedbackFileName('2026-02-30-x.yaml'), undefined);
    assert.equal(parseFeedbackFileName('2026-11-20.yaml'), undefined);
    assert.equal(parseFeedbackFileName('2026-11-20--x.yaml'), undefined);
    assert.throws(() => feedbackFileName('2026-11-20', '--upload-pack=x'), UnsafeNameError);
    assert.equal(slugify('Is this retry policy safe?'), 'is-this-retry-policy-safe');
    assert.equal(slugify('Ünïcödé -- ok!'), 'unicode-ok');
    assert.equal(slugify('???'), 'request');
  });

  it('path builders stay inside the mentoring folder', () => {
    const folder = resolveMentoringFolder('/repo');
    assert.equal(folder, '/repo/.mentoring');
    assert.equal(
      sessionPath(folder, 'ana--ben', '2026-11-21'),
      '/repo/.mentoring/pairs/ana--ben/sessions/2026-11-21.yaml',
    );
    assert.equal(
      feedbackPath(folder, 'ana--ben', '2026-11-20', 'x'),
      '/repo/.mentoring/pairs/ana--ben/feedback/2026-11-20-x.yaml',
    );
    assert.throws(() => sessionPath(folder, '../..', '2026-11-21'), UnsafeNameError);
    assert.throws(() => sessionPath(folder, 'ana--ben', '../../etc'), UnsafeNameError);
    assert.throws(() => resolveMentoringFolder('/repo', '../x'), /inside the workspace/);
  });
});
