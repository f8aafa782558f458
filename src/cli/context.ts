// What every command needs: where the repository and the mentoring folder are.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { FolderOutsideRootError, normalizeFolderSetting, resolveMentoringFolder } from '../core/folder/paths';
import { parsePairId } from '../core/folder/names';
import type { Handle, MentoringModel } from '../core/folder/model';
import { knownPeople, personFromEmail } from '../core/folder/people';
import { topLevel, userEmail } from '../core/git/repository';
import { errorMessage } from '../shared/errors';

export interface GlobalOptions {
  cwd?: string;
  folder: string;
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface CliContext {
  /** Where the command was started (after -C). */
  cwd: string;
  /** The repository root (the git top level, else cwd). */
  root: string;
  folder: string;
}

/** A pair named on the command line: refused as a usage error unless it is `<mentee>--<mentor>`. */
export function checkPairArgument(pairId: string): void {
  try {
    parsePairId(pairId);
  } catch (error) {
    throw new CliError(errorMessage(error), 2);
  }
}

export async function resolveContext(options: GlobalOptions): Promise<CliContext> {
  const cwd = resolve(options.cwd ?? process.cwd());
  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) throw new CliError(`${cwd} is not a folder`, 2);
  // Not a repository (or no git): the folder itself is the root.
  const root = (await topLevel(cwd)) ?? cwd;
  const folder = normalizeFolderSetting(options.folder);
  try {
    resolveMentoringFolder(root, folder);
  } catch (error) {
    if (!(error instanceof FolderOutsideRootError)) throw error;
    throw new CliError(`--folder must be a path inside the repository, not "${options.folder}"`, 2);
  }
  return { cwd, root, folder };
}

/** Who runs the command: the person whose file lists git's `user.email` here, if any. */
export async function whoRuns(context: CliContext, model: MentoringModel): Promise<Handle | undefined> {
  return personFromEmail(knownPeople(model), await userEmail(context.root))?.handle;
}
