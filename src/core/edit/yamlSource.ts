// The file being edited: opening it with every guard, checking the result, and turning
// offsets and paths into positions for errors.
import { isDeepStrictEqual } from 'node:util';
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, visit, Document, type Node, type YAMLSeq } from 'yaml';
import { MAX_ALIAS_COUNT, parseYaml, positionOfPath } from '../folder/yamlText';
import { EditError } from './errors';
import type { Source, Style, YamlPath } from './yamlTypes';

// ---------------------------------------------------------------------------------------------
// Opening and checking

export function openSource(text: string): Source {
  if (typeof text !== 'string') throw new EditError('no text to edit');
  const bom = text.charCodeAt(0) === 0xfeff;
  let body = bom ? text.slice(1) : text;
  // Edit CRLF files as LF and convert back, but only when every line break is CRLF: a file with
  // mixed endings is edited as it is, so no existing line ending changes.
  const crlf = body.includes('\r\n') && !/(^|[^\r])\n/.test(body) && !/\r(?!\n)/.test(body);
  if (crlf) body = body.replace(/\r\n/g, '\n');
  const parsed = parseYaml(body);
  const problem = parsed.problems[0];
  if (problem || !parsed.doc) {
    throw new EditError(
      `the file cannot be edited until it is fixed: ${problem?.message ?? 'it does not parse'}`,
      problem?.line ?? 1,
      problem?.col ?? 1,
    );
  }
  if (!isMap(parsed.doc.contents)) throw new EditError('the file cannot be edited: it does not hold a map of keys');
  return { body, bom, crlf, parsed, doc: parsed.doc, style: detectStyle(parsed.doc, body) };
}

/** The indentation the file already uses, so new lines match it (two columns, lists indented, when it shows none). */
function detectStyle(doc: Document.Parsed, body: string): Style {
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (!key?.range || !value?.range || !isCollection(value) || value.flow || value.items.length === 0) return;
      const offset = columnOf(body, value.range[0]) - columnOf(body, key.range[0]);
      if (isMap(value) && indent === undefined && offset > 0) indent = offset;
      if (isSeq(value) && indentSeq === undefined) indentSeq = offset > 0;
    },
  });
  return { indent: indent ?? 2, indentSeq: indentSeq ?? true };
}

/** The file's plain data, or an `EditError` when it does not parse (the same checks as every edit). */
export function readForEdit(text: string): Record<string, unknown> {
  const src = openSource(text);
  return src.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
}

export function finish(src: Source, body: string, expectedDoc: Document): string {
  let expected: unknown;
  try {
    expected = expectedDoc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // Typically an anchored value (`&name`) replaced by one of another kind, leaving its aliases dangling.
    throw new EditError(`this edit would break the file: ${error instanceof Error ? error.message : String(error)}`);
  }
  const check = parseYaml(body);
  if (check.problems.length > 0 || !isDeepStrictEqual(check.data, expected)) {
    throw new EditError(
      'internal error: this edit could not be made without changing other parts of the file, so nothing was changed',
    );
  }
  const text = src.crlf ? body.replace(/\n/g, '\r\n') : body;
  return src.bom ? `\ufeff${text}` : text;
}

export function checkPlainData(value: unknown, path: YamlPath): void {
  const ok = (v: unknown, depth: number): boolean => {
    if (depth > 20) return false;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isFinite(v);
    if (Array.isArray(v)) return v.every((item) => ok(item, depth + 1));
    if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.entries(v as object).every(
        ([key, item]) => key !== '__proto__' && (item === undefined || ok(item, depth + 1)),
      );
    }
    return false;
  };
  if (!ok(value, 0))
    throw new EditError(
      `cannot write this value at ${describe(path)}: only text, numbers, true/false, null, lists and maps`,
    );
}

/** The same change on the parsed copy, creating missing maps (or replacing a null) on the way. */
export function setInDoc(doc: Document, path: YamlPath, value: unknown): void {
  for (let length = 1; length < path.length; length++) {
    const node = doc.getIn(path.slice(0, length), true);
    if (node === undefined || isNullScalar(node as Node)) {
      doc.setIn(path.slice(0, length), doc.createNode(nest(path.slice(length), value)));
      return;
    }
  }
  const existing = doc.getIn(path, true);
  if (isScalar(existing) && isScalarValue(value)) existing.value = value;
  else doc.setIn(path, doc.createNode(value));
}

// ---------------------------------------------------------------------------------------------
// Text positions

export function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the line break ending the line that holds `offset` (or the end of the text). */
export function lineEnd(text: string, offset: number): number {
  const index = text.indexOf('\n', offset);
  return index < 0 ? text.length : index;
}

export function afterLine(text: string, offset: number): number {
  const end = lineEnd(text, offset);
  return end < text.length ? end + 1 : end;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Where a node's own text ends, before trailing comments and line breaks (nested block collections included). */
export function contentEnd(text: string, node: Node): number {
  if (isCollection(node) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    if (isPair(last)) return contentEnd(text, isNodeValue(last.value) ? last.value : (last.key as Node));
    return contentEnd(text, last as Node);
  }
  let end = node.range![1];
  while (end > node.range![0] && text[end - 1] === '\n') end--;
  return end;
}

/** Offset of the `-` that starts item `index` of a block list (an anchor may put the item's node on a later line). */
export function dashOf(text: string, seq: YAMLSeq, index: number): number {
  const dashCol = columnOf(text, seq.range![0]);
  if (index === 0) return seq.range![0];
  let line = afterLine(text, contentEnd(text, seq.items[index - 1] as Node));
  const itemStart = (seq.items[index] as Node).range![0];
  while (line <= itemStart) {
    if (text[line + dashCol] === '-' && text.slice(line, line + dashCol).trim() === '') return line + dashCol;
    line = afterLine(text, line);
  }
  return itemStart;
}

export function findColonEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text[i] === ':' ? i + 1 : -1;
}

export function insertLinesAfter(text: string, offset: number, lines: string[]): string {
  const at = afterLine(text, offset);
  if (at === text.length && !text.endsWith('\n')) return splice(text, at, at, `\n${lines.join('\n')}`);
  return splice(text, at, at, `${lines.join('\n')}\n`);
}

export function indentLines(lines: string[], columns: number): string[] {
  const pad = ' '.repeat(columns);
  return lines.map((line) => (line === '' ? line : pad + line));
}

export function joinSource(src: Source, body: string): string {
  const text = src.crlf ? body.replace(/\n/g, '\r\n') : body;
  return src.bom ? `\ufeff${text}` : text;
}

// ---------------------------------------------------------------------------------------------
// Errors

export function describe(path: YamlPath): string {
  if (path.length === 0) return 'the file';
  return path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('');
}

export function at(src: Source, path: YamlPath): [number, number] {
  const { line, col } = positionOfPath(src.parsed, path);
  return [line, col];
}

export function positionAt(src: Source, offset: number): [number, number] {
  const { line, col } = src.parsed.lineCounter.linePos(offset);
  return [line, col];
}

export function notACollection(src: Source, path: YamlPath, node: Node): EditError {
  const what = isAlias(node) ? 'an alias (*name); edit the anchored value instead' : 'not a map or list';
  return new EditError(`${describe(path)} is ${what}`, ...at(src, path));
}

export function unsupported(src: Source, path: YamlPath): EditError {
  return new EditError(
    `${describe(path)} is written in a form this edit does not support; edit it by hand`,
    ...at(src, path),
  );
}

export function isNodeValue(value: unknown): value is Node {
  return isScalar(value) || isCollection(value) || isAlias(value);
}

export function isNullScalar(node: Node): boolean {
  return isScalar(node) && node.value === null;
}

export function isScalarValue(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

export function nest(path: YamlPath, value: unknown): unknown {
  let result = value;
  for (let i = path.length - 1; i >= 0; i--) {
    const step = path[i];
    if (typeof step === 'number') throw new EditError(`cannot create list item ${step}; add items with appendItem`);
    result = { [step]: result };
  }
  return result;
}
