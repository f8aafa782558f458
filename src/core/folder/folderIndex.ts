// The mentoring folder as an index by path that is patched, not rebuilt.
//
// - `loadFirst(whoAmI, hint)` reads the program and lists the people and the pair folders, reads the
//   people files that could be me (`hint`: handles, and the files whose text names my email), asks
//   who I am, and reads only my pairs (as mentee or mentor) and the people files they name: the
//   sidebar's first state, whose cost grows with my relationships, not with the organisation. Other
//   people files and the folder-wide rules (unique emails, handles matching file names) wait for
//   `loadRest()`, which reads them, then the other pairs in batches, yielding to the event loop
//   between them. Without a hint, or when I am nobody yet, every people file is read first (the
//   sidebar offers them to choose from). `load()` reads everything.
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
  filesProblems,
  listPairDirs,
  modelProblems,
  pairJobs,
  problem,
  refusedPath,
  sortPair,
  yamlFiles,
  type FileData,
  type LoadOptions,
  type ReadFile,
} from './load';
import { checkPath, UnsafePathError, type PathKind } from '../fs';
import { isInside, resolveMentoringFolder } from './paths';
import { knownHandles, validateMentoring } from './validate';
import { emailKey } from './people';
import { FolderReader } from './folderReader';
import { join } from 'node:path';

interface PairEntry {
  pair: PairModel;
  loaded: boolean;
  /** Problems of the pair's listing (refused or ignored file names). */
  notes: Problem[];
  /** The cross-file rules' problems for this pair. */
  cross: Problem[];
  /** Its files' own problems (kept, so a change elsewhere does not gather every file's again). */
  files: Problem[];
}

/** Who I am, given the model of the program and the people read so far (see `PeopleHint`). */
export type WhoAmI = (model: MentoringModel) => Promise<Handle | undefined> | Handle | undefined;

/** The people files that could be me: these handles' files, and those whose text names this email. */
export interface PeopleHint {
  handles: string[];
  email?: string;
}

export class FolderIndex {
  readonly root: string;
  readonly folder: string;
  private exists = false;
  private folderNotes: Problem[] = [];
  private program: LoadedFile<Program> | undefined;
  private people: LoadedFile<Person>[] = [];
  /** The `.yaml` names listed in people/, read or not: a handle exists when its file does. */
  private peopleNames: string[] = [];
  /** Every people file is read (the folder-wide rules run only then). */
  private peopleComplete = false;
  /** The handles the cross-file rules know, while people files are still unread. */
  private handleSet: Set<string> | undefined;
  private peopleNotes: Problem[] = [];
  private pairsNotes: Problem[] = [];
  private pairs = new Map<string, PairEntry>();
  private folderCross: Problem[] = [];
  /** Reads files and lists folders through the fs door, an editor's unsaved text first. */
  private readonly files: FolderReader;
  private cached: MentoringModel | undefined;
  /** Counts full reloads, so a background load stops when the folder was read again meanwhile. */
  private generation = 0;
  /** Every pair is wanted (after `load` or `loadRest`): a new pair folder is read when it appears. */
  private wantAll = false;

  constructor(root: string, options: LoadOptions = {}) {
    this.root = resolve(root);
    this.folder = resolveMentoringFolder(this.root, options.folder);
    this.files = new FolderReader(this.root);
  }

  /** The folder as read so far (only the pairs read yet); a new object after every change. */
  get model(): MentoringModel {
    if (!this.cached) {
      const model = this.skeleton();
      const loaded = [...this.pairs.values()].filter((e) => e.loaded);
      model.pairs = loaded.map((e) => e.pair).sort(byId);
      const notes = [...this.folderNotes, ...this.peopleNotes, ...this.pairsNotes, ...loaded.flatMap((e) => e.notes)];
      const cross = [...this.folderCross, ...loaded.flatMap((e) => e.cross)];
      const filesOf = new Map(loaded.map((e) => [e.pair, e.files]));
      model.problems = modelProblems(model, notes, cross, (pair) => filesOf.get(pair) ?? filesProblems(pair));
      this.cached = model;
    }
    return this.cached;
  }

  /** Whether every pair folder has been read. */
  get complete(): boolean {
    if (!this.peopleComplete) return false;
    for (const entry of this.pairs.values()) if (!entry.loaded) return false;
    return true;
  }

  /** Reads everything. */
  async load(): Promise<void> {
    this.scanTop(true);
    await this.loadRest();
  }

  /**
   * Reads the program, the list of people and pairs, the people files `hint` points at (all of
   * them without a hint), then my pairs and their people, once `whoAmI` names me.
   */
  async loadFirst(
    whoAmI: WhoAmI,
    hint?: () => Promise<PeopleHint | undefined> | PeopleHint | undefined,
  ): Promise<void> {
    this.scanTop(hint === undefined);
    const generation = this.generation;
    const given = hint ? await hint() : undefined;
    if (generation !== this.generation) return;
    this.files.newPass();
    if (given) this.readPeopleLike(given);
    else this.completePeople();
    const me = await whoAmI(this.model);
    if (generation !== this.generation) return;
    this.files.newPass();
    if (me === undefined) {
      this.completePeople();
      return;
    }
    const mine = [...this.pairs.values()].filter((e) => e.pair.mentee === me || e.pair.mentor === me);
    this.readPeopleNamed(new Set(mine.flatMap((e) => [e.pair.mentee, e.pair.mentor])));
    for (const entry of mine) if (!entry.loaded) this.readPair(entry, () => false);
    this.cached = undefined;
  }

  /** Reads the pairs not read yet, a batch at a time; stops when the folder is read again meanwhile. */
  async loadRest(): Promise<void> {
    this.wantAll = true;
    const generation = this.generation;
    this.files.newPass();
    this.completePeople();
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
        this.files.newPass();
      }
    }
    this.cached = undefined;
  }

  /** Makes `text` stand for the file at `absPath` (undefined: the disk again); true when that changed anything. */
  setUnsaved(absPath: string, text: string | undefined): boolean {
    return this.files.setUnsaved(absPath, text);
  }

  /** Re-reads what the created, changed or deleted `paths` touch (absolute; files or folders). */
  async patch(paths: Iterable<string>): Promise<void> {
    const changed = [...new Set([...paths].map((p) => resolve(p)))];
    this.files.newPass();
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
    if (top) this.readProgram(this.files.listDir(this.folder, this.files.noteTo(this.folderNotes)) ?? []);
    let allPairs = false;
    if (people) {
      const before = handlesKey(this.handles());
      this.readPeople(changedAt);
      allPairs = handlesKey(this.handles()) !== before;
    }
    if ((top || people) && this.peopleComplete) this.checkFolder();
    if (pairList) this.listPairs();
    for (const entry of this.pairs.values()) {
      if (pairIds.has(entry.pair.id) && (entry.loaded || this.wantAll)) this.readPair(entry, changedAt);
      else if (allPairs && entry.loaded) this.checkPair(entry);
    }
  }

  /** Forgets everything and reads the program, the people (all of them, or only their list) and the list of pairs. */
  private scanTop(allPeople: boolean): void {
    this.generation++;
    this.files.newPass();
    this.peopleNames = [];
    this.peopleComplete = allPeople;
    this.handleSet = undefined;
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
    const entries = kind === 'dir' ? this.files.listDir(this.folder, this.files.noteTo(this.folderNotes)) : undefined;
    if (entries === undefined) {
      if (kind === 'file')
        this.folderNotes.push(problem(this.root, this.folder, 'the mentoring folder is a file, not a folder'));
      this.exists = kind === 'dir';
      return;
    }
    this.exists = true;
    this.readProgram(entries);
    this.readPeople(() => true);
    if (allPeople) this.checkFolder();
    this.listPairs();
  }

  private readProgram(entries: { name: string; isFile(): boolean }[]): void {
    const present = entries.some((entry) => entry.name === 'program.yaml' && entry.isFile());
    this.program = present ? this.files.read('program', join(this.folder, 'program.yaml')) : undefined;
  }

  /** Lists people/ again and re-reads the changed files among those read (every file once people are complete). */
  private readPeople(changedAt: (abs: string) => boolean): void {
    const old = new Map(this.people.map((file) => [file.path, file]));
    this.peopleNotes = [];
    this.handleSet = undefined;
    const note = this.files.noteTo(this.peopleNotes);
    this.peopleNames = yamlFiles(this.root, join(this.folder, 'people'), (dir) => this.files.listDir(dir, note), note);
    this.people = this.peopleNames
      .map((name) => join(this.folder, 'people', name))
      .filter((abs) => this.peopleComplete || old.has(abs))
      .map((abs) => (!changedAt(abs) && old.get(abs)) || this.files.read('person', abs))
      .sort(byPath);
  }

  /** Adds the unread people files among `names` that `wanted` accepts (given the file's path and text). */
  private addPeople(names: Iterable<string>, wanted: (abs: string, text: () => string | undefined) => boolean): void {
    const have = new Set(this.people.map((file) => file.path));
    const added: LoadedFile<Person>[] = [];
    for (const name of names) {
      const abs = join(this.folder, 'people', name);
      if (have.has(abs)) continue;
      const got: { done?: true; text?: string } = {};
      const textOf = () => {
        if (!got.done) Object.assign(got, { done: true, text: this.files.rawText(abs) });
        return got.text;
      };
      if (!wanted(abs, textOf)) continue;
      added.push(
        got.text === undefined ? this.files.read('person', abs) : this.files.readText('person', abs, got.text),
      );
    }
    if (added.length === 0) return;
    this.people = [...this.people, ...added].sort(byPath);
    this.handleSet = undefined;
    this.cached = undefined;
  }

  /** The people files named by the hint's handles or naming its email (a cheap text match before any parse). */
  private readPeopleLike(hint: PeopleHint): void {
    const email = hint.email === undefined ? '' : emailKey(hint.email);
    this.readPeopleNamed(hint.handles);
    if (email === '') return;
    this.addPeople(this.peopleNames, (abs, text) => {
      const raw = text();
      // An unreadable file is parsed for its problem; a backslash may escape the email in a quoted string.
      if (raw === undefined) return true;
      const lower = raw.toLowerCase();
      return lower.includes(email) || lower.includes('\\');
    });
  }

  private readPeopleNamed(handles: Iterable<string>): void {
    const listed = new Set(this.peopleNames);
    const names = [...handles].map((handle) => `${handle}.yaml`).filter((name) => listed.has(name));
    this.addPeople(names, () => true);
  }

  /** Reads every people file not read yet and runs the folder-wide rules; re-checks read pairs if the handles changed. */
  private completePeople(): void {
    if (this.peopleComplete) return;
    const before = handlesKey(this.handles());
    this.addPeople(this.peopleNames, () => true);
    this.peopleComplete = true;
    this.handleSet = undefined;
    this.checkFolder();
    if (handlesKey(this.handles()) !== before)
      for (const entry of this.pairs.values()) if (entry.loaded) this.checkPair(entry);
    this.cached = undefined;
  }

  /** The handles the cross-file rules know: every listed people file's name, and the handles read. */
  private handles(): Set<string> {
    if (!this.handleSet) {
      this.handleSet = knownHandles(this.people);
      for (const name of this.peopleNames) this.handleSet.add(name.slice(0, -'.yaml'.length));
    }
    return this.handleSet;
  }

  /** Lists the pair folders, keeping what was read of those still there. */
  private listPairs(): void {
    this.pairsNotes = [];
    const next = new Map<string, PairEntry>();
    const note = this.files.noteTo(this.pairsNotes);
    for (const fresh of listPairDirs(join(this.folder, 'pairs'), (dir) => this.files.listDir(dir, note), note)) {
      next.set(fresh.id, this.pairs.get(fresh.id) ?? { pair: fresh, loaded: false, notes: [], cross: [], files: [] });
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
      (!changedAt(abs) && (old.get(abs) as LoadedFile<FileData[typeof kind]> | undefined)) ||
      this.files.read(kind, abs);
    const note = this.files.noteTo(notes);
    for (const job of pairJobs(this.root, pair, (dir) => this.files.listDir(dir, note), note, read)) job();
    sortPair(pair);
    entry.pair = pair;
    entry.notes = notes;
    entry.files = filesProblems(pair);
    entry.loaded = true;
    this.checkPair(entry);
    this.cached = undefined;
  }

  private checkFolder(): void {
    this.folderCross = validateMentoring(this.skeleton(), { folder: true, pairs: [] });
  }

  private checkPair(entry: PairEntry): void {
    entry.cross = validateMentoring(this.skeleton(), { folder: false, pairs: [entry.pair], handles: this.handles() });
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
}

function handlesKey(handles: Set<string>): string {
  return [...handles].sort().join('\n');
}
