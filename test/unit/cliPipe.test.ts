// The command line piped into a reader that stops reading: `mentoring log | head -1` must print
// what the reader takes and end quietly, with the command's own exit code (real pipes, via bash).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { git, removeTempDirs, tempRepo } from './helpers/tempRepo';
import { CLI, mentoring, requireBuiltCli } from './helpers/cli';

/** Runs `mentoring <args> <redirect> | <reader>` in bash; the exit code is the command's (pipefail). */
function piped(cwd: string, args: string, reader: string, redirect = '') {
  const script = `set -o pipefail; "$0" "$1" ${args} ${redirect} | ${reader}`;
  const result = spawnSync('bash', ['-c', script, process.execPath, CLI], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The reader closes its end before the command has started, so every write meets a closed pipe.
const CLOSED = '(exec 0<&-; sleep 2)';

describe('mentoring piped into a reader that stops reading', () => {
  before(requireBuiltCli);
  afterEach(removeTempDirs);

  function repoWithPair(): string {
    const repo = tempRepo();
    assert.equal(mentoring(repo, 'init').code, 0);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'start mentoring');
    return repo;
  }

  it('log | head -1 prints the first line and exits 0', () => {
    const repo = repoWithPair();
    const run = piped(repo, 'log ana--ben', 'head -1');
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^\d{4}-\d{2}\n$/);
  });

  it('a closed pipe on stdout or stderr: no stack trace, the exit code of the command', () => {
    const repo = repoWithPair();
    for (const args of ['log ana--ben', 'status', 'log ana--ben --json', '--help']) {
      const run = piped(repo, args, CLOSED);
      assert.equal(run.stderr, '', `mentoring ${args}`);
      assert.equal(run.code, 0, `mentoring ${args}`);
    }
    // The error goes to a closed pipe too; the failure still shows in the exit code.
    const failing = piped(repo, 'log zed--yan', CLOSED, '2>&1');
    assert.equal(failing.stderr, '');
    assert.equal(failing.code, 1);
  });
});
