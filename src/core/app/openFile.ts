// Which file the sidebar may open in an editor for a viewer ("Open the YAML file", a problem's
// link): decided here, through the access policy, never by what the webview chose to show. A
// coordinator asking for a pair's file by any spelling (another case, '..', a link that leads
// into the pair's folder) is refused.
import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { Handle, MentoringModel } from '../folder/model';
import { resolveInside } from '../folder/paths';
import { mayOpenFile } from '../policy/access';

export class OpenRefused extends Error {
  override name = 'OpenRefused';
}

/** The absolute path of `rel` (relative to the root) when `viewer` may open it; throws OpenRefused otherwise. */
export function fileToOpen(model: MentoringModel | undefined, viewer: Handle | undefined, rel: string): string {
  const abs = model ? resolveInside(model.root, rel, model.folder) : undefined;
  if (!model || !abs) throw new OpenRefused(`"${rel}" is not inside the mentoring folder.`);
  if (!mayOpenFile(model, viewer, abs) || !mayOpenFile(model, viewer, whereLinkLeads(abs, model.folder)))
    throw new OpenRefused(`${rel} is private to the pair: only its mentee and mentor open it.`);
  return abs;
}

/** `abs` with links resolved, said inside `folder`; `folder` itself (which nothing opens) when it leads out. */
function whereLinkLeads(abs: string, folder: string): string {
  try {
    const rel = relative(realpathSync.native(folder), realpathSync.native(abs));
    return rel.startsWith('..') || isAbsolute(rel) ? folder : join(folder, rel);
  } catch {
    return abs;
  }
}
