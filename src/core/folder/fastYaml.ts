// A fast path for the plain block YAML that mentoring files are almost always written in.
// The history reads tens of thousands of old versions; the full `yaml` parser costs about
// 0.13 ms for a small file, which dominates a large repository's walk. This reader accepts a
// strict subset (block mappings and sequences, plain, single- and double-quoted scalars without
// escapes, empty or simple flow sequences, comments) and returns exactly what the full parser
// (YAML 1.2 core schema) returns for it. Anything else, including anything the full parser
// would report as a problem, returns FALLBACK and goes through the guarded parser instead.

export const FALLBACK: unique symbol = Symbol('fallback');

interface Line {
  indent: number;
  text: string;
}

class Fallback extends Error {}
/** Where the reader is, and how deeply nested: deeper than the guarded parser allows goes to it (which refuses it). */
interface Cursor {
  at: number;
  depth: number;
}
const MAX_DEPTH = 64;
const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)/;
/** Keys the fast path leaves to the full parser: forbidden ones, and ones that are not strings in YAML. */
const FORBIDDEN = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
]);
/**
 * Characters JavaScript's trim and `\s` treat as white space (or a line break) and YAML keeps as
 * text: non-breaking and other Unicode spaces, NEL, vertical tab, form feed, the byte-order mark
 * inside the text. This reader trims with JavaScript, so a document holding one goes to the parser.
 */
// eslint-disable-next-line no-control-regex -- vertical tab and form feed are among them
const OTHER_SPACE = /[\u000b\u000c\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
const SIMPLE_FLOW_ITEM = /^[A-Za-z0-9_.+-][A-Za-z0-9_.+ /-]*$/;

export function fastParseYaml(input: string): unknown {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.includes('\r')) {
    if (/\r(?!\n)/.test(text)) return FALLBACK;
    text = text.replace(/\r\n/g, '\n');
  }
  if (text.includes('\t') || OTHER_SPACE.test(text)) return FALLBACK;
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    const content = raw.trimEnd();
    const body = content.trimStart();
    if (body === '' || body.startsWith('#')) continue;
    if (raw.startsWith('---') || raw.startsWith('...') || raw.startsWith('%')) return FALLBACK;
    lines.push({ indent: content.length - body.length, text: body });
  }
  if (lines.length === 0 || lines[0].indent !== 0) return FALLBACK;
  try {
    const cursor: Cursor = { at: 0, depth: 0 };
    const value = mapping(lines, cursor, 0);
    if (cursor.at !== lines.length) return FALLBACK;
    return value;
  } catch (error) {
    if (error instanceof Fallback) return FALLBACK;
    throw error;
  }
}

function mapping(lines: Line[], cursor: Cursor, indent: number): Record<string, unknown> {
  if (++cursor.depth > MAX_DEPTH) throw new Fallback();
  const result: Record<string, unknown> = {};
  while (cursor.at < lines.length) {
    const line = lines[cursor.at];
    if (line.indent < indent) break;
    if (line.indent > indent) throw new Fallback();
    const match = KEY.exec(line.text);
    if (!match) throw new Fallback();
    const key = match[1];
    if (FORBIDDEN.has(key) || Object.prototype.hasOwnProperty.call(result, key)) throw new Fallback();
    const rest = line.text.slice(match[0].length);
    cursor.at++;
    if (rest === '' || rest.startsWith('#')) {
      const next = lines[cursor.at];
      if (next && next.indent > indent) result[key] = block(lines, cursor, next.indent);
      else if (next && next.indent === indent && isItem(next.text)) result[key] = sequence(lines, cursor, indent);
      else result[key] = null;
    } else {
      result[key] = scalar(rest);
      const next = lines[cursor.at];
      if (next && next.indent > indent) throw new Fallback(); // a multi-line scalar
    }
  }
  cursor.depth--;
  return result;
}

function block(lines: Line[], cursor: Cursor, indent: number): unknown {
  return isItem(lines[cursor.at].text) ? sequence(lines, cursor, indent) : mapping(lines, cursor, indent);
}

function isItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

function sequence(lines: Line[], cursor: Cursor, indent: number): unknown[] {
  if (++cursor.depth > MAX_DEPTH) throw new Fallback();
  const result: unknown[] = [];
  while (cursor.at < lines.length) {
    const line = lines[cursor.at];
    if (line.indent < indent || (line.indent === indent && !isItem(line.text))) break;
    if (line.indent > indent || line.text === '-') throw new Fallback();
    const after = line.text.slice(2);
    const rest = after.trimStart();
    if (rest.startsWith('- ') || rest === '-' || rest.startsWith('#')) throw new Fallback();
    if (KEY.test(rest)) {
      // `- key: value` opens a mapping whose keys line up with this first one.
      const column = indent + 2 + (after.length - rest.length);
      lines[cursor.at] = { indent: column, text: rest };
      result.push(mapping(lines, cursor, column));
    } else {
      result.push(scalar(rest));
      cursor.at++;
      const next = lines[cursor.at];
      if (next && next.indent > indent) throw new Fallback();
    }
  }
  cursor.depth--;
  return result;
}

function scalar(text: string): unknown {
  const first = text[0];
  if (first === '"' || first === "'") return quoted(text, first);
  if (first === '[') return flowSequence(text);
  if (text === '{}' || /^\{\}\s+#/.test(text)) return {};
  if ('&*!|>%@`?:,]{}#-'.includes(first) && !(first === '-' && /^-[0-9.]/.test(text))) throw new Fallback();
  const comment = text.indexOf('#') === -1 ? -1 : text.search(/\s#/);
  const plain = (comment === -1 ? text : text.slice(0, comment)).trimEnd();
  if (plain.includes(': ') || plain.endsWith(':') || plain.includes('\t')) throw new Fallback();
  return resolvePlain(plain);
}

function quoted(text: string, quote: string): string {
  let value = '';
  let i = 1;
  for (;;) {
    const close = text.indexOf(quote, i);
    if (close === -1) throw new Fallback(); // a multi-line quoted scalar
    value += text.slice(i, close);
    if (quote === "'" && text[close + 1] === "'") {
      value += "'";
      i = close + 2;
      continue;
    }
    i = close + 1;
    break;
  }
  if (quote === '"' && value.includes('\\')) throw new Fallback();
  const tail = text.slice(i);
  if (tail !== '' && !/^\s+#/.test(tail)) throw new Fallback();
  return value;
}

function flowSequence(text: string): unknown[] {
  const close = text.indexOf(']');
  const tail = text.slice(close + 1);
  if (close === -1 || (tail !== '' && !/^\s+#/.test(tail))) throw new Fallback();
  const inner = text.slice(1, close).trim();
  if (inner === '') return [];
  return inner.split(',').map((item) => {
    const trimmed = item.trim();
    if (!SIMPLE_FLOW_ITEM.test(trimmed)) throw new Fallback();
    return resolvePlain(trimmed);
  });
}

/** The YAML 1.2 core schema, as the `yaml` package resolves it. */
function resolvePlain(plain: string): unknown {
  if (plain === '') return null;
  // Most values are words: only these first characters can start a null, boolean or number.
  if (!'~nNtTfF0123456789+-.'.includes(plain[0])) return plain;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(plain)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(plain)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(plain)) return false;
  if (/^[-+]?[0-9]+$/.test(plain)) return parseInt(plain, 10);
  if (/^0o[0-7]+$/.test(plain)) return parseInt(plain.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(plain)) return parseInt(plain.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(plain)) {
    return plain.slice(-3).toLowerCase() === 'nan' ? NaN : plain[0] === '-' ? -Infinity : Infinity;
  }
  if (
    /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(plain) ||
    /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(plain)
  ) {
    return parseFloat(plain);
  }
  return plain;
}
