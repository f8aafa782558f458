// Guarded YAML parsing: every check that must happen before (or instead of) handing text to
// the `yaml` parser, and positions for problems. Used by loading, validation and edits alike.
import { FileTooLargeError, readBytes, type CheckedFolders } from '../fs';
import { Document, isMap, isSeq, LineCounter, parseAllDocuments, Scalar, YAMLMap, visit, type Node } from 'yaml';
import { FALLBACK, fastParseYaml } from './fastYaml';
import { MAX_BLOCK_DEPTH, tooDeepBlockAt } from './yamlDepth';

export const MAX_FILE_BYTES = 1024 * 1024;
/** Deeper flow nesting than this is refused before parsing: the parser recurses on it. */
export const MAX_FLOW_DEPTH = 64;
/** Alias expansion limit passed to `toJS` (the `yaml` default is 100). */
export const MAX_ALIAS_COUNT = 50;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface TextProblem {
  line: number;
  col: number;
  message: string;
}

export interface ParsedYaml {
  text: string;
  doc?: Document.Parsed;
  lineCounter: LineCounter;
  /** Plain data, when the document parsed without errors. */
  data?: unknown;
  problems: TextProblem[];
}

export class YamlFileError extends Error {
  constructor(
    message: string,
    readonly line = 1,
    readonly col = 1,
  ) {
    super(message);
  }
}

/**
 * Reads a file under `root` as UTF-8 text through the fs module (no links, regular files only, at
 * most MAX_FILE_BYTES read), refusing oversized and non-UTF-8 files before anything parses them.
 */
export function readYamlText(root: string, path: string, checked?: CheckedFolders): string {
  try {
    return decodeYamlBytes(readBytes(root, path, MAX_FILE_BYTES, checked));
  } catch (error) {
    if (!(error instanceof FileTooLargeError)) throw error;
    // A device or a growing file has no honest size: only that more than the limit came.
    if (error.size === undefined)
      throw new YamlFileError(`file is over the ${formatBytes(MAX_FILE_BYTES)} limit; not parsed`);
    checkSize(error.size);
    throw error;
  }
}

/** readYamlText for reloading one file; the read is small and capped, so it is done in one go. */
export async function readYamlTextAsync(root: string, path: string): Promise<string> {
  return readYamlText(root, path);
}

function checkSize(size: number): void {
  if (size > MAX_FILE_BYTES) {
    throw new YamlFileError(`file is ${formatBytes(size)}, over the ${formatBytes(MAX_FILE_BYTES)} limit; not parsed`);
  }
}

/** Decodes UTF-8 strictly; throws a YamlFileError at the first invalid byte's line and column. */
export function decodeYamlBytes(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    // Everything before the offset is valid UTF-8, so the column counts characters, not bytes.
    const before = bytes.subarray(0, offset).toString('utf8');
    const line = before.split('\n').length;
    const col = before.length - before.lastIndexOf('\n');
    throw new YamlFileError('file is not valid UTF-8', line, col);
  }
}

/** Parses one YAML document with every guard; never throws for bad input, returns problems instead. */
export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const result: ParsedYaml = { text, lineCounter, problems: [] };
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES) {
    result.problems.push({
      line: 1,
      col: 1,
      message: `text is over the ${formatBytes(MAX_FILE_BYTES)} limit; not parsed`,
    });
    return result;
  }
  if (text.trim() === '') {
    result.problems.push({ line: 1, col: 1, message: 'file is empty' });
    return result;
  }
  const deep = tooDeepFlowAt(text);
  if (deep !== undefined) {
    const pos = positionAt(text, deep);
    result.problems.push({ ...pos, message: `collections nested deeper than ${MAX_FLOW_DEPTH} levels; not parsed` });
    return result;
  }
  const deepBlock = tooDeepBlockAt(text);
  if (deepBlock !== undefined) {
    const pos = positionAt(text, deepBlock);
    result.problems.push({
      ...pos,
      message: `lists and maps nested deeper than ${MAX_BLOCK_DEPTH} levels; not parsed: a mentoring file needs only a few levels, so remove the extra nesting here`,
    });
    return result;
  }
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  if (!Array.isArray(docs) || docs.length === 0) {
    // An empty stream of documents.
    result.problems.push({ line: 1, col: 1, message: 'file holds no YAML document' });
    return result;
  }
  if (docs.length > 1) {
    const start = docs[1].range[0];
    result.problems.push({
      ...toPos(lineCounter, start),
      message: 'file holds more than one YAML document; only one is allowed',
    });
    return result;
  }
  const doc = docs[0];
  result.doc = doc;
  for (const error of doc.errors) {
    result.problems.push({ ...toPos(lineCounter, error.pos[0]), message: cleanMessage(error.message) });
  }
  for (const warning of doc.warnings) {
    result.problems.push({ ...toPos(lineCounter, warning.pos[0]), message: cleanMessage(warning.message) });
  }
  if (result.problems.length > 0) return result;
  for (const { node, key } of mayHoldForbiddenKey(text) ? forbiddenKeys(doc) : []) {
    const offset = node.range?.[0] ?? 0;
    result.problems.push({ ...toPos(lineCounter, offset), message: `key "${key}" is not allowed` });
  }
  if (result.problems.length > 0) return result;
  try {
    result.data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result.problems.push({ line: 1, col: 1, message: cleanMessage(message) });
  }
  return result;
}

/** The data a YAML file holds, or why it holds none. */
export type YamlData = { data: unknown; problem?: undefined } | { data?: undefined; problem: string };

/**
 * A version of a mentoring file read from git (its bytes, undefined when it is not there) to its
 * data, with the guards a file read from disk gets: the size limit and strict UTF-8 first.
 */
export function parseYamlBlob(content: Buffer | undefined): YamlData {
  if (!content) return { problem: 'no such file' };
  if (content.length > MAX_FILE_BYTES)
    return {
      problem: `file is ${formatBytes(content.length)}, over the ${formatBytes(MAX_FILE_BYTES)} limit; not parsed`,
    };
  try {
    return parseYamlData(decodeYamlBytes(content));
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The data of one YAML text, when it is data only (no positions, no document): the fast reader
 * for plain block YAML (fastYaml.ts, the history reads tens of thousands of versions), else the
 * guarded parser.
 */
export function parseYamlData(text: string): YamlData {
  const { data, parsed } = parseYamlFast(text);
  return parsed && parsed.problems.length > 0 ? { problem: parsed.problems[0].message } : { data };
}

/**
 * The fast reader's data (fastYaml.ts) for a text within the size limit, else FALLBACK: the same
 * data the guarded parser gives, for a text it finds no problem in, without positions or a document.
 */
function fastYamlData(text: string): unknown {
  // A UTF-16 unit is at most 3 bytes of UTF-8, so most texts need no byte count.
  if (text.length * 3 > MAX_FILE_BYTES && Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES) return FALLBACK;
  return fastParseYaml(text);
}

/**
 * A text's data by the fast reader when it can (then `parsed` is undefined: no document, no
 * positions), else by the guarded parser, with its problems.
 */
export function parseYamlFast(text: string): { data: unknown; parsed?: ParsedYaml } {
  const fast = fastYamlData(text);
  if (fast !== FALLBACK) return { data: fast };
  const parsed = parseYaml(text);
  return { data: parsed.data, parsed };
}

/** The 1-based position of the node at `path`, or of its nearest existing ancestor; a map key when the path ends in one. */
export function positionOfPath(parsed: ParsedYaml, path: readonly (string | number)[]): { line: number; col: number } {
  const doc = parsed.doc;
  if (!doc) return { line: 1, col: 1 };
  for (let length = path.length; length > 0; length--) {
    const parent = doc.getIn(path.slice(0, length - 1), true);
    if (isMap(parent)) {
      const pair = (parent as YAMLMap).items.find((item) => keyText(item.key) === String(path[length - 1]));
      const keyNode = pair?.key as Node | undefined;
      if (keyNode?.range) return toPos(parsed.lineCounter, keyNode.range[0]);
    } else if (isSeq(parent)) {
      const item = parent.items[Number(path[length - 1])] as Node | undefined;
      if (item?.range) return toPos(parsed.lineCounter, item.range[0]);
    }
  }
  const contents = doc.contents as Node | null;
  return contents?.range ? toPos(parsed.lineCounter, contents.range[0]) : { line: 1, col: 1 };
}

export function positionAt(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}

function toPos(lineCounter: LineCounter, offset: number): { line: number; col: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, col };
}

function keyText(key: unknown): string | undefined {
  if (key instanceof Scalar) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

/**
 * False when no key can spell a forbidden name: none of them appears in the text, and there is
 * no backslash, the only way (an escape in a double-quoted key) to write one without its letters
 * side by side. Walking every node costs several percent of a folder's load; this test almost nothing.
 */
function mayHoldForbiddenKey(text: string): boolean {
  return /__proto__|constructor|prototype|\\/.test(text);
}

function forbiddenKeys(doc: Document.Parsed): { node: Node; key: string }[] {
  const found: { node: Node; key: string }[] = [];
  visit(doc, {
    Pair(_, pair) {
      const key = keyText(pair.key);
      if (key !== undefined && FORBIDDEN_KEYS.has(key)) found.push({ node: pair.key as Node, key });
    },
  });
  return found;
}

/** Offset of the first flow bracket that goes deeper than the limit, outside quotes and comments. */
function tooDeepFlowAt(text: string): number | undefined {
  // Most files have a few brackets or none: too few to nest that deep, so the scan is skipped.
  let brackets = 0;
  for (const bracket of ['[', '{']) {
    for (let i = text.indexOf(bracket); i !== -1 && brackets <= MAX_FLOW_DEPTH; i = text.indexOf(bracket, i + 1)) {
      brackets++;
    }
  }
  if (brackets <= MAX_FLOW_DEPTH) return undefined;
  let depth = 0;
  let quote: string | undefined;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (comment) {
      if (c === '\n') comment = false;
      continue;
    }
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) comment = true;
    else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:-]/.test(text[i - 1]))) quote = c;
    else if (c === '[' || c === '{') {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8Offset(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trailing =
      lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    if (trailing === 0) return i;
    // The second byte's range also rules out overlong forms, surrogates and code points past U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= trailing; k++) {
      const byte = bytes[i + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
    }
    i += trailing + 1;
  }
  return bytes.length;
}

function cleanMessage(message: string): string {
  return message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
