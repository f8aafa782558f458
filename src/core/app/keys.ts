// Keys of sealed fields: my recipient (public key) written into my people file, as a change to
// share. The identity (secret key) never goes near the repository: the faces keep it.
import { appendItem } from '../edit';
import { checkPath, readText, writeFile } from '../fs';
import { personPath, resolveMentoringFolder, toRel } from '../folder/paths';
import { MAX_FILE_BYTES, parseYaml } from '../folder/yamlText';
import { RECIPIENTS_KEY, SealError, isRecipient } from '../seal';

export interface AddRecipientResult {
  /** My people file, relative to the root with '/'. */
  file: string;
  /** False when the file already listed the recipient (nothing was written). */
  added: boolean;
}

/**
 * Adds `recipient` to `age_recipients` in `handle`'s people file (beside any recipient already
 * there: another device keeps working). The change is left in the working tree to share.
 * `folder` is the mentoring folder setting, relative to `root`.
 */
export async function addRecipient(
  root: string,
  folder: string | undefined,
  handle: string,
  recipient: string,
): Promise<AddRecipientResult> {
  if (!isRecipient(recipient)) throw new SealError(`not an age recipient: ${recipient}`);
  const path = personPath(resolveMentoringFolder(root, folder), handle);
  const file = toRel(root, path);
  if (checkPath(root, path) !== 'file') throw new SealError(`${file} does not exist: there is no person "${handle}"`);
  const text = readText(root, path, MAX_FILE_BYTES);
  const listed = (parseYaml(text).data as Record<string, unknown> | undefined)?.[RECIPIENTS_KEY];
  if (Array.isArray(listed) && listed.includes(recipient)) return { file, added: false };
  await writeFile(root, path, appendItem(text, [RECIPIENTS_KEY], recipient));
  return { file, added: true };
}
