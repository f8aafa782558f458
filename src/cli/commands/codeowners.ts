// `mentoring codeowners [--write]`: CODEOWNERS lines asking each pair's mentor to review that
// pair's folder. `--write` replaces the marked block in the file the host in use reads
// (core/app/codeowners.ts decides: GitHub or GitLab, from an existing file or the remote).
import { planCodeowners, writeCodeowners } from '../../core/app/codeowners';
import { loadMentoring } from '../../core/folder/load';
import { CodeownersError, HOST_NAMES } from '../../core/review';
import { CliError, resolveContext, type GlobalOptions } from '../context';
import { print } from '../output';

export async function codeownersCommand(options: GlobalOptions & { write?: boolean }): Promise<void> {
  const context = await resolveContext(options);
  const model = await loadMentoring(context.root, { folder: context.folder });
  if (!model.exists) throw new CliError(`no mentoring folder at ${context.folder}/ (run \`mentoring init\`)`);
  try {
    if (!options.write) {
      const plan = await planCodeowners(context.root, model);
      print(plan.lines.map((line) => `${line}\n`).join(''));
      return;
    }
    const result = await writeCodeowners(context.root, model);
    const count = result.lines.length;
    const where = `${result.rel} (${HOST_NAMES[result.host]}: ${result.reason})`;
    print(
      result.changed
        ? `wrote ${count} line${count === 1 ? '' : 's'} to ${where}\n`
        : `${where} is up to date (${count} pair${count === 1 ? '' : 's'})\n`,
    );
  } catch (error) {
    if (error instanceof CodeownersError)
      throw new CliError(`${error.message}; add git_host_handle to those people files`);
    throw error;
  }
}
