// The CLI's identities (age secret keys) for sealed fields: one file readable only by the user,
// in age's own identity file format (`age -d -i <file>` reads it as it is). Its path:
// $MENTORING_IDENTITY_FILE, else $XDG_CONFIG_HOME/mentoring/identity.txt, else
// ~/.config/mentoring/identity.txt. The file is outside every repository; nothing reads it but
// the commands that open or seal a pair's values, and it never enters a model or an output.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { modelForViewer } from '../core/app/sealedView';
import type { Handle, MentoringModel } from '../core/folder/model';
import { checkPath, readText, writeFile } from '../core/fs';

const IDENTITY_PREFIX = 'AGE-SECRET-KEY-1';
const MAX_IDENTITY_FILE_BYTES = 64 * 1024;

/** Where my identities are kept (see above). */
export function identityFilePath(env: NodeJS.ProcessEnv = process.env): string {
  const own = env.MENTORING_IDENTITY_FILE?.trim();
  if (own) return resolve(own);
  const config = env.XDG_CONFIG_HOME?.trim();
  const base = config && isAbsolute(config) ? config : join(homedir(), '.config');
  return join(base, 'mentoring', 'identity.txt');
}

/** The identities in my identity file; none when it does not exist. */
export function readIdentities(path = identityFilePath()): string[] {
  const folder = dirname(path);
  if (checkPath(folder, path) !== 'file') return [];
  return readText(folder, path, MAX_IDENTITY_FILE_BYTES)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith(IDENTITY_PREFIX));
}

/** Adds an identity to my identity file (made, mode 0600 in a 0700 folder, when missing), as `age-keygen` writes one. */
export async function addIdentity(identity: string, recipient: string, path = identityFilePath(), now = new Date()) {
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const before = checkPath(folder, path) === 'file' ? readText(folder, path, MAX_IDENTITY_FILE_BYTES) : '';
  const entry = `# created: ${now.toISOString()}\n# public key: ${recipient}\n${identity}\n`;
  const text = before === '' ? entry : `${before.replace(/\n*$/, '\n')}${entry}`;
  await writeFile(folder, path, text, { mode: 0o600 });
}

/** The model as `viewer` may see it from this terminal: their pairs opened with my identity file's keys, nothing sealed shown. */
export async function shownTo(model: MentoringModel, viewer: Handle | undefined): Promise<MentoringModel> {
  return modelForViewer(model, viewer, viewer === undefined ? [] : readIdentities());
}
