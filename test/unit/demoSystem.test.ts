import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  aptCommand,
  demoRepoPath,
  hasDotFolder,
  installSystemPackages,
  neededSystemPackages,
} from '../../scripts/e2e/system.mjs';

describe('demo on a fresh machine', () => {
  it('needs no browser unless asked, and says why each package is needed', () => {
    const missing = '/nonexistent/chromium';
    assert.equal(
      neededSystemPackages({ forBuild: false, browser: false, chromium: missing }).some((n) => n.pkg === 'chromium'),
      false,
    );
    const withBrowser = neededSystemPackages({ forBuild: false, browser: true, chromium: missing });
    assert.deepEqual(
      withBrowser.map((n) => n.pkg),
      ['chromium'],
    );
    assert.match(withBrowser[0].why, /browser/);
  });

  it('not root: names the one command to run, with sudo, and installs nothing', () => {
    const needed = [
      { pkg: 'libkrb5-dev', why: 'Kerberos headers' },
      { pkg: 'g++', why: 'native addons' },
    ];
    assert.equal(aptCommand(needed, 1000), 'sudo apt-get install -y libkrb5-dev g++');
    assert.equal(aptCommand(needed, 0), 'apt-get install -y libkrb5-dev g++');
    const logged: string[] = [];
    assert.throws(
      () => installSystemPackages(needed, { log: (m) => logged.push(m), uid: 1000 }),
      /libkrb5-dev: Kerberos headers[\s\S]*Install them with:\n {2}sudo apt-get install -y libkrb5-dev g\+\+\n/,
    );
    assert.equal(logged.length, 0);
    installSystemPackages([], { log: (m) => logged.push(m), uid: 0 });
    assert.equal(logged.length, 0, 'nothing missing: apt is not run');
  });

  it('puts the demo repository at a path without dot-folders', () => {
    assert.equal(demoRepoPath({}, '/home/ana', '/tmp'), join('/home/ana', 'mentoring-demo', 'demo-repo'));
    assert.equal(hasDotFolder(demoRepoPath({}, '/home/ana', '/tmp')), false);
    // A home folder below a dot-folder: the temp folder instead.
    assert.equal(demoRepoPath({}, '/var/.homes/ana', '/tmp'), join('/tmp', 'mentoring-demo', 'demo-repo'));
    assert.equal(demoRepoPath({ MENTORING_DEMO_REPO: '/srv/demo' }, '/home/ana', '/tmp'), '/srv/demo');
    assert.equal(hasDotFolder('/root/.cache/mentoring-e2e/demo-repo'), true);
  });
});
