import { relative, resolve } from 'node:path';
import { checkPrivateNotTracked } from '../../core/folder/validate';
import { loadMentoring } from '../../core/folder/load';
import { isGitRepo } from '../../core/git/repository';
import { codeownersPathProblems } from '../../core/app/codeowners';
import { CliError, resolveContext, type GlobalOptions } from '../context';
import { formatProblems, type ProblemFormat } from '../format';
import { print, printError } from '../output';

export async function validateCommand(
  paths: string[],
  options: GlobalOptions & { format: ProblemFormat },
): Promise<void> {
  const context = await resolveContext(options);
  const model = await loadMentoring(context.root, { folder: context.folder });
  if (!model.exists) throw new CliError(`no mentoring folder at ${context.folder}/ (run \`mentoring init\`)`);
  let problems = [...model.problems];
  if (await isGitRepo(context.root)) problems.push(...(await checkPrivateNotTracked(model)));
  problems.push(...codeownersPathProblems(context.root));

  const only = paths.map((path) => relative(context.root, resolve(context.cwd, path)).split('\\').join('/'));
  if (only.length > 0) {
    problems = problems.filter((p) =>
      only.some((path) => path === '' || p.file === path || p.file.startsWith(`${path}/`)),
    );
  }
  print(formatProblems(problems, options.format));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (options.format === 'text') {
    const files = countFiles(model);
    // Warnings (an unknown key, say) never fail the check: the file still loads and edits keep them.
    const counted = [
      errors === 0 ? 'no errors' : plural(errors, 'error'),
      ...(warnings > 0 ? [plural(warnings, 'warning')] : []),
    ];
    printError(`${files} files checked, ${counted.join(', ')}\n`);
  }
  if (errors > 0) process.exitCode = 1;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function countFiles(model: Awaited<ReturnType<typeof loadMentoring>>): number {
  const pairFiles = model.pairs.reduce(
    (n, pair) => n + (pair.plan ? 1 : 0) + pair.sessions.length + pair.feedback.length,
    0,
  );
  return (model.program ? 1 : 0) + model.people.length + pairFiles;
}
