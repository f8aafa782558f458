// The JSON Schemas in schemas/ are the one definition of each file's shape: VS Code's YAML
// support uses them for completion and hover, and this module validates with them (ajv's
// standalone code, compiled at build time by scripts/compileSchemas.mjs: no schema compiler
// ships or runs) and turns ajv's errors into sentences at the right position.
import type { ErrorObject } from 'ajv';
import feedbackSchema from '../../../schemas/feedback.schema.json';
import personSchema from '../../../schemas/person.schema.json';
import planSchema from '../../../schemas/plan.schema.json';
import retroSchema from '../../../schemas/retro.schema.json';
import programSchema from '../../../schemas/program.schema.json';
import sessionSchema from '../../../schemas/session.schema.json';
import { ISO_DATE } from '../../shared/dates';
import type { FileKind } from './model';
import { HANDLE_PATTERN } from './names';
import { unknownKey } from './unknownKeys';
import * as compiled from './validators.generated';
import { positionOfPath, type ParsedYaml, type TextProblem } from './yamlText';

export const SCHEMAS: Readonly<Record<FileKind, object>> = {
  program: programSchema,
  person: personSchema,
  plan: planSchema,
  session: sessionSchema,
  feedback: feedbackSchema,
  retro: retroSchema,
};

export interface SchemaProblem extends TextProblem {
  /** Where in the data, for example `['goals', 0, 'status']`. */
  path: (string | number)[];
  /** Set for an unknown key (see unknownKeys.ts); every other schema problem is an error. */
  severity?: 'warning';
}

const validators: Readonly<Record<FileKind, compiled.Validate>> = compiled;

/**
 * Checks `data` against the schema of its kind. Each problem names the key in words a user
 * understands ("goals[0].status must be one of planned, in-progress, done, dropped") and sits
 * at that key's line and column in `parsed` (the file's parsed YAML, when there is one).
 */
export function validateAgainstSchema(kind: FileKind, data: unknown, parsed?: ParsedYaml): SchemaProblem[] {
  const validate = validators[kind];
  if (validate(data)) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    if (error.keyword === 'additionalProperties') {
      const path = [...dataPath(error), String((error.params as { additionalProperty: unknown }).additionalProperty)];
      const position = parsed ? positionOfPath(parsed, path) : { line: 1, col: 1 };
      const { message } = unknownKey(SCHEMAS[kind], error.schemaPath, String(path[path.length - 1]));
      problems.push({ ...position, message, path, severity: 'warning' });
      continue;
    }
    // A value that fits none of a `oneOf`'s forms also gets each form's own error, at the same
    // place, saying what it wants; the forms in the schemas never overlap, so that is all to say.
    if (error.keyword === 'oneOf') continue;
    const path = dataPath(error);
    const message = describe(error, path, data);
    const key = `${path.join('/')}\n${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const position = parsed ? positionOfPath(parsed, path) : { line: 1, col: 1 };
    problems.push({ ...position, message, path });
  }
  // ajv reports in schema order; a reader goes down the file.
  return problems.sort((a, b) => a.line - b.line || a.col - b.col);
}

/** `['goals', 0, 'status']` → `goals[0].status`. */
export function formatDataPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

function dataPath(error: ErrorObject): (string | number)[] {
  const path: (string | number)[] = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  return path;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function describe(error: ErrorObject, path: (string | number)[], data: unknown): string {
  const where = formatDataPath(path);
  const value = valueAt(data, path);
  const shown = showValue(value);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return where === '' ? `missing required key "${missing}"` : `${where}: missing required key "${missing}"`;
    }
    case 'type': {
      if (where === '') return 'the file must hold a mapping of keys and values (like "name: Ana")';
      return `${where} must be ${typeWords(String(params.type))}, not ${kindOf(value)}`;
    }
    case 'enum':
      return `${where} must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')} (not ${shown})`;
    case 'format':
      if (params.format === 'date') {
        return typeof value === 'string' && ISO_DATE.test(value)
          ? `${where}: ${value} is not a real date`
          : `${where}: ${shown} is not a date written YYYY-MM-DD`;
      }
      if (params.format === 'email') return `${where}: ${shown} is not an email address`;
      return `${where}: ${shown} is not a valid ${String(params.format)}`;
    case 'pattern':
      if (params.pattern === HANDLE_PATTERN.source) {
        return `${where}: ${shown} is not allowed; use lower-case letters, digits and single hyphens (like "ana" or "ben-k")`;
      }
      if (path[path.length - 1] === 'commit') return `${where}: ${shown} is not a commit hash`;
      return `${where}: ${shown} does not have the expected form`;
    case 'maxLength':
      return `${where} must be at most ${String(params.limit)} characters long`;
    case 'minLength':
      return `${where} must not be empty`;
    case 'minimum':
      return `${where} must be at least ${String(params.limit)} (not ${shown})`;
    case 'maximum':
      return `${where} must be at most ${String(params.limit)} (not ${shown})`;
    case 'minItems':
    case 'maxItems':
      if (path[path.length - 1] === 'lines') return `${where} must be two line numbers: [first, last]`;
      return `${where} must have ${error.keyword === 'minItems' ? 'at least' : 'at most'} ${String(params.limit)} items`;
    case 'uniqueItems':
      return `${where} lists the same value twice (items ${String(params.j)} and ${String(params.i)})`;
    default:
      return `${where === '' ? 'the file' : where} is not valid (${error.keyword})`;
  }
}

function typeWords(type: string): string {
  const words: Record<string, string> = {
    string: 'text',
    null: 'null',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping of keys and values',
  };
  return type
    .split(',')
    .map((t) => words[t] ?? t)
    .join(' or ');
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text ${showValue(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  return typeof value;
}

function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === undefined) return 'nothing';
  if (value !== null && typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a mapping';
  return String(value);
}
