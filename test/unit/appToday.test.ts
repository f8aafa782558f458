// "Today" is the user's local calendar day, for the CLI and the extension alike.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { initMentoring } from '../../src/core/app/init';
import { localToday } from '../../src/core/app/today';
import { git, removeTempDirs, tempRepo } from './helpers/tempRepo';

const CLI = join(__dirname, '../../dist/cli.js');

describe('app: today', () => {
  const zone = process.env.TZ;
  after(removeTempDirs);
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('is the calendar day where the user is, not the day in UTC', () => {
    const instant = new Date('2026-01-31T22:30:00Z');
    process.env.TZ = 'Pacific/Kiritimati'; // UTC+14: already the next day
    assert.equal(localToday(instant), '2026-02-01');
    process.env.TZ = 'America/Los_Angeles';
    assert.equal(localToday(instant), '2026-01-31');
    process.env.TZ = 'UTC'; // a CI runner
    assert.equal(localToday(instant), '2026-01-31');
    assert.equal(localToday(new Date('2026-12-31T23:59:59Z')), '2026-12-31');
  });

  it('pads months and days', () => {
    assert.equal(localToday(new Date(2026, 0, 5, 12)), '2026-01-05');
  });

  it('the command line dates by the local day too', async () => {
    const repo = tempRepo();
    await initMentoring(repo);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'init');
    // At any instant one of these two zones is on another day than UTC.
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      const result = spawnSync(process.execPath, [CLI, 'health'], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, TZ: zone },
      });
      process.env.TZ = zone;
      assert.match(result.stdout, new RegExp(`^Health on ${localToday()},`), result.stderr);
    }
  });
});
