// The built command line (dist/cli.js), run as a terminal or a CI job runs it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const CLI = join(__dirname, '../../../dist/cli.js');

export function mentoring(cwd: string, ...args: string[]) {
  return mentoringWith({}, cwd, ...args);
}

/** `mentoring` with more environment variables (an identity file: MENTORING_IDENTITY_FILE). */
export function mentoringWith(env: NodeJS.ProcessEnv, cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** For a `before` hook: the tests need the bundle that `npm run build` makes. */
export function requireBuiltCli(): void {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
}
