// How new values are written: in the block or flow style of where they go, with the quoting the user chose.
import { isScalar, stringify, Document, type Node, type Scalar } from 'yaml';
import type { Style } from './yamlTypes';

// ---------------------------------------------------------------------------------------------
// Rendering new values

export function blockOptions(style: Style, stringType?: Scalar.Type) {
  return {
    indent: style.indent,
    indentSeq: style.indentSeq,
    lineWidth: 0,
    minContentWidth: 0,
    defaultStringType: stringType ?? 'PLAIN',
    defaultKeyType: 'PLAIN',
  } as const;
}

export function flowOptions(stringType?: Scalar.Type) {
  // Block scalars cannot appear in flow collections: multi-line text there is double-quoted.
  const flowType =
    stringType === 'QUOTE_SINGLE' || stringType === 'QUOTE_DOUBLE'
      ? stringType
      : stringType === 'BLOCK_LITERAL' || stringType === 'BLOCK_FOLDED'
        ? 'QUOTE_DOUBLE'
        : 'PLAIN';
  return { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0, defaultStringType: flowType } as const;
}

/**
 * A value as it reads after `key:` (`first` starts with a space, or is empty for a block
 * collection) or after `- `, and its further lines, indented relative to the key or dash.
 */
export function renderBlock(
  value: unknown,
  context: 'pair' | 'item',
  style: Style,
  stringType?: Scalar.Type,
): { first: string; rest: string[] } {
  const doc = new Document(context === 'pair' ? { k: value } : [value]);
  // The scalar's own type, not `defaultStringType`, is what makes `>` stay folded.
  const node = doc.get(context === 'pair' ? 'k' : 0, true);
  if (stringType && isScalar(node) && typeof node.value === 'string') node.type = stringType;
  const lines = doc.toString(blockOptions(style)).replace(/\n$/, '').split('\n');
  return { first: lines[0].slice(2), rest: lines.slice(1) };
}

export function renderFlow(value: unknown, stringType?: Scalar.Type): string {
  const type = stringType ?? (hasMultilineText(value) ? 'QUOTE_DOUBLE' : undefined);
  return stringify([value], flowOptions(type)).trimEnd().slice(1, -1);
}

export function hasMultilineText(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\n');
  if (typeof value === 'object' && value !== null) return Object.values(value).some(hasMultilineText);
  return false;
}

/** Keep the quoting the user chose; multi-line text reads best as a `|` block. */
export function preferredType(node: Node, value: unknown): Scalar.Type | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.includes('\n')) return 'BLOCK_LITERAL';
  if (isScalar(node) && typeof node.value === 'string' && node.type) return node.type;
  return undefined;
}
