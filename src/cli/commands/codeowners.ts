// `mentoring codeowners [--write]`: CODEOWNERS lines asking each pair's mentor to review that
// pair's folder. `--write` replaces the marked block in the repository's CODEOWNERS file (the
// first of .github/, the root and docs/ that has one; a new .github/CODEOWNERS otherwise).
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../core/fs/atomicWrite';
import { dirname, join } from 'node:path';
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
  const rel = LOCATIONS.find((path) => existsSync(join(context.root, path))) ?? LOCATIONS[0];
  const path = join(context.root, rel);
  const existing = existsSync(path) ? await readFile(path, 'utf8') : '';
  const updated = updateCodeowners(existing, lines);
  if (updated === existing) {
    print(`${rel} is up to date (${lines.length} pair${lines.length === 1 ? '' : 's'})\n`);
    return;
  }
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, updated);
  print(`wrote ${lines.length} line${lines.length === 1 ? '' : 's'} to ${rel}\n`);
}
