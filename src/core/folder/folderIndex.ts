// The mentoring folder as an index by path that is patched, not rebuilt.
//
// - `loadFirst(whoAmI)` reads the program, the people and the list of pair folders, asks who I am,
//   and reads only my pairs (as mentee or mentor): the sidebar's first state. `loadRest()` then
//   reads the other pairs in batches, yielding to the event loop between them. `load()` does both.
// - `patch(paths)` takes created, changed, deleted or renamed paths (a rename is the old and the
//   new path) and re-reads only what they touch: the program, the people folder, one pair's folder.
//   It re-runs the cross-file rules those files can affect: a pair's own rules for its files; the
//   program's and people's for theirs, and every pair's when the set of known handles changed.
//   A path above the folder, or the folder appearing, loads everything again.
// - `setUnsaved(path, text)` makes an editor's unsaved text stand for the file on disk (the file
//   is marked `unsaved`); `undefined` goes back to the disk. Patch the path afterwards.
// `model` is a `MentoringModel` of the pairs read so far, equal to `loadMentoring`'s once complete.
import { resolve, relative, sep } from 'node:path';
import type { Handle, LoadedFile, MentoringModel, PairModel, Person, Problem, Program } from './model';
import {
  byId,
  byPath,
  FILES_PER_BATCH,
  listChecked,
  listPairDirs,
  loadFileSync,
  loadFileText,
  modelProblems,
  pairJobs,
  problem,
  refusedPath,
  sortPair,
  yamlFiles,
  type FileData,
  type LoadOptions,
  type Note,
  type ReadFile,
} from './load';
import { checkPath, UnsafePathError, type PathKind } from '../fs';
import { isInside, resolveMentoringFolder } from './paths';
import { knownHandles, validateMentoring } from './validate';
import { join } from 'node:path';

interface PairEntry {
  pair: PairModel;
  loaded: boolean;
  /** Problems of the pair's listing (refused or ignored file names). */
  notes: Problem[];
  /** The cross-file rules' problems for this pair. */
  cross: Problem[];
}

/** Who I am, given the model of the program and the people alone. */
export type WhoAmI = (model: MentoringModel) => Promise<Handle | undefined> | Handle | undefined;

export class FolderIndex {
  readonly root: string;
  readonly folder: string;
  private exists = false;
  private folderNotes: Problem[] = [];
  private program: LoadedFile<Program> | undefined;
  private people: LoadedFile<Person>[] = [];
  private peopleNotes: Problem[] = [];
  private pairsNotes: Problem[] = [];
  private pairs = new Map<string, PairEntry>();
  private folderCross: Problem[] = [];
  private readonly unsaved = new Map<string, string>();
  private cached: MentoringModel | undefined;
  /** Counts full reloads, so a background load stops when the folder was read again meanwhile. */
  private generation = 0;
  /** Every pair is wanted (after `load` or `loadRest`): a new pair folder is read when it appears. */
  private wantAll = false;

  constructor(root: string, options: LoadOptions = {}) {
    this.root = resolve(root);
    this.folder = resolveMentoringFolder(this.root, options.folder);
  }

  /** The folder as read so far (only the pairs read yet); a new object after every change. */
  get model(): MentoringModel {
    if (!this.cached) {
      const model = this.skeleton();
      const loaded = [...this.pairs.values()].filter((e) => e.loaded);
      model.pairs = loaded.map((e) => e.pair).sort(byId);
      const notes = [...this.folderNotes, ...this.peopleNotes, ...this.pairsNotes, ...loaded.flatMap((e) => e.notes)];
      const cross = [...this.folderCross, ...loaded.flatMap((e) => e.cross)];
      model.problems = modelProblems(model, notes, cross);
      this.cached = model;
    }
    return this.cached;
  }

  /** Whether every pair folder has been read. */
  get complete(): boolean {
    for (const entry of this.pairs.values()) if (!entry.loaded) return false;
    return true;
  }

  /** Reads everything. */
  async load(): Promise<void> {
    this.scanTop();
    await this.loadRest();
  }

  /** Reads the program, the people, the list of pairs, and the pairs of whoever `whoAmI` names. */
  async loadFirst(whoAmI: WhoAmI): Promise<void> {
    this.scanTop();
    const generation = this.generation;
    const me = await whoAmI(this.model);
    if (me === undefined || generation !== this.generation) return;
    for (const entry of this.pairs.values()) {
      if (!entry.loaded && (entry.pair.mentee === me || entry.pair.mentor === me)) this.readPair(entry, () => false);
    }
    this.cached = undefined;
  }

  /** Reads the pairs not read yet, a batch at a time; stops when the folder is read again meanwhile. */
  async loadRest(): Promise<void> {
    this.wantAll = true;
    const generation = this.generation;
    let files = 0;
    for (const entry of [...this.pairs.values()]) {
      if (generation !== this.generation) return;
      if (entry.loaded || this.pairs.get(entry.pair.id) !== entry) continue;
      this.readPair(entry, () => false);
      files += entry.pair.sessions.length + entry.pair.feedback.length + 1;
      if (files >= FILES_PER_BATCH) {
        files = 0;
        this.cached = undefined;
        await new Promise<void>((done) => setImmediate(done));
      }
    }
    this.cached = undefined;
  }

  /** Makes `text` stand for the file at `absPath` (undefined: the disk again); true when that changed anything. */
  setUnsaved(absPath: string, text: string | undefined): boolean {
    const abs = resolve(absPath);
    if (this.unsaved.get(abs) === text) return false;
    if (text === undefined) this.unsaved.delete(abs);
    else this.unsaved.set(abs, text);
    return true;
  }

  /** Re-reads what the created, changed or deleted `paths` touch (absolute; files or folders). */
  async patch(paths: Iterable<string>): Promise<void> {
    const changed = [...new Set([...paths].map((p) => resolve(p)))];
    const changedAt = (abs: string) => changed.some((c) => c === abs || abs.startsWith(c + sep));
    let top = false;
    let people = false;
    let pairList = false;
    const pairIds = new Set<string>();
    for (const abs of changed) {
      if (isInside(abs, this.folder) || (!this.exists && isInside(this.folder, abs))) return this.load();
      if (!isInside(this.folder, abs)) continue;
      const [first, second] = relative(this.folder, abs).split(sep);
      if (first === 'program.yaml') top = true;
      else if (first === 'people') people = true;
      else if (first === 'pairs') {
        pairList = true;
        if (second !== undefined) pairIds.add(second);
      }
    }
    this.cached = undefined;
    if (top) this.readProgram(this.listDir(this.folder, this.noteTo(this.folderNotes)) ?? []);
    let allPairs = false;
    if (people) {
      const before = handlesKey(this.people);
      this.readPeople(changedAt);
      allPairs = handlesKey(this.people) !== before;
    }
    if (top || people) this.checkFolder();
    if (pairList) this.listPairs();
    for (const entry of this.pairs.values()) {
      if (pairIds.has(entry.pair.id) && (entry.loaded || this.wantAll)) this.readPair(entry, changedAt);
      else if (allPairs && entry.loaded) this.checkPair(entry);
    }
  }

  /** Forgets everything and reads the program, the people and the list of pairs. */
  private scanTop(): void {
    this.generation++;
    this.cached = undefined;
    this.exists = false;
    this.folderNotes = [];
    this.program = undefined;
    this.people = [];
    this.peopleNotes = [];
    this.pairsNotes = [];
    this.pairs = new Map();
    this.folderCross = [];
    this.wantAll = false;
    let kind: PathKind;
    try {
      kind = checkPath(this.root, this.folder);
    } catch (error) {
      if (!(error instanceof UnsafePathError)) throw error;
      // There is a folder, and it is refused: the problem must show, not "no mentoring folder".
      this.exists = true;
      this.folderNotes.push(refusedPath(error));
      return;
    }
    const entries = kind === 'dir' ? this.listDir(this.folder, this.noteTo(this.folderNotes)) : undefined;
    if (entries === undefined) {
      if (kind === 'file')
        this.folderNotes.push(problem(this.root, this.folder, 'the mentoring folder is a file, not a folder'));
      this.exists = kind === 'dir';
      return;
    }
    this.exists = true;
    this.readProgram(entries);
    this.readPeople(() => true);
    this.checkFolder();
    this.listPairs();
  }

  private readProgram(entries: { name: string; isFile(): boolean }[]): void {
    const present = entries.some((entry) => entry.name === 'program.yaml' && entry.isFile());
    this.program = present ? this.read('program', join(this.folder, 'program.yaml')) : undefined;
  }

  private readPeople(changedAt: (abs: string) => boolean): void {
    const old = new Map(this.people.map((file) => [file.path, file]));
    this.peopleNotes = [];
    const note = this.noteTo(this.peopleNotes);
    const names = yamlFiles(this.root, join(this.folder, 'people'), (dir) => this.listDir(dir, note), note);
    this.people = names
      .map((name) => {
        const abs = join(this.folder, 'people', name);
        return (!changedAt(abs) && old.get(abs)) || this.read('person', abs);
      })
      .sort(byPath);
  }

  /** Lists the pair folders, keeping what was read of those still there. */
  private listPairs(): void {
    this.pairsNotes = [];
    const next = new Map<string, PairEntry>();
    const note = this.noteTo(this.pairsNotes);
    for (const fresh of listPairDirs(join(this.folder, 'pairs'), (dir) => this.listDir(dir, note), note)) {
      next.set(fresh.id, this.pairs.get(fresh.id) ?? { pair: fresh, loaded: false, notes: [], cross: [] });
    }
    this.pairs = next;
  }

  /** Reads one pair's folder again, keeping the files not changed, and re-runs its rules. */
  private readPair(entry: PairEntry, changedAt: (abs: string) => boolean): void {
    const old = new Map<string, LoadedFile<unknown>>();
    if (entry.loaded) {
      const { plan, sessions, feedback, retro } = entry.pair;
      for (const file of [...(plan ? [plan] : []), ...sessions, ...feedback, ...(retro ? [retro] : [])])
        old.set(file.path, file);
    }
    const { id, mentee, mentor, dir } = entry.pair;
    const pair: PairModel = { id, mentee, mentor, dir, sessions: [], feedback: [] };
    const notes: Problem[] = [];
    const read: ReadFile = (kind, abs) =>
      (!changedAt(abs) && (old.get(abs) as LoadedFile<FileData[typeof kind]> | undefined)) || this.read(kind, abs);
    const note = this.noteTo(notes);
    for (const job of pairJobs(this.root, pair, (dir) => this.listDir(dir, note), note, read)) job();
    sortPair(pair);
    entry.pair = pair;
    entry.notes = notes;
    entry.loaded = true;
    this.checkPair(entry);
    this.cached = undefined;
  }

  private checkFolder(): void {
    this.folderCross = validateMentoring(this.skeleton(), { folder: true, pairs: [] });
  }

  private checkPair(entry: PairEntry): void {
    entry.cross = validateMentoring(this.skeleton(), { folder: false, pairs: [entry.pair] });
  }

  private skeleton(): MentoringModel {
    const model: MentoringModel = {
      root: this.root,
      folder: this.folder,
      exists: this.exists,
      people: this.people,
      pairs: [],
      problems: [],
    };
    if (this.program) model.program = this.program;
    return model;
  }

  private readonly read: ReadFile = (kind, abs) => {
    const text = this.unsaved.get(resolve(abs));
    if (text === undefined) return loadFileSync(kind, abs, this.root);
    const file = loadFileText(kind, abs, this.root, text);
    file.unsaved = true;
    return file;
  };

  /** Every listing checks its path again: the index lives long, and a folder can become a link. */
  private listDir(dir: string, note: Note) {
    return listChecked(this.root, dir, new Set(), note);
  }

  private noteTo(notes: Problem[]): Note {
    return (abs, message, severity = 'error') => notes.push(problem(this.root, abs, message, severity));
  }
}

function handlesKey(people: LoadedFile<Person>[]): string {
  return [...knownHandles(people)].sort().join('\n');
}
