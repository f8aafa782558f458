// Reading object contents: one `git cat-file --batch --buffer` process for many objects instead
// of a process per version. Names (blob ids, or `<commit>:<path>`) can be asked for while other
// git commands are still running; contents come back in request order.
import { BatchReader } from './parse';
import { GitError, streamGit, TIMEOUT_MS } from './runner';

/** Refuses a name git could read as an option, or one that would break the one-name-per-line input. */
function assertObjectName(name: string): void {
  if (typeof name !== 'string' || name === '' || /[\n\r\0]/.test(name) || name.startsWith('-'))
    throw new GitError(`refusing the object name "${name}"`);
}

export class ObjectReader {
  private stdin: NodeJS.WritableStream | undefined;
  private queued: string[] = [];
  private flushScheduled = false;
  private readonly requested = new Set<string>();
  /** Names written to git and not answered yet, oldest first (`next` is the one answered next). */
  private order: string[] = [];
  private next = 0;
  private readonly done: Promise<void>;

  /** Starts git at once; `onObject` gets each asked-for name's content, undefined when missing or not a blob. */
  constructor(
    root: string,
    private readonly onObject: (name: string, content: Buffer | undefined) => void,
    options: { timeoutMs?: number } = {},
  ) {
    const batch = new BatchReader((content) => this.answer(content));
    this.done = streamGit(root, ['cat-file', '--batch', '--buffer'], (chunk) => batch.push(chunk), {
      timeoutMs: options.timeoutMs,
      input: (stdin) => {
        this.stdin = stdin;
        if (this.queued.length > 0) stdin.write(this.queued.join(''));
        this.queued = [];
      },
    });
    this.done.catch(() => undefined); // reported by finish(); never an unhandled rejection
  }

  /** Asks for an object once; later requests for the same name are ignored. */
  request(name: string): void {
    if (this.requested.has(name)) return;
    assertObjectName(name);
    this.requested.add(name);
    this.order.push(name);
    // Names are written in batches: one write per name costs more than git takes to answer it.
    this.queued.push(`${name}\n`);
    if (this.stdin && !this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** No more requests: waits until every requested object has been delivered. */
  async finish(): Promise<void> {
    if (this.stdin) {
      this.flush();
      this.stdin.end();
    } else this.queued = []; // never started; `done` settles with the process
    await this.done;
  }

  private flush(): void {
    this.flushScheduled = false;
    if (!this.stdin || this.queued.length === 0) return;
    this.stdin.write(this.queued.join(''));
    this.queued = [];
  }

  private answer(content: Buffer | undefined): void {
    const name = this.order[this.next++];
    if (this.next === this.order.length) {
      this.order = [];
      this.next = 0;
    }
    if (name !== undefined) this.onObject(name, content);
  }
}

/**
 * The contents of several objects, named `<commit>:<path>` or by id, in request order; undefined
 * for one that does not exist or is not a blob.
 */
export async function readObjects(root: string, names: string[]): Promise<(Buffer | undefined)[]> {
  if (names.length === 0) return [];
  names.forEach(assertObjectName); // before git starts: a refused name must not leave it waiting
  const contents = new Map<string, Buffer | undefined>();
  const reader = new ObjectReader(root, (name, content) => contents.set(name, content), { timeoutMs: TIMEOUT_MS });
  for (const name of names) reader.request(name);
  await reader.finish();
  return names.map((name) => contents.get(name));
}
