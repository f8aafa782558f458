// `mentoring report [--format text|json|markdown|html] [--out FILE]`: the program's health for
// coordinators and for CI to publish. Aggregates and dates only, never a pair's words.
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../core/fs/atomicWrite';
import { programReport } from '../../core/app/programReport';
import { renderReport, type ReportFormat } from '../../core/app/reportRender';
import { localToday } from '../../core/app/today';
import { CliError, resolveContext, type GlobalOptions } from '../context';
import { print } from '../output';

export async function reportCommand(
  options: GlobalOptions & { format: ReportFormat; out?: string; branch?: string },
): Promise<void> {
  const context = await resolveContext(options);
  if (!existsSync(join(context.root, context.folder)))
    throw new CliError(`no mentoring folder at ${context.folder}/ (run \`mentoring init\`)`);
  const report = await programReport(context.root, {
    folder: context.folder,
    today: localToday(),
    branch: options.branch,
  });
  const text = renderReport(report, options.format);
  if (options.out === undefined) {
    print(text);
    return;
  }
  const path = resolve(context.cwd, options.out);
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, text);
  print(`wrote the ${options.format} report to ${options.out}\n`);
}
