// `mentoring keys init|show|add-device`: my age identity for sealed fields, kept in a file only I
// can read (cli/identity.ts), and its recipient written into my people file, as a change to commit.
import { addRecipient } from '../../core/app/keys';
import { loadMentoring } from '../../core/folder/load';
import { isHandle } from '../../core/folder/names';
import { createIdentity, recipientOf, recipientsOf } from '../../core/seal';
import { CliError, resolveContext, whoRuns, type CliContext, type GlobalOptions } from '../context';
import { addIdentity, identityFilePath, readIdentities } from '../identity';
import { print } from '../output';

export interface KeysOptions extends GlobalOptions {
  /** Whose people file: default, the person git's user.email names. */
  handle?: string;
  json?: boolean;
}

const KEEP =
  'Keep a copy of it somewhere safe: losing every key loses the sealed text (the other person can re-seal what they can still read).';

export async function keysInitCommand(options: KeysOptions): Promise<void> {
  const { context, me, listed } = await whoAmI(options);
  const path = identityFilePath();
  const mine = readIdentities(path);
  if (mine.length === 0 && listed.length > 0) {
    throw new CliError(
      `people/${me}.yaml already lists a key of yours (another device?): on this device run \`mentoring keys add-device\``,
    );
  }
  const recipient = mine.length > 0 ? await recipientOf(mine[mine.length - 1]) : await newIdentity(path);
  if (mine.length > 0) print(`Your key is already in ${path}.\n`);
  else print(`Created your key in ${path} (readable only by you). ${KEEP}\n`);
  await writeRecipient(context, me, recipient);
}

export async function keysAddDeviceCommand(options: KeysOptions): Promise<void> {
  const { context, me } = await whoAmI(options);
  const path = identityFilePath();
  const recipient = await newIdentity(path);
  print(`Added a new key to ${path} (readable only by you). ${KEEP}\n`);
  await writeRecipient(context, me, recipient);
  print(
    "Your pairs' sealed values are sealed again to it at the next Share of someone whose key opens them (yours on another device, or the other person's).\n",
  );
}

export async function keysShowCommand(options: KeysOptions): Promise<void> {
  const { me, listed } = await whoAmI(options);
  const path = identityFilePath();
  const here = await Promise.all(readIdentities(path).map((identity) => recipientOf(identity)));
  if (options.json) {
    print(`${JSON.stringify({ handle: me, identityFile: path, thisDevice: here, peopleFile: listed }, null, 2)}\n`);
    return;
  }
  print(`Identity file: ${path}${here.length === 0 ? ' (none yet: run `mentoring keys init`)' : ''}\n`);
  for (const recipient of here)
    print(`  ${recipient}${listed.includes(recipient) ? '' : `  (not in people/${me}.yaml yet)`}\n`);
  const elsewhere = listed.filter((recipient) => !here.includes(recipient));
  if (elsewhere.length > 0) print(`Your other keys in people/${me}.yaml:\n`);
  for (const recipient of elsewhere) print(`  ${recipient}\n`);
}

async function whoAmI(options: KeysOptions): Promise<{ context: CliContext; me: string; listed: string[] }> {
  if (options.handle !== undefined && !isHandle(options.handle))
    throw new CliError(`--handle must be a handle like ana or ben-k, not "${options.handle}"`, 2);
  const context = await resolveContext(options);
  const model = await loadMentoring(context.root, { folder: context.folder });
  const me = options.handle ?? (await whoRuns(context, model));
  if (!me) {
    throw new CliError(
      "git's user.email is in no people file here, so whose key this is is not known: name yourself with --handle <handle>",
      2,
    );
  }
  return { context, me, listed: recipientsOf(model, me) };
}

async function newIdentity(path: string): Promise<string> {
  const { identity, recipient } = await createIdentity();
  await addIdentity(identity, recipient, path);
  return recipient;
}

async function writeRecipient(context: CliContext, me: string, recipient: string): Promise<void> {
  const { file, added } = await addRecipient(context.root, context.folder, me, recipient);
  print(
    added
      ? `Added your recipient ${recipient} to ${file}: commit it to the mentoring branch so your pairs seal to it.\n`
      : `${file} already lists your recipient ${recipient}.\n`,
  );
}
