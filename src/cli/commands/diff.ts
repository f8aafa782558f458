// `mentoring diff <rev1> <rev2>`: what changed in the mentoring plans, sessions and feedback
// between two revisions, for a terminal, a pull-request description (markdown) or a tool (json).
import { isGitRepo } from '../../core/git/repository';
import { GitError } from '../../core/git/runner';
import { UnsafeNameError } from '../../core/folder/names';
import { diffRevisions, renderDiff, type DiffFormat } from '../../core/review';
import { CliError, resolveContext, type GlobalOptions } from '../context';
import { print } from '../output';

export async function diffCommand(
  rev1: string,
  rev2: string,
  options: GlobalOptions & { pair?: string; format: DiffFormat },
): Promise<void> {
  const context = await resolveContext(options);
  if (!(await isGitRepo(context.root))) throw new CliError(`${context.root} is not a git repository`);
  let output: string;
  try {
    const diff = await diffRevisions(context.root, rev1, rev2, { folder: context.folder, pair: options.pair });
    output = renderDiff(diff, options.format);
  } catch (error) {
    if (error instanceof UnsafeNameError) throw new CliError(error.message, 2);
    if (error instanceof GitError) throw new CliError(error.message, /refusing/.test(error.message) ? 2 : 1);
    throw error;
  }
  print(output);
}
