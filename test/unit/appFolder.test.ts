// The folder setting, normalised once: the extension passes `mentoring.folder` through
// normalizeFolderSetting, the CLI its --folder (in resolveContext); resolveMentoringFolder then
// refuses one outside the root.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CliError, resolveContext } from '../../src/cli/context';
import { loadMentoring } from '../../src/core/folder/load';
import { FolderOutsideRootError, normalizeFolderSetting, resolveMentoringFolder } from '../../src/core/folder/paths';
import { removeTempDirs, tempRepo } from './helpers/tempRepo';

after(removeTempDirs);

describe('app: the mentoring folder setting', () => {
  it('is trimmed, uses "/", drops trailing slashes; blank is the default', () => {
    const cases: [string | undefined, string][] = [
      [undefined, '.mentoring'],
      ['', '.mentoring'],
      ['   ', '.mentoring'],
      ['.mentoring', '.mentoring'],
      [' docs\\mentoring\\ ', 'docs/mentoring'],
      ['docs/mentoring//', 'docs/mentoring'],
      ['/', '/'],
      ['../elsewhere/', '../elsewhere'],
    ];
    for (const [value, folder] of cases) assert.equal(normalizeFolderSetting(value), folder, String(value));
  });

  it('the extension way: the setting as given, then loaded', async () => {
    const root = tempRepo();
    mkdirSync(join(root, 'docs/mentoring/people'), { recursive: true });
    const model = await loadMentoring(root, { folder: normalizeFolderSetting('docs\\mentoring\\') });
    assert.equal(model.folder, join(root, 'docs/mentoring'));
    assert.equal(model.exists, true);
    for (const value of ['/', '..', '../elsewhere', '.', 'C:\\mentoring'])
      assert.throws(() => resolveMentoringFolder(root, normalizeFolderSetting(value)), FolderOutsideRootError, value);
  });

  it('the CLI way: --folder normalised the same, refused with exit code 2 outside the repository', async () => {
    const root = tempRepo();
    assert.equal((await resolveContext({ cwd: root, folder: 'docs\\mentoring\\' })).folder, 'docs/mentoring');
    assert.equal((await resolveContext({ cwd: root, folder: ' ' })).folder, '.mentoring');
    for (const folder of ['/etc', '..', '../elsewhere', '.']) {
      await assert.rejects(
        resolveContext({ cwd: root, folder }),
        (error: Error) =>
          error instanceof CliError &&
          error.exitCode === 2 &&
          error.message === `--folder must be a path inside the repository, not "${folder}"`,
      );
    }
  });
});
