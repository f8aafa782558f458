// Debian's `age` command (/usr/bin/age), the reference the sealed values must open with.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './tempRepo';

/** `age -d -i <identity file>` on `armored`; throws when the identity does not open it. */
export function ageDecrypt(armored: string, identity: string): string {
  const dir = tempDir('mentoring-age-');
  writeFileSync(join(dir, 'key.txt'), `${identity}\n`, { mode: 0o600 });
  return execFileSync('age', ['-d', '-i', join(dir, 'key.txt')], { input: armored, encoding: 'utf8', stdio: 'pipe' });
}
