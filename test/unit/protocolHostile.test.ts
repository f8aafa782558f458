// Hostile messages derived from a valid sample of every message type: each one must be refused.
// The samples cover every `type` and every edit `op` the protocol knows (checked below), so a new
// message type without a sample fails here before it ships unguarded.
import assert from 'node:assert/strict';
import { EDIT_CHECKS } from '../../src/protocol/edit';
import { EXCHANGE_CHECKS } from '../../src/protocol/exchange';
import { PRIVATE_NOTES_CHECKS } from '../../src/protocol/privateNotes';
import { HISTORY_CHECKS } from '../../src/protocol/history';
import { parseWebviewMessage } from '../../src/protocol/messages';
import { REVIEW_CHECKS } from '../../src/protocol/review';
import { SIDEBAR_CHECKS } from '../../src/protocol/sidebar';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Msg = { [key: string]: Json };

const PLAN = '.mentoring/pairs/ana--ben/plan.yaml';
const AGENDA = '.mentoring/pairs/ana--ben/sessions/2026-11-20.yaml';
const edit = (op: Msg): Msg => ({ type: 'edit', id: 1, file: PLAN, edit: op });

/** Every message type, with every optional key present, so each key is exercised. */
const SAMPLES: Msg[] = [
  { type: 'ready' },
  { type: 'selectPair', pairId: 'ana--ben' },
  { type: 'pickMe', handle: 'ana' },
  { type: 'openFile', file: '.mentoring/program.yaml', line: 3, col: 1 },
  { type: 'openCode', file: '.mentoring/pairs/ana--ben/feedback/2026-11-20-retry.yaml' },
  { type: 'run', command: 'refresh' },
  { type: 'loadHistory', pairId: 'ana--ben' },
  { type: 'openHistoryEvent', pairId: 'ana--ben', commit: 'a'.repeat(40), file: PLAN },
  { type: 'openHistoryEvent', pairId: 'ana--ben', commit: 'b'.repeat(64), file: PLAN },
  { type: 'loadProposals' },
  { type: 'reviewProposal', branch: 'mentoring/ana--ben/plan-2026-11-20' },
  { type: 'prepareAgenda', id: 2, pairId: 'ana--ben', date: '2028-02-29' },
  { type: 'commitAgenda', id: 3, file: AGENDA },
  { type: 'askFeedback', id: 4, pairId: 'ana--ben', question: 'Is this clear?', kind: 'code', goal: 'design' },
  { type: 'loadExchange' },
  { type: 'openInboxItem', itemId: 'feedback-answered:.mentoring/pairs/ana--ben/feedback/x.yaml:2026-11-20' },
  { type: 'pullMentoring' },
  { type: 'markNewsSeen', pairId: 'ana--ben' },
  { type: 'share', id: 5, pairId: 'ana--ben' },
  { type: 'fetchMentoring', id: 6 },
  { type: 'savePrivateNote', id: 7, pairId: 'ana--ben', date: '2026-11-21', text: 'mine' },
  edit({ op: 'addGoal', title: 'Design', why: 'Grow', mentorHelp: 'Review', due: '2026-12-01' }),
  edit({
    op: 'updateGoal',
    goalId: 'design',
    changes: { title: 'Design', why: 'w', mentorHelp: 'm', due: '2026-12-01', status: 'in-progress' },
  }),
  edit({ op: 'completeGoal', goalId: 'design' }),
  edit({ op: 'dropGoal', goalId: 'design' }),
  edit({ op: 'addBenchmark', goalId: 'design', text: 'Ship it' }),
  edit({ op: 'setBenchmarkDone', goalId: 'design', index: 0, done: true }),
  edit({ op: 'addEvidence', goalId: 'design', url: 'https://example.com/pr/1' }),
  edit({ op: 'addListItem', list: 'ideas', text: 'Pairing' }),
  edit({ op: 'addTopic', question: 'How?', goal: 'design' }),
  edit({ op: 'removeItem', list: 'topics', index: 1 }),
  edit({ op: 'addAction', text: 'Read the RFC', owner: 'ana', due: '2026-12-01' }),
  edit({ op: 'setActionDone', list: 'actions', index: 0, done: false }),
  edit({ op: 'setNextSession', date: '2026-12-04' }),
  edit({ op: 'setText', field: 'notes', value: 'Went well.\nMore next time.' }),
  edit({ op: 'answerFeedback', answer: 'Yes.' }),
  edit({ op: 'closeFeedback' }),
];

/** Keys a message may leave out (the rest are required): `<type or op>.<key>`. */
const OPTIONAL = new Set([
  'savePrivateNote.date',
  'pickMe.handle',
  'openFile.line',
  'openFile.col',
  'askFeedback.goal',
  'addGoal.why',
  'addGoal.mentorHelp',
  'addGoal.due',
  'changes.title',
  'changes.why',
  'changes.mentorHelp',
  'changes.due',
  'changes.status',
  'addTopic.goal',
  'addAction.due',
]);
/** Free text a person typed (and an inbox item's opaque id, made from an action's text): `..` or a path is fine in it; control characters and huge sizes are not. */
const FREE_TEXT = new Set(['title', 'why', 'mentorHelp', 'text', 'question', 'value', 'answer', 'url', 'itemId']);

/** Keys holding a path relative to the workspace root. */
const PATHS = new Set(['file']);
const HOSTILE_PATHS = [
  '..',
  'a/../../b',
  '../../etc/passwd',
  '/etc/passwd',
  'C:\\Windows',
  '\\\\host\\share',
  'a\nb',
  '',
  '-x',
];
const HOSTILE_NAMES = [...HOSTILE_PATHS, 'Ana', 'a--b--c', 'a b', 'a_b', 'ana--', '--ana'];
const TOO_LONG = 'a'.repeat(20_001);
const CONTROLS = ['a\u001b]0;pwned\u0007', 'a\u0000b', 'a\u009bc', 'a\u202eb'];
const IMPOSSIBLE_DATES = ['2026-02-30', '2026-13-01', '2026-00-10', '2027-02-29'];

interface Variant {
  why: string;
  message: unknown;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const isRecord = (v: Json): v is Msg => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every object inside `message` (itself included) with the name its keys are known by. */
function objectsOf(message: Msg): { path: string[]; name: string }[] {
  const found: { path: string[]; name: string }[] = [];
  const walk = (value: Msg, path: string[], name: string) => {
    found.push({ path, name });
    for (const [key, child] of Object.entries(value))
      if (isRecord(child)) walk(child, [...path, key], key === 'edit' ? String(child.op) : key);
  };
  walk(message, [], String(message.type));
  return found;
}

function at(message: Msg, path: string[]): Msg {
  return path.reduce<Msg>((v, key) => v[key] as Msg, message);
}

function derive(sample: Msg): Variant[] {
  const variants: Variant[] = [];
  const withChange = (why: string, path: string[], change: (target: Msg) => void) => {
    const message = clone(sample);
    change(at(message, path));
    variants.push({ why, message });
  };
  for (const { path, name } of objectsOf(sample)) {
    const where = [...path].join('.') || '(top)';
    const target = at(sample, path);
    for (const key of Object.keys(target)) {
      if (!OPTIONAL.has(`${name}.${key}`) && key !== 'type' && key !== 'op')
        withChange(`drop ${where}.${key}`, path, (t) => delete t[key]);
      const value = target[key];
      const replace = (label: string, next: Json) =>
        withChange(`${where}.${key} ${label}`, path, (t) => (t[key] = next));
      if (typeof value === 'string') {
        const isDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
        const hostile = FREE_TEXT.has(key)
          ? []
          : PATHS.has(key)
            ? HOSTILE_PATHS
            : isDate
              ? HOSTILE_PATHS.slice(0, 4)
              : HOSTILE_NAMES;
        for (const bad of hostile) replace(`= ${JSON.stringify(bad)}`, bad);
        replace('too long', TOO_LONG);
        for (const control of CONTROLS) replace(`with control ${JSON.stringify(control)}`, control);
        if (isDate) for (const date of IMPOSSIBLE_DATES) replace(`= ${date}`, date);
        replace('= a number', 7);
      } else if (typeof value === 'number') {
        for (const bad of [-1, 1.5, '1', null]) replace(`= ${JSON.stringify(bad)}`, bad);
      } else if (typeof value === 'boolean') {
        replace('= "true"', 'true');
      }
    }
    withChange(`extra key at ${where}`, path, (t) => (t.extra = 'x'));
    withChange(`constructor at ${where}`, path, (t) =>
      Object.defineProperty(t, 'constructor', { value: 'x', enumerable: true }),
    );
    // JSON.parse makes `__proto__` an own key, as a message from the webview would carry it.
    const message = clone(sample);
    const parsed = JSON.parse(JSON.stringify(message).replace(/^\{/, '{"__proto__":{"x":1},')) as Msg;
    if (path.length === 0) variants.push({ why: '__proto__ at (top)', message: parsed });
    else {
      const inner = JSON.parse(JSON.stringify(at(message, path)).replace(/^\{/, '{"__proto__":{"x":1},')) as Msg;
      const parent = at(message, path.slice(0, -1));
      parent[path[path.length - 1]] = inner;
      variants.push({ why: `__proto__ at ${where}`, message });
    }
  }
  return variants;
}

describe('protocol: hostile messages derived from every message type', () => {
  it('has a valid sample of every message type and every edit op, and accepts each', () => {
    const types = Object.keys({
      ...SIDEBAR_CHECKS,
      ...HISTORY_CHECKS,
      ...REVIEW_CHECKS,
      ...EDIT_CHECKS,
      ...EXCHANGE_CHECKS,
      ...PRIVATE_NOTES_CHECKS,
    });
    assert.deepEqual([...new Set(SAMPLES.map((m) => m.type))].sort(), types.sort());
    const ops = SAMPLES.filter((m) => m.type === 'edit').map((m) => (m.edit as Msg).op);
    assert.equal(new Set(ops).size, 16, 'one sample per edit op');
    for (const sample of SAMPLES) assert.deepEqual(parseWebviewMessage(sample), sample, JSON.stringify(sample));
  });

  it('refuses every derived variant: a key dropped or added, a hostile string, an impossible date', () => {
    const accepted: string[] = [];
    let count = 0;
    for (const sample of SAMPLES)
      for (const { why, message } of derive(sample)) {
        count++;
        if (parseWebviewMessage(message) !== undefined) accepted.push(`${String(sample.type)}: ${why}`);
      }
    assert.deepEqual(accepted, []);
    assert.ok(count > 1000, `only ${count} variants derived`);
  });

  it('refuses a pair whose mentee is its mentor, and a commit id of another length', () => {
    for (const message of [
      { type: 'selectPair', pairId: 'ana--ana' },
      { type: 'openHistoryEvent', pairId: 'ana--ben', commit: 'a'.repeat(41), file: PLAN },
      { type: 'openHistoryEvent', pairId: 'ana--ben', commit: 'A'.repeat(40), file: PLAN },
      { type: 'openFile', file: '.mentoring/./program.yaml' },
      { type: 'openFile', file: '.mentoring//program.yaml' },
    ])
      assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
  });

  it('refuses an object with a prototype other than a plain object', () => {
    const sneaky = Object.create({ file: PLAN }) as Msg;
    sneaky.type = 'commitAgenda';
    sneaky.id = 1;
    assert.equal(parseWebviewMessage(sneaky), undefined);
  });
});
