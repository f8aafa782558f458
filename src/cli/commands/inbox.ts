// `mentoring inbox`: what needs me, the list the sidebar's inbox shows. Without a store of what I
// have seen, an answered request is listed while its answer is under 14 days old (the core's rule
// for "answered and not seen" when no seen set is given).
import { inbox, type InboxItem } from '../../core/app/inbox';
import { localToday } from '../../core/app/today';
import type { Handle, MentoringModel } from '../../core/folder/model';
import { loadMentoring } from '../../core/folder/load';
import { isHandle } from '../../core/folder/names';
import { knownPeople, personFromEmail } from '../../core/folder/people';
import { isGitRepo } from '../../core/git/repository';
import { pendingProposals } from '../../core/review';
import { CliError, resolveContext, whoRuns, type CliContext, type GlobalOptions } from '../context';
import { shownTo } from '../identity';
import { print } from '../output';

export interface InboxOptions extends GlobalOptions {
  me?: string;
  json?: boolean;
}

export async function inboxCommand(options: InboxOptions): Promise<void> {
  const context = await resolveContext(options);
  let model = await loadMentoring(context.root, { folder: context.folder });
  if (!model.exists) throw new CliError(`no mentoring folder at ${context.folder}/ (run \`mentoring init\`)`);
  const me = await whoIsMe(context, model, options.me);
  model = await shownTo(model, me);
  const today = localToday();
  const proposals = (await isGitRepo(context.root))
    ? await pendingProposals(context.root, {
        folder: context.folder,
        handleOfEmail: (email) => personFromEmail(knownPeople(model), email)?.handle,
      })
    : [];
  const items = inbox(model, me, { today, proposals });
  if (options.json) {
    print(JSON.stringify({ me, today, items }, null, 2) + '\n');
    return;
  }
  print(inboxText(me, items));
}

function inboxText(me: Handle, items: InboxItem[]): string {
  if (items.length === 0) return `Nothing needs you (${printable(me)}) right now.\n`;
  const width = Math.max(...items.map((item) => item.pair.length));
  const lines = items.map((item) => {
    const where = `${item.file}${item.line === undefined ? '' : `:${item.line}`}`;
    return `  ${item.pair.padEnd(width)}  ${printable(item.text)}\n  ${' '.repeat(width)}  ${printable(where)}\n`;
  });
  return `What needs you (${printable(me)}):\n${lines.join('')}`;
}

/** Who the command runs for: `--me`, else the person whose file lists git's user.email. */
export async function whoIsMe(context: CliContext, model: MentoringModel, me: string | undefined): Promise<Handle> {
  if (me !== undefined) {
    if (!isHandle(me))
      throw new CliError(`--me "${printable(me)}" is not a handle (lower-case letters, digits and single hyphens)`, 2);
    return me;
  }
  const found = await whoRuns(context, model);
  if (found === undefined)
    throw new CliError(
      "who are you? git's user.email here is in no people/*.yaml file: pass --me HANDLE, or add your email to your person file",
      2,
    );
  return found;
}

// Code points a terminal acts on rather than prints: C0 and C1 controls (escape sequences, carriage
// return) and the bidirectional overrides that reorder what is shown.
const BIDI = new Set([0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);

/** Text from the mentoring files, safe to print to a terminal: controls shown as `\u{1b}`. */
export function printable(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    out += code < 0x20 || (code >= 0x7f && code <= 0x9f) || BIDI.has(code) ? `\\u{${code.toString(16)}}` : char;
  }
  return out;
}
