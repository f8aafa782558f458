// Cross-file rules of the mentoring folder, on top of each file's own YAML and schema checks.
//
// `validateMentoring(model)` is pure (no I/O) and returns the cross-file problems;
// `loadMentoring` (load.ts) already adds them to `model.problems`, so callers normally only
// call it again after changing a model themselves. `checkPrivateNotTracked(model)` is the one
// rule that needs git and is left to callers that may run git (the CLI's `validate`, the
// extension in a trusted workspace).
import { basename, join } from 'node:path';
import { trackedFiles } from '../git/repository';
import type { Feedback, LoadedFile, MentoringModel, PairModel, Person, Plan, Problem, Program, Session } from './model';
import { isIsoDate } from '../../shared/dates';
import { isHandle, isSlug, parseFeedbackFileName } from './names';
import { PRIVATE_FOLDER, toRel } from './paths';
import { formatDataPath } from './schemas';
import { checkFeedbackContent, checkSessionDates, checkUniqueEmails } from './validateContent';
import { parseYaml, positionOfPath, type ParsedYaml } from './yamlText';

type DataPath = (string | number)[];

// Parses made for positions, one per file that a rule reports on. Loading does not keep its own
// parses (see load.ts), so only files with a problem are parsed twice. A WeakMap rather than a
// field: the model stays plain data that can be posted to a webview.
const parses = new WeakMap<LoadedFile<unknown>, ParsedYaml>();

/** 1-based position of `path` in a loaded file (of its nearest existing ancestor; 1:1 without text). */
export function positionIn(
  file: LoadedFile<unknown>,
  path: readonly (string | number)[],
): { line: number; col: number } {
  let parsed = parses.get(file);
  if (!parsed && file.text !== undefined) {
    parsed = parseYaml(file.text);
    parses.set(file, parsed);
  }
  return parsed ? positionOfPath(parsed, path) : { line: 1, col: 1 };
}

/** Which rules to run: the program's and people's (`folder`), and those of some pairs (default: all). */
export interface ValidateScope {
  folder: boolean;
  pairs: readonly PairModel[];
  /** The handles that exist (default: those of `model.people`), when not every people file is read. */
  handles?: Set<string>;
}

export function validateMentoring(
  model: MentoringModel,
  scope: ValidateScope = { folder: true, pairs: model.pairs },
): Problem[] {
  const problems: Problem[] = [];
  const report = (
    file: LoadedFile<unknown>,
    path: DataPath,
    message: string,
    severity: Problem['severity'] = 'error',
  ) => problems.push({ file: file.rel, ...positionIn(file, path), message, severity });

  const people = scope.handles ?? knownHandles(model.people);
  const checkPerson = (file: LoadedFile<unknown>, path: DataPath, value: unknown) => {
    // Values that are not handles at all are the schema's to report.
    if (isHandle(value) && !people.has(value)) {
      report(file, path, `${formatDataPath(path)}: no person "${value}" (expected people/${value}.yaml)`);
    }
  };

  if (scope.folder) {
    if (model.program?.data) checkProgram(model.program as LoadedFile<Program>, checkPerson);
    for (const person of model.people) checkPersonFile(person, report);
    checkUniqueEmails(model.people, report);
  }
  for (const pair of scope.pairs) checkPair(model, pair, report, checkPerson, problems);
  return sortProblems(problems);
}

/** Tracked files under the mentoring folder's `.private/`: each is an error (private notes must never be committed). */
export async function checkPrivateNotTracked(model: MentoringModel): Promise<Problem[]> {
  const privateRel = toRel(model.root, join(model.folder, PRIVATE_FOLDER));
  // `:(literal)` so a folder name is never read as pathspec magic.
  const tracked = await trackedFiles(model.root, `:(literal)${privateRel}`);
  return tracked.map((file) => ({
    file,
    line: 1,
    col: 1,
    message: `private file is tracked by git; notes under ${PRIVATE_FOLDER}/ must never be committed (remove it from the index with: git rm --cached -- "${file}")`,
    severity: 'error',
  }));
}

/** Problems ordered by file, then line and column. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) =>
    a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line !== b.line ? a.line - b.line : a.col - b.col,
  );
}

type Report = (file: LoadedFile<unknown>, path: DataPath, message: string, severity?: Problem['severity']) => void;
type CheckPerson = (file: LoadedFile<unknown>, path: DataPath, value: unknown) => void;

export function knownHandles(people: LoadedFile<Person>[]): Set<string> {
  const handles = new Set<string>();
  for (const person of people) {
    // The file name names someone even when the file is broken or its handle differs (which
    // is reported once, on the person file): that avoids a cascade of "no person" errors.
    handles.add(baseName(person));
    if (typeof person.data?.handle === 'string') handles.add(person.data.handle);
  }
  return handles;
}

function checkProgram(program: LoadedFile<Program>, checkPerson: CheckPerson): void {
  const coordinators = program.data?.coordinators;
  if (Array.isArray(coordinators)) coordinators.forEach((c, i) => checkPerson(program, ['coordinators', i], c));
}

function checkPersonFile(person: LoadedFile<Person>, report: Report): void {
  const handle = person.data?.handle;
  const name = baseName(person);
  if (isHandle(handle) && handle !== name) {
    report(
      person,
      ['handle'],
      `handle "${handle}" does not match the file name ${name}.yaml; a person's file is named after their handle`,
    );
  }
}

function checkPair(
  model: MentoringModel,
  pair: PairModel,
  report: Report,
  checkPerson: CheckPerson,
  problems: Problem[],
): void {
  const plan = pair.plan as LoadedFile<Plan> | undefined;
  if (!plan) {
    problems.push({
      file: toRel(model.root, pair.dir),
      line: 1,
      col: 1,
      message: `pair folder ${pair.id} has no plan.yaml`,
      severity: 'error',
    });
  }
  const data = plan?.data;
  let goals: Set<string> | undefined;
  if (plan && data) {
    const { mentee, mentor } = data;
    if (isHandle(mentee) && isHandle(mentor) && `${mentee}--${mentor}` !== pair.id) {
      report(
        plan,
        ['mentee'],
        `this plan is for ${mentee}--${mentor} but its folder is named ${pair.id}; the folder must be named <mentee>--<mentor>`,
      );
    }
    checkPerson(plan, ['mentee'], mentee);
    checkPerson(plan, ['mentor'], mentor);
    goals = new Set();
    const firstIndex = new Map<string, number>();
    (Array.isArray(data.goals) ? data.goals : []).forEach((goal, i) => {
      const id = (goal as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') return;
      goals?.add(id);
      const first = firstIndex.get(id);
      if (first === undefined) firstIndex.set(id, i);
      else
        report(
          plan,
          ['goals', i, 'id'],
          `goal id "${id}" is used twice in this plan (also goals[${first}]); goal ids must be unique`,
        );
    });
  }
  const checkGoal = (file: LoadedFile<unknown>, path: DataPath, value: unknown) => {
    // Without a readable plan there is nothing to check against; the plan's own problem says why.
    if (goals && isSlug(value) && !goals.has(value)) {
      report(file, path, `${formatDataPath(path)}: the plan of ${pair.id} has no goal "${value}"`);
    }
  };

  for (const file of pair.sessions as LoadedFile<Session>[]) {
    const name = baseName(file);
    const session = file.data;
    if (!isIsoDate(name)) {
      report(file, [], `session file name ${name}.yaml must be the session's date, like 2026-11-21.yaml`);
    } else if (session && typeof session.date === 'string' && session.date !== name) {
      report(
        file,
        ['date'],
        `date ${session.date} does not match the file name ${name}.yaml; a session file is named after its date`,
      );
    }
    if (!session) continue;
    checkSessionDates(file, report);
    checkPerson(file, ['prepared_by'], session.prepared_by);
    for (const list of ['follow_ups', 'actions'] as const) {
      const items = session[list];
      if (Array.isArray(items))
        items.forEach((item, i) => checkPerson(file, [list, i, 'owner'], (item as { owner?: unknown } | null)?.owner));
    }
    if (Array.isArray(session.topics)) {
      session.topics.forEach((topic, i) =>
        checkGoal(file, ['topics', i, 'goal'], (topic as { goal?: unknown } | null)?.goal),
      );
    }
  }

  for (const file of pair.feedback as LoadedFile<Feedback>[]) {
    const fileName = basename(file.path);
    const named = parseFeedbackFileName(fileName);
    const feedback = file.data;
    if (!named) {
      report(
        file,
        [],
        `feedback file name ${fileName} must be <YYYY-MM-DD>-<slug>.yaml with a real date, like 2026-11-20-retry-policy.yaml`,
      );
    } else if (
      feedback &&
      typeof feedback.asked === 'string' &&
      isIsoDate(feedback.asked) &&
      feedback.asked !== named.date
    ) {
      report(
        file,
        ['asked'],
        `asked ${feedback.asked} differs from the date in the file name (${named.date})`,
        'warning',
      );
    }
    if (!feedback) continue;
    checkFeedbackContent(file, report);
    checkPerson(file, ['asked_by'], feedback.asked_by);
    checkPerson(file, ['asked_of'], feedback.asked_of);
    checkGoal(file, ['goal'], feedback.goal);
  }
}

function baseName(file: LoadedFile<unknown>): string {
  return basename(file.path).replace(/\.yaml$/, '');
}
