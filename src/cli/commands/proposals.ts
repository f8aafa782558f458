// `mentoring proposals`: the relationships and plan changes waiting for my decision, titled as
// the sidebar titles them, with the command that accepts each. Who "I" am comes from git's
// user.email, as for accept and decline; `--me` looks as someone else would (read-only).
import { loadMentoring } from '../../core/folder/load';
import type { MentoringModel } from '../../core/folder/model';
import { isHandle } from '../../core/folder/names';
import { isGitRepo, userEmail } from '../../core/git/repository';
import { proposalsFor } from '../../core/review';
import { shownTo } from '../identity';
import { CliError, resolveContext, whoRuns, type CliContext, type GlobalOptions } from '../context';
import { print } from '../output';

export interface Reviewer {
  context: CliContext;
  model: MentoringModel;
  me: string;
}

/** The repository, the mentoring folder and who runs the command, or a CliError saying what is missing. */
export async function reviewer(options: GlobalOptions, asHandle?: string): Promise<Reviewer> {
  if (asHandle !== undefined && !isHandle(asHandle)) throw new CliError(`--me must be a handle, not "${asHandle}"`, 2);
  const context = await resolveContext(options);
  if (!(await isGitRepo(context.root))) throw new CliError(`${context.root} is not a git repository`);
  const loaded = await loadMentoring(context.root, { folder: context.folder });
  if (!loaded.exists) throw new CliError(`no mentoring folder at ${context.folder}/ (run \`mentoring init\`)`);
  const me = asHandle ?? (await whoRuns(context, loaded));
  if (!me) {
    const email = await userEmail(context.root);
    throw new CliError(
      email
        ? `git's user.email (${email}) is in no people file: add it to your people/<handle>.yaml`
        : "git's user.email is not set: set it to the email in your people/<handle>.yaml",
    );
  }
  return { context, model: loaded, me };
}

export async function proposalsCommand(options: GlobalOptions & { json?: boolean; me?: string }): Promise<void> {
  const { context, model: loaded, me } = await reviewer(options, options.me);
  const model = await shownTo(loaded, me);
  const proposals = await proposalsFor(context.root, model, me);
  if (options.json) {
    const list = proposals.map((p) => ({
      kind: p.kind,
      pair: p.pair,
      title: p.title,
      changes: p.changes,
      ...(p.from ? { from: p.from } : {}),
      ...(p.branch ? { branch: p.branch } : {}),
      ...(p.date ? { date: p.date } : {}),
    }));
    print(JSON.stringify({ me, proposals: list }, null, 2) + '\n');
    return;
  }
  if (proposals.length === 0) {
    print('Nothing waits for your decision.\n');
    return;
  }
  for (const p of proposals) {
    const which = p.branch ?? p.pair;
    print(`${p.title}\n  ${which}: mentoring accept ${which}  |  mentoring decline ${which}\n`);
  }
}
