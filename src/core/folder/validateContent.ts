// Rules on what people write wrong inside a file that the schemas cannot see: dates that
// contradict each other, code references that leave the repository, an answer missing from an
// answered request, and two people who claim the same e-mail address. Each reports at the
// field's line and column, with what to do.
import type { Feedback, LoadedFile, Person, Session } from './model';
import { isIsoDate } from '../../shared/dates';
import { hasCredentials } from '../git/remoteUrls';

type DataPath = (string | number)[];
export type Report = (file: LoadedFile<unknown>, path: DataPath, message: string) => void;

/** `next_session` on or after the session's own date. */
export function checkSessionDates(file: LoadedFile<Session>, report: Report): void {
  const session = file.data;
  if (!session || !isIsoDate(session.date) || !isIsoDate(session.next_session)) return;
  if (session.next_session < session.date)
    report(
      file,
      ['next_session'],
      `next_session ${session.next_session} is before this session's date ${session.date}; set it to the day of the next session, after ${session.date}`,
    );
}

/** A code reference inside the repository, its first line no later than its last; an answer that is there and dated after the question. */
export function checkFeedbackContent(file: LoadedFile<Feedback>, report: Report): void {
  const feedback = file.data;
  if (!feedback) return;
  const code = feedback.code as { path?: unknown; lines?: unknown; repository?: unknown; commit?: unknown } | undefined;
  if (code && typeof code === 'object') {
    checkCodeRepository(file, code, report);
    const path = code.path;
    if (typeof path === 'string' && path !== '') {
      if (/^([/\\]|[A-Za-z]:|~)/.test(path))
        report(
          file,
          ['code', 'path'],
          `code.path "${path}" is absolute; write the file's path relative to the repository root, like src/retry.ts`,
        );
      else if (path.split(/[/\\]/).includes('..'))
        report(
          file,
          ['code', 'path'],
          `code.path "${path}" leads outside the repository (".."); write the file's path relative to the repository root, like src/retry.ts`,
        );
    }
    const lines = code.lines;
    if (Array.isArray(lines) && lines.length === 2 && lines.every((n) => typeof n === 'number')) {
      const [first, last] = lines as number[];
      // A line below 1 is the schema's to report (`must be at least 1`).
      if (first >= 1 && first > last)
        report(
          file,
          ['code', 'lines'],
          `code.lines [${first}, ${last}] is reversed; write the first line, then the last: [${last}, ${first}]`,
        );
    }
  }
  if (feedback.status === 'answered') {
    if (typeof feedback.answer !== 'string' || feedback.answer.trim() === '')
      report(
        file,
        feedback.answer === undefined ? ['status'] : ['answer'],
        `this request is answered but its answer is empty; write the answer, or set status back to open`,
      );
  }
  if (isIsoDate(feedback.asked) && isIsoDate(feedback.answered) && feedback.answered < feedback.asked)
    report(
      file,
      ['answered'],
      `answered ${feedback.answered} is before the request was asked (${feedback.asked}); set answered to the day it was answered`,
    );
}

/**
 * A code repository named without a user name or password (the file is read by everyone with access to
 * the mentoring repository), and with the commit that says which version of its code was asked about.
 */
function checkCodeRepository(
  file: LoadedFile<Feedback>,
  code: { repository?: unknown; commit?: unknown },
  report: Report,
): void {
  if (typeof code.repository !== 'string' || code.repository === '') return;
  if (hasCredentials(code.repository))
    report(
      file,
      ['code', 'repository'],
      `code.repository carries a user name or password; remove them (and revoke a token that was committed): write it like https://git.example.com/team/service.git`,
    );
  if (code.commit === undefined)
    report(
      file,
      ['code', 'repository'],
      `code.repository names another repository but code.commit is missing; add the commit the lines were selected at, so the request opens that version`,
    );
}

/** Each e-mail address names one person: git authors are matched to people by it. */
export function checkUniqueEmails(people: LoadedFile<Person>[], report: Report): void {
  const firstOwner = new Map<string, { handle: string; file: string }>();
  for (const person of people) {
    const emails = person.data?.emails;
    if (!Array.isArray(emails)) continue;
    const handle = person.rel.replace(/^.*\//, '').replace(/\.yaml$/, '');
    emails.forEach((email, i) => {
      if (typeof email !== 'string') return;
      const key = email.trim().toLowerCase();
      const first = firstOwner.get(key);
      if (!first) firstOwner.set(key, { handle, file: person.rel });
      else if (first.handle !== handle)
        report(
          person,
          ['emails', i],
          `${email.trim()} is also the e-mail of ${first.handle} (${first.file}); each address must belong to one person, so remove it from one of the two files`,
        );
    });
  }
}
