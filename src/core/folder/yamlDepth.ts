// How deep block collections nest, measured on the text before the `yaml` parser sees it: the
// parser (and toJS) recurse once per level, and a few hundred levels (`- - - - … x`, or a key per
// line each indented one more space) end in "Maximum call stack size exceeded". A mentoring file
// needs a handful of levels, so a deep one is refused with a problem that says so.

/** Deeper block nesting than this is refused before parsing. */
export const MAX_BLOCK_DEPTH = 64;

const BLOCK_SCALAR_HEADER = /(?:^|[\s:-])[|>][1-9+-]{0,2}\s*(?:#.*)?$/;

/**
 * The offset of the first line nested deeper than MAX_BLOCK_DEPTH levels, counting each more
 * indented line as one level more and each compact `- ` or `? ` on a line as another; undefined
 * when none is. It may count a continued plain scalar as a level: it only needs to stay far below
 * the parser's limit, never to match it.
 */
export function tooDeepBlockAt(text: string): number | undefined {
  const indents: number[] = [];
  let scalarParent: number | undefined;
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const content = line.replace(/^ +/, '');
    const indent = line.length - content.length;
    if (content.trim() === '' || content.startsWith('#')) continue;
    if (scalarParent !== undefined) {
      if (indent > scalarParent) continue;
      scalarParent = undefined;
    }
    while (indents.length > 0 && indents[indents.length - 1] > indent) indents.pop();
    if (indents.length === 0 || indents[indents.length - 1] < indent) indents.push(indent);
    const compact = /^(?:[-?](?: +|$))*/.exec(content)?.[0] ?? '';
    const indicators = (compact.match(/[-?]/g) ?? []).length;
    if (indents.length + indicators > MAX_BLOCK_DEPTH) return start + indent;
    if (BLOCK_SCALAR_HEADER.test(content)) scalarParent = indent;
  }
  return undefined;
}
