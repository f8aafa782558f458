// Feedback requests (feedback/<date>-<slug>.yaml): a new request, optionally about a code
// selection, and its answer. Edits return the file's new text.
import { stringify } from 'yaml';
import type { CodeRef, FeedbackKind } from '../folder/model';
import { EditError } from './errors';
import { checkDate, requireText } from './fields';
import { feedbackFileName as safeFeedbackFileName, isHandle, slugify } from '../folder/names';
import { setValue } from './yamlEdit';
import { hasCredentials } from '../git/remoteUrls';
import { FEEDBACK_KINDS as KINDS } from '../../shared/vocabulary';

export interface NewFeedback {
  askedBy: string;
  askedOf: string;
  asked: string;
  kind: FeedbackKind;
  goal?: string;
  code?: CodeRef;
  question: string;
}

/** The text of a new, open feedback request. */
export function newFeedbackText(request: NewFeedback): string {
  for (const [field, handle] of [
    ['asked_by', request.askedBy],
    ['asked_of', request.askedOf],
  ] as const) {
    if (!isHandle(handle))
      throw new EditError(`${field} "${handle}" is not a handle (lower-case letters, digits and single hyphens)`);
  }
  checkDate(request.asked, 'asked');
  if (!(KINDS as readonly string[]).includes(request.kind))
    throw new EditError(`kind "${request.kind}" is not one of ${KINDS.join(', ')}`);
  const question = requireText(request.question, 'a feedback request needs a question');
  const lines = [`# Feedback request from ${request.askedBy} to ${request.askedOf}, asked ${request.asked}.`];
  const add = (key: string, value: unknown, comment = '') => {
    const [first, ...rest] = stringify({ [key]: value }, { lineWidth: 0 })
      .trimEnd()
      .split('\n');
    lines.push(comment === '' ? first : `${first}  # ${comment}`, ...rest);
  };
  add('asked_by', request.askedBy);
  add('asked_of', request.askedOf);
  add('asked', request.asked);
  add('kind', request.kind, KINDS.join(' | '));
  if (request.goal !== undefined && request.goal !== '') add('goal', request.goal);
  if (request.code) lines.push(...codeLines(request.code));
  add('question', question);
  add('status', 'open', 'open | answered | closed');
  add('answer', '');
  add('answered', null);
  return `${lines.join('\n')}\n`;
}

/** `<date>-<slug>.yaml`, the slug made from the question (at most 40 characters). */
export function feedbackFileName(date: string, question: string): string {
  return safeFeedbackFileName(date, slugify(question, 40, 'feedback'));
}

/** Records the mentor's answer and when it was given. */
export function answerFeedback(text: string, answer: string, date: string): string {
  checkDate(date, 'answered');
  const withAnswer = setValue(text, ['answer'], requireText(answer, 'an answer needs a text'));
  return setValue(setValue(withAnswer, ['answered'], date), ['status'], 'answered');
}

export function closeFeedback(text: string): string {
  return setValue(text, ['status'], 'closed');
}

function codeLines(code: CodeRef): string[] {
  const path = requireText(code.path, 'a code selection needs a file path');
  if (/[\r\n]/.test(path)) throw new EditError('a file path cannot contain line breaks');
  const [from, to] = code.lines;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < from) {
    throw new EditError(`lines ${from}-${to} are not a range of line numbers`);
  }
  const scalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();
  const lines = ['code:'];
  if (code.repository !== undefined && code.repository !== '') {
    if (/\s/.test(code.repository)) throw new EditError(`"${code.repository}" is not a repository URL`);
    if (hasCredentials(code.repository))
      throw new EditError('the repository URL carries a user name or password; record it without them');
    lines.push(`  repository: ${scalar(code.repository)}`);
  }
  lines.push(`  path: ${scalar(path)}`, `  lines: [${from}, ${to}]`);
  if (code.commit !== undefined && code.commit !== '') {
    if (!/^[0-9a-f]{4,64}$/i.test(code.commit)) throw new EditError(`"${code.commit}" is not a commit id`);
    lines.push(`  commit: ${scalar(code.commit)}`);
  }
  return lines;
}
