// Every write of a file the user keeps: the bytes go to a temporary file in the same folder and
// only a complete file takes the target's name, so a kill, a full disk or an error midway leaves
// the original (or nothing) in place, never a cut-short file. Callers go through `writeFile` in
// index.ts, which checks the path first; this is the step after the checks.
import { randomBytes } from 'node:crypto';
import { link, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` to `path` atomically. With `exclusive`, refuses (EEXIST) when `path` exists, as the
 * `wx` flag does: the complete file is linked to its name, which fails rather than replaces.
 * `prepare` runs on the complete temporary file before it takes the name (permissions); `mode` is
 * the permissions it is created with. `durable: false` (caches under `.git/mentoring/`, checked when
 * read and rebuilt when spoilt) leaves out the flushes to disk: still never a cut-short file under
 * the name, but a power cut may lose the newest version.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Buffer,
  options: { exclusive?: boolean; prepare?: (temp: string) => Promise<void>; mode?: number; durable?: boolean } = {},
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  // `wx` is O_CREAT | O_EXCL: it never opens an existing file, nor follows a link planted at the name.
  // `mode` (default 0644, less the umask) is the file's from its first byte: a secret is never readable by others.
  const handle = await open(temp, 'wx', options.mode ?? 0o644);
  try {
    try {
      await handle.writeFile(data);
      if (options.durable !== false) await handle.sync();
    } finally {
      await handle.close();
    }
    await options.prepare?.(temp);
    if (options.exclusive) await link(temp, path);
    else await rename(temp, path);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  if (options.durable !== false) await syncFolder(dirname(path));
}

/** Flushes the folder's entry for the new name, so the rename survives a power cut; best effort (not on Windows). */
async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}
