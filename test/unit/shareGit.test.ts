// The git pieces Share stands on, where a real remote cannot show every case: how a refused push
// is told apart, and the three-way merge of one file.
import assert from 'node:assert/strict';
import { mergeVersions } from '../../src/core/git/mergeFile';
import { classifyPushFailure, type PushOutcome } from '../../src/core/git/push';

const reason = (outcome: PushOutcome) => (outcome.ok ? 'ok' : outcome.reason);
const text = (lines: string[]) => Buffer.from(lines.map((line) => `${line}\n`).join(''));

describe('share: push refusals and one-file merges', () => {
  it('tells a moved remote from branch protection and from any other failure', () => {
    const rejected = 'To github.com:acme/app.git\n!\trefs/heads/main:refs/heads/main\t[rejected] (fetch first)\nDone\n';
    assert.deepEqual(classifyPushFailure(rejected, '', 'push failed'), {
      ok: false,
      reason: 'moved',
      detail: 'fetch first',
    });
    const github = '!\tabc:refs/heads/main\t[remote rejected] (protected branch hook declined)\nDone\n';
    const githubWords = 'remote: error: GH006: Protected branch update failed for refs/heads/main.\n';
    assert.deepEqual(classifyPushFailure(github, githubWords, 'push failed'), {
      ok: false,
      reason: 'declined',
      detail: 'protected branch hook declined: error: GH006: Protected branch update failed for refs/heads/main.',
    });
    const azure = '!\tabc:refs/heads/main\t[remote rejected] (TF402455: Pushes to this branch are not permitted)\n';
    assert.equal(reason(classifyPushFailure(azure, '', 'x')), 'declined');
    const broken = '!\tabc:refs/heads/main\t[remote rejected] (missing necessary objects)\n';
    assert.equal(reason(classifyPushFailure(broken, '', 'x')), 'failed');
    assert.deepEqual(classifyPushFailure('', '', 'git push failed: Could not resolve host'), {
      ok: false,
      reason: 'failed',
      detail: 'git push failed: Could not resolve host',
    });
  });

  it('merges one file: either side unchanged, both the same, separate lines, the same lines', async () => {
    const base = text(['a', 'b', 'c', 'd', 'e']);
    const ours = text(['a', 'B', 'c', 'd', 'e']);
    const theirs = text(['a', 'b', 'c', 'd', 'E']);
    assert.deepEqual(await mergeVersions({ base, ours, theirs: base }), { merged: ours });
    assert.deepEqual(await mergeVersions({ base, ours: base, theirs }), { merged: theirs });
    assert.deepEqual(await mergeVersions({ base, ours, theirs: ours }), { merged: ours });
    assert.deepEqual(await mergeVersions({ base, ours, theirs }), { merged: text(['a', 'B', 'c', 'd', 'E']) });
    assert.deepEqual(await mergeVersions({ base, ours, theirs: text(['a', 'X', 'c', 'd', 'e']) }), { conflict: true });
    // A deletion against a change, and two different new files, conflict; a deletion of an unchanged file does not.
    assert.deepEqual(await mergeVersions({ base, ours: undefined, theirs }), { conflict: true });
    assert.deepEqual(await mergeVersions({ base: undefined, ours, theirs }), { conflict: true });
    assert.deepEqual(await mergeVersions({ base, ours: undefined, theirs: base }), { merged: undefined });
  });
});
