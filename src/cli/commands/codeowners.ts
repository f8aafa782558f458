// `mentoring codeowners [--write]`: CODEOWNERS lines asking each pair's mentor to review that
// pair's folder. `--write` replaces the marked block in the repository's CODEOWNERS file (the
// first of .github/, the root and docs/ that has one; a new .github/CODEOWNERS otherwise).
import { join } from 'node:path';
import { checkPath, lineEndingFor, readText, UnsafePathError, withLineEnding, writeFile } from '../../core/fs';
import type { Problem } from '../../core/folder/model';
import { MAX_FILE_BYTES } from '../../core/folder/yamlText';
import { loadMentoring } from '../../core/folder/load';
import { codeownersLines, CodeownersError, updateCodeowners } from '../../core/review';
import { CliError, resolveContext, type GlobalOptions } from '../context';
import { print } from '../output';

const LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

export async function codeownersCommand(options: GlobalOptions & { write?: boolean }): Promise<void> {
  const context = await resolveContext(options);
  const model = await loadMentoring(context.root, { folder: context.folder });
  if (!model.exists) throw new CliError(`no mentoring folder at ${context.folder}/ (run \`mentoring init\`)`);
  let lines: string[];
  try {
    lines = codeownersLines(model);
  } catch (error) {
    if (error instanceof CodeownersError)
      throw new CliError(`${error.message}; add git_host_handle to those people files`);
    throw error;
  }
  if (!options.write) {
    print(lines.map((line) => `${line}\n`).join(''));
    return;
  }
  // A link or a FIFO at any of the places is refused (checkPath throws), never written through.
  const rel = LOCATIONS.find((path) => checkPath(context.root, join(context.root, path)) !== 'missing') ?? LOCATIONS[0];
  const path = join(context.root, rel);
  const existing = checkPath(context.root, path) === 'file' ? readText(context.root, path, MAX_FILE_BYTES) : '';
  let updated = updateCodeowners(existing, lines);
  if (existing === '') updated = withLineEnding(updated, lineEndingFor(context.root, path));
  if (updated === existing) {
    print(`${rel} is up to date (${lines.length} pair${lines.length === 1 ? '' : 's'})\n`);
    return;
  }
  await writeFile(context.root, path, updated);
  print(`wrote ${lines.length} line${lines.length === 1 ? '' : 's'} to ${rel}\n`);
}

/** What `validate` says about the CODEOWNERS places: a link or a special file at any of them is an error. */
export function codeownersPathProblems(root: string): Problem[] {
  const problems: Problem[] = [];
  for (const rel of LOCATIONS) {
    try {
      checkPath(root, join(root, rel));
    } catch (error) {
      if (!(error instanceof UnsafePathError)) throw error;
      if (!problems.some((p) => p.file === error.rel))
        problems.push({ file: error.rel, line: 1, col: 1, message: `refused: ${error.reason}`, severity: 'error' });
    }
  }
  return problems;
}
