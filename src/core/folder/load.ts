// Loading the mentoring folder into one model.
//
// The API, in one place:
// - `loadMentoring(root, { folder })` reads every file of the folder, parses each once, checks
//   it against its schema, then adds the cross-file rules of `validateMentoring`.
//   `model.problems` holds all of them (plus folder-level ones such as a refused file name);
//   each `LoadedFile.problems` holds only what is wrong inside that file on its own (unreadable,
//   YAML, schema), which is what decides whether the file may be edited.
// - `loadFile(kind, absPath, root)` reads one file the same way, for reloading on change.
// - `checkPrivateNotTracked(model)` (validate.ts) is the one rule that needs git; callers that
//   may run git add its problems.
// One broken file never hides the rest: every failure becomes a problem of its own file.
import type { Dirent } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { checkPath, listFolder, UnsafePathError, type CheckedFolders } from '../fs';
import type {
  Feedback,
  Retro,
  FileKind,
  LoadedFile,
  MentoringModel,
  PairModel,
  Person,
  Plan,
  Problem,
  Program,
  Session,
} from './model';
import { nameProblem, tryParsePairId } from './names';
import { PRIVATE_FOLDER, resolveMentoringFolder, toRel } from './paths';
import { validateAgainstSchema } from './schemas';
import { sortProblems, validateMentoring } from './validate';
import { parseYaml, parseYamlFast, readYamlText, readYamlTextAsync, YamlFileError, type TextProblem } from './yamlText';

export interface FileData {
  program: Program;
  person: Person;
  plan: Plan;
  session: Session;
  feedback: Feedback;
  retro: Retro;
}

export interface LoadOptions {
  /** The mentoring folder, relative to root (default `.mentoring`); one that leaves root is refused. */
  folder?: string;
  /** Only the pair folders this accepts are read (the editor's startup reads only my pairs); default: all. */
  pairs?: (pairId: string) => boolean;
}

/**
 * Files read and parsed between two yields to the event loop. A folder is listed and read
 * synchronously: promise-based reads cost ten times the CPU of plain ones (500 ms against 40 ms
 * for 7,000 files), each await of the thread pool adds latency on a busy machine, and parsing
 * blocks the thread anyway. Yielding every batch (a few milliseconds of work) keeps the
 * extension host responsive all the same.
 */
export const FILES_PER_BATCH = 64;

export async function loadMentoring(root: string, options: LoadOptions = {}): Promise<MentoringModel> {
  const absRoot = resolve(root);
  const folder = resolveMentoringFolder(absRoot, options.folder);
  const model: MentoringModel = { root: absRoot, folder, exists: false, people: [], pairs: [], problems: [] };
  const folderProblems: Problem[] = [];
  const note = (abs: string, message: string, severity: Problem['severity'] = 'error') =>
    folderProblems.push(problem(absRoot, abs, message, severity));
  // Every folder is checked once (no link, nothing but folders on the way), then its files are read.
  const checked: CheckedFolders = new Set();
  const listDir = (dir: string) => listChecked(absRoot, dir, checked, note);
  let kind;
  try {
    kind = checkPath(absRoot, folder, checked);
  } catch (error) {
    if (!(error instanceof UnsafePathError)) throw error;
    // There is a folder, and it is refused: the problem must show, not "no mentoring folder".
    model.exists = true;
    model.problems = [refusedPath(error)];
    return model;
  }
  const folderEntries = kind === 'dir' ? listDir(folder) : undefined;
  if (folderEntries === undefined) {
    if (kind === 'file') folderProblems.push(problem(absRoot, folder, 'the mentoring folder is a file, not a folder'));
    model.exists = kind === 'dir';
    model.problems = folderProblems;
    return model;
  }
  model.exists = true;

  const jobs: (() => void)[] = [];

  const programEntry = folderEntries.find((entry) => entry.name === 'program.yaml');
  if (programEntry && !programEntry.isFile()) refuseSpecial(absRoot, join(folder, 'program.yaml'), note);
  if (programEntry?.isFile()) {
    jobs.push(() => {
      model.program = loadFileSync('program', join(folder, 'program.yaml'), absRoot, checked);
    });
  }

  for (const name of yamlFiles(absRoot, join(folder, 'people'), listDir, note)) {
    jobs.push(() => model.people.push(loadFileSync('person', join(folder, 'people', name), absRoot, checked)));
  }

  const pairDirs = listPairDirs(join(folder, 'pairs'), listDir, note).filter(
    (pair) => !options.pairs || options.pairs(pair.id),
  );
  model.pairs = pairDirs;
  const read: ReadFile = (kind, abs) => loadFileSync(kind, abs, absRoot, checked);
  for (const pair of pairDirs) jobs.push(...pairJobs(absRoot, pair, listDir, note, read));
  for (let i = 0; i < jobs.length; i++) {
    if (i > 0 && i % FILES_PER_BATCH === 0) await new Promise<void>((done) => setImmediate(done));
    jobs[i]();
  }

  model.people.sort(byPath);
  model.pairs.sort(byId);
  for (const pair of model.pairs) sortPair(pair);

  model.problems = modelProblems(model, folderProblems, validateMentoring(model));
  return model;
}

export type Note = (abs: string, message: string, severity?: Problem['severity']) => void;
export type ListDir = (dir: string) => Dirent[] | undefined;
export type ReadFile = <K extends FileKind>(kind: K, absPath: string) => LoadedFile<FileData[K]>;

export const byPath = <T extends { path: string }>(a: T, b: T) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
export const byId = (a: PairModel, b: PairModel) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A model's problems in one order: folder-level notes, each file's own, then the cross-file rules. */
export function modelProblems(
  model: MentoringModel,
  notes: Problem[],
  cross: Problem[],
  pairProblems: (pair: PairModel) => Problem[] = filesProblems,
): Problem[] {
  const top = [...(model.program ? [model.program] : []), ...model.people];
  return sortProblems([...notes, ...filesProblems(top), ...model.pairs.flatMap(pairProblems), ...cross]);
}

/** The problems of a pair's files, or any files, in their order. */
export function filesProblems(files: PairModel | LoadedFile<unknown>[]): Problem[] {
  const list = Array.isArray(files) ? files : pairFiles(files);
  const problems: Problem[] = [];
  for (const file of list) if (file.problems.length > 0) problems.push(...file.problems);
  return problems;
}

function pairFiles(pair: PairModel): LoadedFile<unknown>[] {
  return [...(pair.plan ? [pair.plan] : []), ...pair.sessions, ...pair.feedback, ...(pair.retro ? [pair.retro] : [])];
}

/** The pair folders under `pairsDir`, empty (nothing read); refused entries become notes. */
export function listPairDirs(pairsDir: string, listDir: ListDir, note: Note): PairModel[] {
  const pairs: PairModel[] = [];
  for (const entry of listDir(pairsDir) ?? []) {
    if (entry.isFile()) continue;
    // `pairsDir` is a normalised absolute path and the name has no separator: join's result, cheaper.
    const dir = `${pairsDir}${sep}${entry.name}`;
    if (entry.isSymbolicLink()) {
      note(dir, 'symbolic link ignored: pair folders must be real folders inside the mentoring folder', 'warning');
      continue;
    }
    if (!entry.isDirectory()) continue;
    const ids = tryParsePairId(entry.name);
    if (!ids) {
      note(dir, `pair folder refused: ${nameProblem(entry.name, 'pair id')}`);
      continue;
    }
    pairs.push({ id: entry.name, ...ids, dir, sessions: [], feedback: [] });
  }
  return pairs;
}

/** Lists one pair's folder; each job reads one of its files into `pair` (then `sortPair`). */
export function pairJobs(root: string, pair: PairModel, listDir: ListDir, note: Note, read: ReadFile): (() => void)[] {
  const jobs: (() => void)[] = [];
  const entries = listDir(pair.dir) ?? [];
  if (entries.some((e) => e.name === 'plan.yaml' && e.isFile())) {
    jobs.push(() => {
      pair.plan = read('plan', join(pair.dir, 'plan.yaml'));
    });
  }
  if (entries.some((e) => e.name === 'retro.yaml' && e.isFile())) {
    jobs.push(() => {
      pair.retro = read('retro', join(pair.dir, 'retro.yaml'));
    });
  }
  for (const name of yamlFiles(root, join(pair.dir, 'sessions'), listDir, note)) {
    jobs.push(() => pair.sessions.push(read('session', join(pair.dir, 'sessions', name))));
  }
  for (const name of yamlFiles(root, join(pair.dir, 'feedback'), listDir, note)) {
    jobs.push(() => pair.feedback.push(read('feedback', join(pair.dir, 'feedback', name))));
  }
  return jobs;
}

export function sortPair(pair: PairModel): void {
  pair.sessions.sort(byPath);
  pair.feedback.sort(byPath);
}

/** Reads, parses and schema-checks one file. Never throws for bad content: problems say what is wrong. */
export async function loadFile<K extends FileKind>(
  kind: K,
  absPath: string,
  root: string,
): Promise<LoadedFile<FileData[K]>> {
  const file = emptyFile(kind, absPath, root);
  let text: string;
  try {
    text = await readYamlTextAsync(root, file.path);
  } catch (error) {
    return withReadFailure(file, error);
  }
  return withText(file, text);
}

/** loadFile for loading a whole folder: the same checks on a synchronous read (see FILES_PER_BATCH). */
export function loadFileSync<K extends FileKind>(
  kind: K,
  absPath: string,
  root: string,
  checked: CheckedFolders = new Set(),
): LoadedFile<FileData[K]> {
  const file = emptyFile(kind, absPath, root);
  let text: string;
  try {
    text = readYamlText(root, file.path, checked);
  } catch (error) {
    return withReadFailure(file, error);
  }
  return withText(file, text);
}

/** loadFile on text given rather than read (an editor's unsaved text). */
export function loadFileText<K extends FileKind>(
  kind: K,
  absPath: string,
  root: string,
  text: string,
): LoadedFile<FileData[K]> {
  return withText(emptyFile(kind, absPath, root), text);
}

function emptyFile<K extends FileKind>(kind: K, absPath: string, root: string): LoadedFile<FileData[K]> {
  const path = resolve(absPath);
  return { kind, path, rel: toRel(resolve(root), path), problems: [] };
}

function withReadFailure<T>(file: LoadedFile<T>, error: unknown): LoadedFile<T> {
  if (error instanceof UnsafePathError) {
    const where = error.rel === file.rel ? '' : `${error.rel} `;
    file.problems.push({
      file: file.rel,
      line: 1,
      col: 1,
      message: `refused: ${where}${error.reason}`,
      severity: 'error',
    });
    return file;
  }
  const { line, col, message } =
    error instanceof YamlFileError ? error : { line: 1, col: 1, message: readFailure(error) };
  file.problems.push({ file: file.rel, line, col, message, severity: 'error' });
  return file;
}

function withText<K extends FileKind>(file: LoadedFile<FileData[K]>, text: string): LoadedFile<FileData[K]> {
  const add = (p: TextProblem) =>
    file.problems.push({ file: file.rel, line: p.line, col: p.col, message: p.message, severity: 'error' });
  file.text = text;
  // Plain block YAML, almost every mentoring file, takes the fast reader (no syntax tree, and the
  // `yaml` library is not even loaded); anything else, the guarded parser and its problems.
  const { data, parsed } = parseYamlFast(text);
  parsed?.problems.forEach(add);
  if (parsed && parsed.problems.length > 0) return file;
  // The parse is not kept for the cross-file rules (validate.ts parses again the rare file they
  // report on): holding every file's syntax tree until loading ends costs more in garbage
  // collection than the whole schema check. For the same reason a file read fast is parsed in
  // full only when the schema finds a problem, for its position.
  let schemaProblems = validateAgainstSchema(file.kind, data, parsed);
  if (!parsed && schemaProblems.length > 0) schemaProblems = validateAgainstSchema(file.kind, data, parseYaml(text));
  for (const p of schemaProblems) {
    file.problems.push({
      file: file.rel,
      line: p.line,
      col: p.col,
      message: p.message,
      severity: p.severity ?? 'error',
    });
  }
  // Consumers read fields straight off `data`; a list or a scalar at the top would mislead them.
  if (isPlainObject(data)) file.data = data as FileData[K];
  return file;
}

/** Which kind of mentoring file `absPath` is, judged by where it sits in `folder`; undefined for other files. */
export function kindOfPath(folder: string, absPath: string): FileKind | undefined {
  const rel = toRel(resolve(folder), resolve(absPath));
  const parts = rel.split('/');
  if (!rel.endsWith('.yaml') || parts[0] === '..' || parts[0] === PRIVATE_FOLDER) return undefined;
  if (parts.length === 1 && parts[0] === 'program.yaml') return 'program';
  if (parts.length === 2 && parts[0] === 'people') return 'person';
  if (parts[0] !== 'pairs') return undefined;
  if (parts.length === 3 && parts[2] === 'plan.yaml') return 'plan';
  if (parts.length === 3 && parts[2] === 'retro.yaml') return 'retro';
  if (parts.length === 4 && parts[2] === 'sessions') return 'session';
  if (parts.length === 4 && parts[2] === 'feedback') return 'feedback';
  return undefined;
}

/** The `.yaml` files of a folder whose names are safe; refused and ignored entries become problems. */
export function yamlFiles(root: string, dir: string, listDir: ListDir, note: Note): string[] {
  const names: string[] = [];
  for (const entry of listDir(dir) ?? []) {
    const abs = `${dir}${sep}${entry.name}`;
    // Dot files (.gitkeep, .DS_Store) are not mentoring files; a dot YAML file is refused below.
    if (entry.name.startsWith('.') && !entry.name.endsWith('.yaml')) continue;
    if (entry.isSymbolicLink()) {
      note(abs, 'symbolic link ignored: mentoring files must be real files inside the mentoring folder', 'warning');
      continue;
    }
    if (!entry.isFile()) {
      // A FIFO, socket or device under a mentoring name is refused by name, never opened.
      if (!entry.isDirectory() && /\.ya?ml$/.test(entry.name)) refuseSpecial(root, abs, note);
      continue;
    }
    if (entry.name.endsWith('.yml')) {
      note(abs, 'file ignored: mentoring files end in .yaml', 'warning');
      continue;
    }
    if (!entry.name.endsWith('.yaml')) continue;
    const base = entry.name.slice(0, -'.yaml'.length);
    const unsafe = nameProblem(base, 'slug');
    if (unsafe !== undefined) {
      note(abs, `file refused: its name ${unsafe.replace(/^slug /, '')}`);
      continue;
    }
    names.push(entry.name);
  }
  return names;
}

/**
 * A folder's entries; undefined when it is missing. A folder refused (a link, a FIFO) or that
 * cannot be read is a problem of its own, never silently taken for an empty one.
 */
export function listChecked(root: string, dir: string, checked: CheckedFolders, note: Note): Dirent[] | undefined {
  try {
    return listFolder(root, dir, checked);
  } catch (error) {
    if (error instanceof UnsafePathError) {
      note(join(root, error.rel), refusedPath(error).message);
      return undefined;
    }
    note(dir, folderFailure(error));
    return undefined;
  }
}

export function refuseSpecial(root: string, abs: string, note: Note): void {
  try {
    checkPath(root, abs);
  } catch (error) {
    if (error instanceof UnsafePathError) note(abs, refusedPath(error).message);
  }
}

/** A refused path as a problem at its own `path:1:1`. */
export function refusedPath(error: UnsafePathError): Problem {
  return { file: error.rel, line: 1, col: 1, message: `refused: ${error.reason}`, severity: 'error' };
}

function folderFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM')
    return 'folder cannot be read: permission denied; its files were not checked';
  return `folder cannot be read: ${error instanceof Error ? error.message : String(error)}; its files were not checked`;
}

export function problem(root: string, abs: string, message: string, severity: Problem['severity'] = 'error'): Problem {
  return { file: toRel(root, abs), line: 1, col: 1, message, severity };
}

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EACCES' || code === 'EPERM') return 'file cannot be read: permission denied';
  if (code === 'EISDIR') return 'expected a file, found a folder';
  return `file cannot be read: ${error instanceof Error ? error.message : String(error)}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
