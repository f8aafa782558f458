import assert from 'node:assert/strict';
import { SCHEMAS } from '../../src/core/folder/schemas';
import { parseWebviewMessage } from '../../src/protocol/messages';
import { parseOverviewMessage } from '../../src/protocol/overview';
import {
  CHANNELS,
  DRIVERS,
  FEEDBACK_KINDS,
  FEEDBACK_STATUSES,
  GOAL_STATUSES,
  INITIATED_BY,
  PLAN_STATUSES,
  ROLES,
} from '../../src/shared/vocabulary';

const COMMIT = 'a'.repeat(40);
const edit = (op: object) => ({ type: 'edit', id: 1, file: '.mentoring/pairs/ana--ben/plan.yaml', edit: op });

describe('protocol: what the extension accepts from the webview', () => {
  it('accepts a well-formed message of every area', () => {
    const messages = [
      { type: 'ready' },
      { type: 'selectPair', pairId: 'ana--ben' },
      { type: 'pickMe' },
      { type: 'openFile', file: '.mentoring/program.yaml', line: 3, col: 1 },
      { type: 'run', command: 'refresh' },
      { type: 'loadHistory', pairId: 'ana--ben' },
      { type: 'openHistoryEvent', pairId: 'ana--ben', commit: COMMIT, file: '.mentoring/pairs/ana--ben/plan.yaml' },
      { type: 'loadProposals' },
      { type: 'reviewProposal', branch: 'mentoring/ana--ben/plan-2026-11-20' },
      { type: 'prepareAgenda', id: 2, pairId: 'ana--ben', date: '2028-02-29' },
      { type: 'commitAgenda', id: 3, file: '.mentoring/pairs/ana--ben/sessions/2026-11-20.yaml' },
      { type: 'askFeedback', id: 4, pairId: 'ana--ben', question: 'Is this clear?', kind: 'code', goal: 'design' },
      edit({ op: 'updateGoal', goalId: 'design', changes: { status: 'in-progress', due: '' } }),
      edit({ op: 'addAction', text: 'Read the RFC', owner: 'ana', due: '2026-12-01' }),
      edit({ op: 'closeFeedback' }),
      edit({ op: 'reopenGoal', goalId: 'design' }),
    ];
    for (const message of messages) assert.deepEqual(parseWebviewMessage(message), message, JSON.stringify(message));
  });

  it('refuses a message with a key the protocol does not name, at any depth', () => {
    const messages = [
      { type: 'ready', extra: true },
      { type: 'selectPair', pairId: 'ana--ben', pair: 'ana--ben' },
      { type: 'prepareAgenda', id: 2, pairId: 'ana--ben', date: '2026-11-20', prepared_by: 'ben' },
      edit({ op: 'completeGoal', goalId: 'design', status: 'done' }),
      edit({ op: 'reopenGoal', goalId: 'design', status: 'planned' }),
      edit({ op: 'reopenGoal', goalId: '' }),
      edit({ op: 'updateGoal', goalId: 'design', changes: { title: 'Design', mentor_help: 'x' } }),
    ];
    for (const message of messages) assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
  });

  it('refuses a goal status, feedback kind or command that is not in the lists', () => {
    const messages = [
      edit({ op: 'updateGoal', goalId: 'design', changes: { status: 'finished' } }),
      edit({ op: 'updateGoal', goalId: 'design', changes: { status: 'Done' } }),
      { type: 'askFeedback', id: 4, pairId: 'ana--ben', question: 'Is this clear?', kind: 'style' },
      { type: 'run', command: 'workbench.action.terminal.new' },
      edit({ op: 'removeItem', list: 'notes', index: 0 }),
    ];
    for (const message of messages) assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
  });

  it('refuses a date that is not a real YYYY-MM-DD day', () => {
    for (const date of ['2026-02-30', '2026-13-01', '26-11-20', '2026-11-20T10:00', '']) {
      const messages = [
        { type: 'prepareAgenda', id: 2, pairId: 'ana--ben', date },
        edit({ op: 'setNextSession', date }),
        ...(date === '' ? [] : [edit({ op: 'addGoal', title: 'Design', due: date })]),
      ];
      for (const message of messages) assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
    }
  });

  it('refuses what is not a message: unknown or inherited types, lists, null', () => {
    for (const value of [null, 'ready', [], { type: 'toString' }, { type: '__proto__' }, { type: 'deleteFile' }]) {
      assert.equal(parseWebviewMessage(value), undefined, JSON.stringify(value));
    }
    assert.equal(parseWebviewMessage(edit({ op: 'hasOwnProperty' })), undefined);
  });
});

describe('vocabulary: one list each, the same in the JSON Schemas', () => {
  type Schema = { properties: Record<string, Schema>; items: Schema; enum: string[] };
  const schema = (kind: keyof typeof SCHEMAS) => SCHEMAS[kind] as Schema;

  it('matches every enum of the schemas', () => {
    const plan = schema('plan').properties;
    assert.deepEqual(plan.initiated_by.enum, INITIATED_BY);
    assert.deepEqual(plan.status.enum, PLAN_STATUSES);
    assert.deepEqual(plan.driver.enum, DRIVERS);
    assert.deepEqual(plan.agreement.properties.channel.enum, CHANNELS);
    assert.deepEqual(plan.goals.items.properties.status.enum, GOAL_STATUSES);
    assert.deepEqual(schema('program').properties.defaults.properties.channel.enum, CHANNELS);
    assert.deepEqual(schema('person').properties.roles.items.enum, ROLES);
    assert.deepEqual(schema('feedback').properties.kind.enum, FEEDBACK_KINDS);
    assert.deepEqual(schema('feedback').properties.status.enum, FEEDBACK_STATUSES);
  });
});

describe('protocol: what the extension accepts from the Program Overview panel', () => {
  it("accepts its two commands exactly, and refuses the sidebar's, extra keys and odd values", () => {
    for (const message of [{ type: 'overviewReady' }, { type: 'overviewRefresh' }])
      assert.deepEqual(parseOverviewMessage(message), message);
    const refused: unknown[] = [
      { type: 'overviewReady', pair: 'ana--ben' },
      { type: 'overviewRefresh', __proto__: { x: 1 } },
      { type: 'ready' },
      { type: 'loadHistory', pairId: 'ana--ben' },
      { type: 'toString' },
      Object.create({ type: 'overviewReady' }),
      ['overviewReady'],
      'overviewReady',
      null,
    ];
    for (const message of refused) assert.equal(parseOverviewMessage(message), undefined, JSON.stringify(message));
  });
});
