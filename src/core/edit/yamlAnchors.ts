// Edits never go through YAML anchors and aliases. An anchored node (`notes: &n text`) is shared
// with every `*n`: changing it, or anything inside it, would silently change the copies too; an
// alias (`thanks: *n`) has no text of its own to change. Either way the edit is refused with the
// reason and the place, and nothing is written. An anchor no alias uses is only a label: editing
// under it changes nothing else, so it does not stop an edit.
import { isAlias, isMap, isScalar, isSeq, visit, type Node } from 'yaml';
import { EditError } from './errors';
import { at, describe } from './yamlSource';
import type { Source, YamlPath } from './yamlTypes';

/** Throws an EditError when a node on `path` (the root, each step, the target; and `alsoItem` of the target list) is an alias or anchored. */
export function refuseSharedNodes(src: Source, path: YamlPath, alsoItem?: number): void {
  const used = new Set<string>();
  visit(src.doc, {
    Alias: (_key, alias) => void used.add(alias.source),
  });
  if (used.size === 0) return;
  let node: unknown = src.doc.contents;
  const steps: (string | number)[] = [];
  const check = (value: unknown, where: YamlPath) => {
    if (isAlias(value)) {
      throw new EditError(
        `${describe(where)} is an alias (*${value.source}) of a value written elsewhere in the file; ` +
          `this edit would not change it here alone, so nothing was changed: replace the alias with its own value by hand first`,
        ...at(src, where),
      );
    }
    const anchor = (value as Node | null)?.anchor;
    if (anchor && value && used.has(anchor)) {
      throw new EditError(
        `${describe(where)} is anchored (&${anchor}), so its aliases (*${anchor}) would change with it; ` +
          `nothing was changed: write the copies out by hand (remove the anchor and its aliases) first`,
        ...at(src, where),
      );
    }
  };
  check(node, steps);
  for (const step of path) {
    if (isMap(node)) node = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step))?.value;
    else if (isSeq(node) && typeof step === 'number') node = node.items[step];
    else return;
    if (node === undefined || node === null) return;
    steps.push(step);
    check(node, steps);
  }
  if (alsoItem !== undefined && isSeq(node)) {
    const item: unknown = node.items[alsoItem];
    if (item !== undefined) check(item, [...steps, alsoItem]);
  }
}
