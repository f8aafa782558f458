// How the folder index reads: files and folder listings through the fs door, every path checked
// again in each pass (the index lives long, and a folder can become a link) but each folder only
// once per pass, and an editor's unsaved text standing for the file on disk.
import { resolve } from 'node:path';
import type { LoadedFile, Problem } from './model';
import { listChecked, loadFileSync, loadFileText, problem, type FileData, type Note, type ReadFile } from './load';
import type { CheckedFolders } from '../fs';
import { readYamlText } from './yamlText';

export class FolderReader {
  /** Folders checked during the current pass (reset at each operation and after each yield). */
  private checked: CheckedFolders = new Set();
  private readonly unsaved = new Map<string, string>();

  constructor(private readonly root: string) {}

  /** Starts a pass: every folder is checked again. */
  newPass(): void {
    this.checked = new Set();
  }

  /** Makes `text` stand for the file at `absPath` (undefined: the disk again); true when that changed anything. */
  setUnsaved(absPath: string, text: string | undefined): boolean {
    const abs = resolve(absPath);
    if (this.unsaved.get(abs) === text) return false;
    if (text === undefined) this.unsaved.delete(abs);
    else this.unsaved.set(abs, text);
    return true;
  }

  readonly read: ReadFile = (kind, abs) => {
    const text = this.unsaved.get(resolve(abs));
    if (text === undefined) return loadFileSync(kind, abs, this.root, this.checked);
    return this.readText(kind, abs, text);
  };

  /** A file from text already read (or an editor's unsaved text, which wins). */
  readText<K extends keyof FileData>(kind: K, abs: string, text: string): LoadedFile<FileData[K]> {
    const unsaved = this.unsaved.get(resolve(abs));
    const file = loadFileText(kind, abs, this.root, unsaved ?? text);
    if (unsaved !== undefined) file.unsaved = true;
    return file;
  }

  /** A file's text (an editor's unsaved text first); undefined when it cannot be read. */
  rawText(abs: string): string | undefined {
    const unsaved = this.unsaved.get(resolve(abs));
    if (unsaved !== undefined) return unsaved;
    try {
      return readYamlText(this.root, abs, this.checked);
    } catch {
      return undefined;
    }
  }

  listDir(dir: string, note: Note) {
    return listChecked(this.root, dir, this.checked, note);
  }

  noteTo(notes: Problem[]): Note {
    return (abs, message, severity = 'error') => notes.push(problem(this.root, abs, message, severity));
  }
}
