// Text-preserving edits of one YAML file. The `yaml` Document API finds the nodes; the change is
// spliced into the source text at their ranges, so every other byte (comments, blank lines,
// quoting, flow or block style, anchors, unknown keys, line endings) stays as it was. The same
// change is also applied to a parsed copy with `setIn`/`deleteIn`; the spliced text is parsed
// again and must give exactly that data, or the edit is refused rather than written wrong.
import {
  isCollection,
  isMap,
  isScalar,
  isSeq,
  stringify,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { EditError } from './errors';
import { refuseSharedNodes } from './yamlAnchors';
import { blockOptions, flowOptions, renderBlock, renderFlow, hasMultilineText, preferredType } from './yamlRender';
import {
  openSource,
  finish,
  checkPlainData,
  setInDoc,
  splice,
  lineStart,
  lineEnd,
  afterLine,
  columnOf,
  contentEnd,
  dashOf,
  findColonEnd,
  insertLinesAfter,
  indentLines,
  joinSource,
  describe,
  at,
  positionAt,
  notACollection,
  unsupported,
  isNodeValue,
  isNullScalar,
  nest,
} from './yamlSource';
import type { Source, YamlPath } from './yamlTypes';

export { readForEdit } from './yamlSource';

/** Where a node sits: as the value of a pair in a map, or as an item of a list. */
type Place = { kind: 'pair'; map: YAMLMap; pair: Pair } | { kind: 'item'; seq: YAMLSeq; index: number };

interface Found {
  node: Node;
  place: Place | undefined;
}

/**
 * Sets the value at `path` (map keys and list indexes). Missing map keys are created, at the end
 * of their map; `undefined` removes the key. A scalar keeps its quoting style when the new value
 * allows it; multi-line strings become `|` block scalars.
 */
export function setValue(text: string, path: YamlPath, value: unknown): string {
  const src = openSource(text);
  if (path.length === 0) throw new EditError('cannot replace the whole file');
  refuseSharedNodes(src, path);
  if (value === undefined) return removeKey(src, path);
  checkPlainData(value, path);
  const expected = src.doc.clone();
  setInDoc(expected, path, value);
  return finish(src, spliceSet(src, path, value), expected);
}

/** Appends `value` to the list at `path`; creates the list when the key is missing or empty. */
export function appendItem(text: string, path: YamlPath, value: unknown): string {
  const src = openSource(text);
  checkPlainData(value, path);
  refuseSharedNodes(src, path);
  const found = findNode(src, path);
  if (!found || isNullScalar(found.node)) return setValue(text, path, [value]);
  const seq = found.node;
  if (!isSeq(seq)) throw new EditError(`${describe(path)} is not a list`, ...at(src, path));
  const expected = src.doc.clone();
  (expected.getIn(path, true) as YAMLSeq).add(expected.createNode(value));
  let body: string;
  if (seq.items.length === 0) {
    if (seq.flow && !(found.place && placeIsFlow(found.place))) {
      // An empty `[]` in block context becomes a block list: there is nothing in it to preserve.
      body = replaceNode(src, found.node, found.place, [value]);
    } else {
      const open = seq.range![0] + 1;
      body = splice(src.body, open, open, renderFlow(value));
    }
  } else if (seq.flow) {
    const end = contentEnd(src.body, seq.items[seq.items.length - 1] as Node);
    body = splice(src.body, end, end, `, ${renderFlow(value)}`);
  } else {
    const dashCol = columnOf(src.body, seq.range![0]);
    const { first, rest } = renderBlock(value, 'item', src.style);
    const lines = [`${' '.repeat(dashCol)}- ${first}`, ...indentLines(rest, dashCol)];
    body = insertLinesAfter(src.body, contentEnd(src.body, seq.items[seq.items.length - 1] as Node), lines);
  }
  return finish(src, body, expected);
}

/** Removes item `index` of the list at `path`, with its line and inline comment. */
export function removeItem(text: string, path: YamlPath, index: number): string {
  const src = openSource(text);
  refuseSharedNodes(src, path, index);
  return removeItemFrom(src, path, index);
}

function removeItemFrom(src: Source, path: YamlPath, index: number): string {
  const found = findNode(src, path);
  if (!found || !isSeq(found.node)) throw new EditError(`${describe(path)} is not a list`, ...at(src, path));
  const seq = found.node;
  if (!Number.isInteger(index) || index < 0 || index >= seq.items.length) {
    throw new EditError(`${describe(path)} has no item ${index} (it has ${seq.items.length})`, ...at(src, path));
  }
  const expected = src.doc.clone();
  expected.deleteIn([...path, index]);
  const item = seq.items[index] as Node;
  let body: string;
  if (seq.flow) {
    body = cutFlowEntry(src.body, seq.items as Node[], index, item.range![0], contentEnd(src.body, item));
  } else if (seq.items.length === 1) {
    body = replaceNode(src, seq, found.place, []);
  } else {
    const dashCol = columnOf(src.body, seq.range![0]);
    const lineBegin = lineStart(src.body, dashOf(src.body, seq, index));
    const ownLine = src.body.slice(lineBegin, lineBegin + dashCol).trim() === '';
    if (ownLine) {
      body = splice(src.body, lineBegin, afterLine(src.body, contentEnd(src.body, item)), '');
    } else {
      // A compact first item such as `- - a`: cut up to where the next item starts.
      const next = seq.items[index + 1] as Node | undefined;
      if (!next) throw unsupported(src, path);
      body = splice(src.body, item.range![0], lineStart(src.body, next.range![0]) + dashCol + 2, '');
    }
  }
  return finish(src, body, expected);
}

// ---------------------------------------------------------------------------------------------
// Set and remove

function spliceSet(src: Source, path: YamlPath, value: unknown): string {
  let node: Node = src.doc.contents as Node;
  let place: Place | undefined;
  for (let i = 0; i < path.length; i++) {
    const rest = path.slice(i + 1);
    if (isMap(node)) {
      const pair = findPair(node, path[i]);
      if (!pair) return insertPair(src, node, String(path[i]), nest(rest, value));
      place = { kind: 'pair', map: node, pair };
      if (!isNodeValue(pair.value)) throw unsupported(src, path.slice(0, i + 1));
      node = pair.value;
    } else if (isSeq(node)) {
      const index = itemIndex(src, node, path, i);
      place = { kind: 'item', seq: node, index };
      node = node.items[index] as Node;
    } else {
      throw notACollection(src, path.slice(0, i), node);
    }
    if (rest.length === 0) return replaceNode(src, node, place, value);
    if (isNullScalar(node)) return replaceNode(src, node, place, nest(rest, value));
  }
  throw unsupported(src, path);
}

function removeKey(src: Source, path: YamlPath): string {
  const parent =
    path.length === 1 ? { node: src.doc.contents as Node, place: undefined } : findNode(src, path.slice(0, -1));
  if (!parent || isNullScalar(parent.node)) return joinSource(src, src.body);
  const map = parent.node;
  const last = path[path.length - 1];
  if (isSeq(map) && typeof last === 'number') return removeItemFrom(src, path.slice(0, -1), last);
  if (!isMap(map)) throw notACollection(src, path.slice(0, -1), map);
  const index = map.items.findIndex((pair) => keyMatches(pair, last));
  if (index < 0) return joinSource(src, src.body);
  const expected = src.doc.clone();
  expected.deleteIn(path);
  const pair = map.items[index];
  const key = pair.key as Node;
  const end = contentEnd(src.body, isNodeValue(pair.value) ? pair.value : key);
  let body: string;
  if (map.flow) {
    body = cutFlowEntry(
      src.body,
      map.items.map((p) => p.key as Node),
      index,
      key.range![0],
      end,
    );
  } else if (map.items.length === 1) {
    if (!parent.place) throw new EditError('cannot remove the last key of the file');
    body = replaceNode(src, map, parent.place, {});
  } else {
    const lineBegin = lineStart(src.body, key.range![0]);
    if (src.body.slice(lineBegin, key.range![0]).trim() === '') {
      body = splice(src.body, lineBegin, afterLine(src.body, end), '');
    } else {
      // The first key of a map that is a list item (`- id: a`): the next key moves up after the dash.
      const next = map.items[index + 1]?.key as Node | undefined;
      if (!next?.range) throw unsupported(src, path);
      body = splice(src.body, key.range![0], next.range[0], '');
    }
  }
  return finish(src, body, expected);
}

/** Replaces the value `node` (at `place`) with `value`, keeping what surrounds it. */
function replaceNode(src: Source, node: Node, place: Place | undefined, value: unknown): string {
  const body = src.body;
  if (!place) throw new EditError('cannot replace the whole file');
  if (
    placeIsFlow(place) ||
    (isCollection(node) && node.flow && node.items.length > 0 && typeof value === 'object' && value !== null)
  ) {
    // Inside a flow collection, or a non-empty flow collection replaced by another: stays flow style.
    return splice(body, node.range![0], contentEnd(body, node), renderFlow(value, preferredType(node, value)));
  }
  const stringType = preferredType(node, value);
  if (place.kind === 'pair') {
    const key = place.pair.key as Node;
    const keyCol = columnOf(body, key.range![0]);
    const colonEnd = findColonEnd(body, key.range![1]);
    if (colonEnd < 0) throw new EditError('cannot edit a key written in this form', ...positionAt(src, key.range![0]));
    const rendered = renderBlock(value, 'pair', src.style, stringType);
    const head = rendered.first.replace(/^ /, '');
    const rest = indentLines(rendered.rest, keyCol);
    if (isCollection(node) && !node.flow) {
      // The old value sits on its own lines below the key.
      const end = contentEnd(body, node);
      if (head === '') return splice(body, lineStart(body, node.range![0]), end, rest.join('\n'));
      const keyLineEnd = lineEnd(body, colonEnd);
      const cut = splice(body, keyLineEnd, end, rest.length > 0 ? `\n${rest.join('\n')}` : '');
      return splice(cut, colonEnd, colonEnd, ` ${head}`);
    }
    const empty = node.range![0] === node.range![1];
    const start = empty ? colonEnd : node.range![0];
    const end = empty ? colonEnd : contentEnd(body, node);
    if (rest.length === 0) return splice(body, start, end, `${empty ? ' ' : ''}${head}`);
    const lineE = lineEnd(body, end);
    const tail = body.slice(end, lineE).trim();
    const comment = tail === '' ? '' : ` ${tail}`;
    if (head === '') return splice(body, colonEnd, lineE, `${comment}\n${rest.join('\n')}`);
    return splice(body, start, lineE, `${empty ? ' ' : ''}${head}${comment}\n${rest.join('\n')}`);
  }
  const dashCol = columnOf(body, place.seq.range![0]);
  const rendered = renderBlock(value, 'item', src.style, stringType);
  const rest = indentLines(rendered.rest, dashCol);
  const empty = node.range![0] === node.range![1];
  const start = node.range![0];
  const end = empty ? start : contentEnd(body, node);
  const lead = empty && body[start - 1] === '-' ? ' ' : '';
  // Only items written after their dash (`- value`, `- key: value`) are replaced in place.
  if (body[lineStart(body, start) + dashCol] !== '-')
    throw new EditError('cannot edit a list item written in this form', ...positionAt(src, start));
  if (rest.length === 0) return splice(body, start, end, `${lead}${rendered.first}`);
  const lineE = lineEnd(body, end);
  const tail = isCollection(node) && !node.flow ? '' : body.slice(end, lineE).trim();
  const stop = tail === '' ? end : lineE;
  return splice(body, start, stop, `${lead}${rendered.first}${tail === '' ? '' : ` ${tail}`}\n${rest.join('\n')}`);
}

function insertPair(src: Source, map: YAMLMap, key: string, value: unknown): string {
  const body = src.body;
  if (map.flow) {
    const type = hasMultilineText(value) ? 'QUOTE_DOUBLE' : undefined;
    const pairText = stringify({ [key]: value }, { ...flowOptions(type), defaultKeyType: 'PLAIN' })
      .trimEnd()
      .slice(1, -1);
    if (map.items.length === 0) return splice(body, map.range![0] + 1, map.range![0] + 1, pairText);
    const last = map.items[map.items.length - 1];
    const end = contentEnd(body, isNodeValue(last.value) ? last.value : (last.key as Node));
    return splice(body, end, end, `, ${pairText}`);
  }
  const keyCol = columnOf(body, map.range![0]);
  const text = stringify({ [key]: value }, blockOptions(src.style)).replace(/\n$/, '');
  const lines = indentLines(text.split('\n'), keyCol);
  const last = map.items[map.items.length - 1];
  if (!last) throw new EditError(`cannot add "${key}" to an empty map written in this form`);
  return insertLinesAfter(body, contentEnd(body, isNodeValue(last.value) ? last.value : (last.key as Node)), lines);
}

/** Removes entry `index` of a flow collection with its comma. */
function cutFlowEntry(body: string, starts: Node[], index: number, start: number, end: number): string {
  const next = starts[index + 1];
  if (next?.range) return splice(body, start, next.range[0], '');
  const previous = starts[index - 1];
  if (previous) {
    const commaAt = body.lastIndexOf(',', start);
    return splice(body, commaAt, end, '');
  }
  return splice(body, start, end, '');
}

// ---------------------------------------------------------------------------------------------
// Finding nodes

function findNode(src: Source, path: YamlPath): Found | undefined {
  let node: Node = src.doc.contents as Node;
  let place: Place | undefined;
  for (let i = 0; i < path.length; i++) {
    if (isMap(node)) {
      const pair = findPair(node, path[i]);
      if (!pair) return undefined;
      if (!isNodeValue(pair.value)) throw unsupported(src, path.slice(0, i + 1));
      place = { kind: 'pair', map: node, pair };
      node = pair.value;
    } else if (isSeq(node)) {
      const index = itemIndex(src, node, path, i);
      place = { kind: 'item', seq: node, index };
      node = node.items[index] as Node;
    } else if (isNullScalar(node)) {
      return undefined;
    } else {
      throw notACollection(src, path.slice(0, i), node);
    }
  }
  return { node, place };
}

function findPair(map: YAMLMap, key: string | number): Pair | undefined {
  return map.items.find((pair) => keyMatches(pair, key));
}

function keyMatches(pair: Pair, key: string | number): boolean {
  return isScalar(pair.key) && String(pair.key.value) === String(key);
}

function placeIsFlow(place: Place): boolean {
  return place.kind === 'pair' ? Boolean(place.map.flow) : Boolean(place.seq.flow);
}

/** `path[i]` as a valid index into `seq`, or an error naming the list and its length. */
function itemIndex(src: Source, seq: YAMLSeq, path: YamlPath, i: number): number {
  const index = path[i];
  if (typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < seq.items.length) return index;
  const list = path.slice(0, i);
  throw new EditError(`${describe(list)} has no item ${String(index)} (it has ${seq.items.length})`, ...at(src, list));
}
