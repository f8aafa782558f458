// Runtime validation of every message the webview sends: nothing from the webview is acted on
// before it passes these checks (types alone vanish at run time).
import { FEEDBACK_KINDS, GOAL_STATUSES } from './messages';
import type { EditOp, WebviewMessage, WebviewRequest } from './messages';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 20_000;
const COMMIT = /^[0-9a-f]{40}$/;
/** A review branch: `mentoring/<mentee>--<mentor>/<what>-<date>`, names as names.ts allows them. */
export const REVIEW_BRANCH = /^mentoring\/[a-z0-9]+(-[a-z0-9]+)*--[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;
const isText = (v: unknown): v is string => isStr(v) && v.trim() !== '';
const isOptStr = (v: unknown): boolean => v === undefined || isStr(v);
const isDate = (v: unknown): v is string => typeof v === 'string' && DATE.test(v);
const isOptDate = (v: unknown): boolean => v === undefined || v === '' || isDate(v);
const isIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < 10_000;
const isId = (v: unknown): v is number => Number.isSafeInteger(v);
const isRel = (v: unknown): v is string => isStr(v, 1000) && v !== '' && !v.includes('\0');
const isGoalId = (v: unknown): v is string => isStr(v, 200) && v !== '';
const oneOf = <T extends string>(v: unknown, values: readonly T[]): v is T =>
  typeof v === 'string' && (values as readonly string[]).includes(v);

function isGoalChanges(v: unknown): boolean {
  if (!isObj(v)) return false;
  const allowed = ['title', 'why', 'mentorHelp', 'due', 'status'];
  if (Object.keys(v).some((k) => !allowed.includes(k))) return false;
  return (
    (v.title === undefined || isText(v.title)) &&
    isOptStr(v.why) &&
    isOptStr(v.mentorHelp) &&
    isOptDate(v.due) &&
    (v.status === undefined || oneOf(v.status, GOAL_STATUSES))
  );
}

export function isEditOp(v: unknown): v is EditOp {
  if (!isObj(v)) return false;
  switch (v.op) {
    case 'addGoal':
      return isText(v.title) && isOptStr(v.why) && isOptStr(v.mentorHelp) && isOptDate(v.due);
    case 'updateGoal':
      return isGoalId(v.goalId) && isGoalChanges(v.changes);
    case 'completeGoal':
    case 'dropGoal':
      return isGoalId(v.goalId);
    case 'addBenchmark':
      return isGoalId(v.goalId) && isText(v.text);
    case 'setBenchmarkDone':
      return isGoalId(v.goalId) && isIndex(v.index) && typeof v.done === 'boolean';
    case 'addEvidence':
      return isGoalId(v.goalId) && isText(v.url);
    case 'addListItem':
      return oneOf(v.list, ['objectives', 'ideas'] as const) && isText(v.text);
    case 'addTopic':
      return isText(v.question) && (v.goal === undefined || isGoalId(v.goal));
    case 'removeItem':
      return oneOf(v.list, ['objectives', 'ideas', 'topics', 'actions', 'follow_ups'] as const) && isIndex(v.index);
    case 'addAction':
      return isText(v.text) && isGoalId(v.owner) && isOptDate(v.due);
    case 'setActionDone':
      return oneOf(v.list, ['actions', 'follow_ups'] as const) && isIndex(v.index) && typeof v.done === 'boolean';
    case 'setNextSession':
      return isDate(v.date);
    case 'setText':
      return oneOf(v.field, ['notes', 'thanks'] as const) && isStr(v.value);
    case 'answerFeedback':
      return isText(v.answer);
    case 'closeFeedback':
      return true;
    default:
      return false;
  }
}

/** The message when it is one the protocol knows, with well-formed fields; otherwise undefined. */
export function parseWebviewMessage(v: unknown): WebviewMessage | undefined {
  if (!isObj(v)) return undefined;
  const ok = ((): boolean => {
    switch (v.type) {
      case 'ready':
        return true;
      case 'selectPair':
        return isStr(v.pairId, 200);
      case 'pickMe':
        return v.handle === undefined || isStr(v.handle, 200);
      case 'openFile':
        return isRel(v.file) && (v.line === undefined || isIndex(v.line)) && (v.col === undefined || isIndex(v.col));
      case 'openCode':
        return isRel(v.file);
      case 'loadHistory':
        return isStr(v.pairId, 200);
      case 'openHistoryEvent':
        return isStr(v.pairId, 200) && typeof v.commit === 'string' && COMMIT.test(v.commit) && isRel(v.file);
      case 'run':
        return oneOf(v.command, [
          'init',
          'refresh',
          'askForFeedbackOnSelection',
          'createPerson',
          'openWalkthrough',
          'askForMentoring',
          'offerMentoring',
          'proposePlanChanges',
        ] as const);
      case 'loadProposals':
        return true;
      case 'reviewProposal':
        return isStr(v.branch, 200) && REVIEW_BRANCH.test(v.branch);
      case 'edit':
        return isId(v.id) && isRel(v.file) && isEditOp(v.edit);
      case 'prepareAgenda':
        return isId(v.id) && isStr(v.pairId, 200) && isDate(v.date);
      case 'commitAgenda':
        return isId(v.id) && isRel(v.file);
      case 'askFeedback':
        return (
          isId(v.id) &&
          isStr(v.pairId, 200) &&
          isText(v.question) &&
          oneOf(v.kind, FEEDBACK_KINDS) &&
          (v.goal === undefined || isGoalId(v.goal))
        );
      default:
        return false;
    }
  })();
  return ok ? (v as unknown as WebviewMessage) : undefined;
}

export function isRequest(message: WebviewMessage): message is WebviewRequest {
  return 'id' in message;
}
