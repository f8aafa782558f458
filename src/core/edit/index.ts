// Edit operations on the mentoring files. Each takes a file's text and returns its new text,
// with everything the edit does not touch left byte for byte as it was; `EditError` otherwise.
export { EditError } from './errors';
export { appendItem, removeItem, setValue } from './yamlEdit';
export type { YamlPath } from './yamlTypes';
export {
  addBenchmark,
  addEvidence,
  addGoal,
  completeGoal,
  dropGoal,
  reopenGoal,
  setBenchmarkDone,
  updateGoal,
  type GoalChanges,
  type NewGoal,
} from './plan';
export {
  DEFAULT_CADENCE_DAYS,
  addAction,
  addIdea,
  addObjective,
  addTopic,
  newAgendaText,
  openItems,
  setActionDone,
  setNextSession,
  setNotes,
  setThanks,
  type ActionList,
  type NewAgenda,
} from './session';
export { answerFeedback, closeFeedback, feedbackFileName, newFeedbackText, type NewFeedback } from './feedback';
export { addDays } from '../../shared/dates';
