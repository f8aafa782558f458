// Every write of a file the user keeps: the bytes go to a temporary file in the same folder and
// only a complete file takes the target's name, so a kill, a full disk or an error midway leaves
// the original (or nothing) in place, never a cut-short file.
import { randomBytes } from 'node:crypto';
import { link, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` to `path` atomically. With `exclusive`, refuses (EEXIST) when `path` exists, as the
 * `wx` flag does: the complete file is linked to its name, which fails rather than replaces.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Buffer,
  options: { exclusive?: boolean } = {},
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.exclusive) await link(temp, path);
    else await rename(temp, path);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
