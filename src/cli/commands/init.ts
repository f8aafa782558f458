import { initMentoring } from '../../core/app/init';
import { resolveContext, type GlobalOptions } from '../context';
import { print } from '../output';

export async function initCommand(options: GlobalOptions): Promise<void> {
  const context = await resolveContext(options);
  const result = await initMentoring(context.root, context.folder);
  for (const file of result.created) print(`created ${file}\n`);
  for (const file of result.skipped) print(`kept    ${file} (already there)\n`);
  print(
    result.created.length > 0
      ? `\nNext: edit the example pair, then run \`mentoring validate\` and commit ${context.folder}/.\n`
      : 'Nothing to do: the mentoring folder is already set up.\n',
  );
}
