// The requests that change the mentoring folder (edit a file, prepare or commit an agenda, ask
// for feedback) and their runtime checks. Each is answered by a `RequestResponse` with its id.
import type { FeedbackKind, GoalStatus, IsoDate } from '../core/folder/model';
import { isIsoDate } from '../shared/dates';
import { FEEDBACK_KINDS, GOAL_STATUSES, isOneOf } from '../shared/vocabulary';
import {
  isGoalId,
  isHandleName,
  isIndex,
  isObj,
  isOptDate,
  isOptStr,
  isPairIdName,
  isRel,
  isRequestId,
  isStr,
  isText,
  onlyKeys,
  type Check,
} from './guards';

export const AGENDA_LISTS = ['objectives', 'ideas', 'topics', 'actions', 'follow_ups'] as const;
export type AgendaList = (typeof AGENDA_LISTS)[number];

/** One change to one file; the extension maps it to a core edit function. */
export type EditOp =
  | { op: 'addGoal'; title: string; why?: string; mentorHelp?: string; due?: string }
  | {
      op: 'updateGoal';
      goalId: string;
      changes: { title?: string; why?: string; mentorHelp?: string; due?: string; status?: GoalStatus };
    }
  | { op: 'completeGoal'; goalId: string }
  | { op: 'dropGoal'; goalId: string }
  | { op: 'reopenGoal'; goalId: string }
  | { op: 'addBenchmark'; goalId: string; text: string }
  | { op: 'setBenchmarkDone'; goalId: string; index: number; done: boolean }
  | { op: 'addEvidence'; goalId: string; url: string }
  | { op: 'addListItem'; list: 'objectives' | 'ideas'; text: string }
  | { op: 'addTopic'; question: string; goal?: string }
  | { op: 'removeItem'; list: AgendaList; index: number }
  | { op: 'addAction'; text: string; owner: string; due?: string }
  | { op: 'setActionDone'; list: 'actions' | 'follow_ups'; index: number; done: boolean }
  | { op: 'setNextSession'; date: IsoDate }
  | { op: 'setText'; field: 'notes' | 'thanks'; value: string }
  | { op: 'answerFeedback'; answer: string }
  | { op: 'closeFeedback' };

/** An edit of an existing file of the mentoring folder. */
export interface EditRequest {
  type: 'edit';
  id: number;
  file: string;
  edit: EditOp;
}
export interface PrepareAgendaRequest {
  type: 'prepareAgenda';
  id: number;
  pairId: string;
  date: IsoDate;
}
export interface CommitAgendaRequest {
  type: 'commitAgenda';
  id: number;
  file: string;
}
export interface AskFeedbackRequest {
  type: 'askFeedback';
  id: number;
  pairId: string;
  question: string;
  kind: FeedbackKind;
  goal?: string;
}

export type WebviewRequest = EditRequest | PrepareAgendaRequest | CommitAgendaRequest | AskFeedbackRequest;

// ---- Runtime checks ---------------------------------------------------------------------

const isGoalChanges = (v: unknown): boolean =>
  isObj(v) &&
  onlyKeys(v, 'title', 'why', 'mentorHelp', 'due', 'status') &&
  (v.title === undefined || isText(v.title)) &&
  isOptStr(v.why) &&
  isOptStr(v.mentorHelp) &&
  isOptDate(v.due) &&
  (v.status === undefined || isOneOf(GOAL_STATUSES, v.status));

const EDIT_OP_CHECKS: { [T in EditOp['op']]: Check } = {
  addGoal: (v) =>
    onlyKeys(v, 'op', 'title', 'why', 'mentorHelp', 'due') &&
    isText(v.title) &&
    isOptStr(v.why) &&
    isOptStr(v.mentorHelp) &&
    isOptDate(v.due),
  updateGoal: (v) => onlyKeys(v, 'op', 'goalId', 'changes') && isGoalId(v.goalId) && isGoalChanges(v.changes),
  completeGoal: (v) => onlyKeys(v, 'op', 'goalId') && isGoalId(v.goalId),
  dropGoal: (v) => onlyKeys(v, 'op', 'goalId') && isGoalId(v.goalId),
  reopenGoal: (v) => onlyKeys(v, 'op', 'goalId') && isGoalId(v.goalId),
  addBenchmark: (v) => onlyKeys(v, 'op', 'goalId', 'text') && isGoalId(v.goalId) && isText(v.text),
  setBenchmarkDone: (v) =>
    onlyKeys(v, 'op', 'goalId', 'index', 'done') &&
    isGoalId(v.goalId) &&
    isIndex(v.index) &&
    typeof v.done === 'boolean',
  addEvidence: (v) => onlyKeys(v, 'op', 'goalId', 'url') && isGoalId(v.goalId) && isText(v.url),
  addListItem: (v) => onlyKeys(v, 'op', 'list', 'text') && isOneOf(['objectives', 'ideas'], v.list) && isText(v.text),
  addTopic: (v) =>
    onlyKeys(v, 'op', 'question', 'goal') && isText(v.question) && (v.goal === undefined || isGoalId(v.goal)),
  removeItem: (v) => onlyKeys(v, 'op', 'list', 'index') && isOneOf(AGENDA_LISTS, v.list) && isIndex(v.index),
  addAction: (v) =>
    onlyKeys(v, 'op', 'text', 'owner', 'due') && isText(v.text) && isHandleName(v.owner) && isOptDate(v.due),
  setActionDone: (v) =>
    onlyKeys(v, 'op', 'list', 'index', 'done') &&
    isOneOf(['actions', 'follow_ups'], v.list) &&
    isIndex(v.index) &&
    typeof v.done === 'boolean',
  setNextSession: (v) => onlyKeys(v, 'op', 'date') && isIsoDate(v.date),
  setText: (v) => onlyKeys(v, 'op', 'field', 'value') && isOneOf(['notes', 'thanks'], v.field) && isStr(v.value),
  answerFeedback: (v) => onlyKeys(v, 'op', 'answer') && isText(v.answer),
  closeFeedback: (v) => onlyKeys(v, 'op'),
};

export function isEditOp(v: unknown): v is EditOp {
  return isObj(v) && Object.hasOwn(EDIT_OP_CHECKS, v.op as string) && EDIT_OP_CHECKS[v.op as EditOp['op']](v);
}

export const EDIT_CHECKS: { [T in WebviewRequest['type']]: Check } = {
  edit: (v) => onlyKeys(v, 'type', 'id', 'file', 'edit') && isRequestId(v.id) && isRel(v.file) && isEditOp(v.edit),
  prepareAgenda: (v) =>
    onlyKeys(v, 'type', 'id', 'pairId', 'date') && isRequestId(v.id) && isPairIdName(v.pairId) && isIsoDate(v.date),
  commitAgenda: (v) => onlyKeys(v, 'type', 'id', 'file') && isRequestId(v.id) && isRel(v.file),
  askFeedback: (v) =>
    onlyKeys(v, 'type', 'id', 'pairId', 'question', 'kind', 'goal') &&
    isRequestId(v.id) &&
    isPairIdName(v.pairId) &&
    isText(v.question) &&
    isOneOf(FEEDBACK_KINDS, v.kind) &&
    (v.goal === undefined || isGoalId(v.goal)),
};
