// A three-way merge of one file's versions, as git merges text: `git merge-file` on copies in a
// temporary folder outside the repository (git 2.39 has no object-id form): nothing in it is touched.
// The scratch folder is mkdtemp's (private, fresh name), so it is the one place that bypasses src/core/fs.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitError, streamGit } from './runner';

/** Versions of a file: its bytes, or undefined where it does not exist. */
export interface FileVersions {
  base: Buffer | undefined;
  ours: Buffer | undefined;
  theirs: Buffer | undefined;
}

export type MergeOutcome = { merged: Buffer | undefined } | { conflict: true };

/**
 * `ours` applied on `theirs`, given the `base` both came from. A side that did not change takes
 * the other; both changed the same way is clean; a deletion against a change is a conflict; two
 * text changes are merged line by line and conflict where they touch the same lines.
 */
export async function mergeVersions(versions: FileVersions): Promise<MergeOutcome> {
  const { base, ours, theirs } = versions;
  if (same(ours, theirs) || same(theirs, base)) return { merged: ours };
  if (same(ours, base)) return { merged: theirs };
  if (ours === undefined || theirs === undefined) return { conflict: true };
  const dir = await mkdtemp(join(tmpdir(), 'mentoring-merge-'));
  try {
    // New files only (`wx`: no link or file planted at the name is followed), readable by me alone.
    const scratch = { flag: 'wx', mode: 0o600 } as const;
    await writeFile(join(dir, 'ours'), ours, scratch);
    await writeFile(join(dir, 'base'), base ?? Buffer.alloc(0), scratch);
    await writeFile(join(dir, 'theirs'), theirs, scratch);
    const chunks: Buffer[] = [];
    try {
      await streamGit(dir, ['merge-file', '-p', '--', 'ours', 'base', 'theirs'], (chunk) => chunks.push(chunk));
    } catch (error) {
      // The exit code counts the conflicts (1 to 127); anything else is an error of its own.
      const code = error instanceof GitError ? error.exitCode : undefined;
      if (code !== undefined && code > 0 && code < 128) return { conflict: true };
      throw error;
    }
    return { merged: Buffer.concat(chunks) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function same(a: Buffer | undefined, b: Buffer | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.equals(b);
}
