// Reads many blobs through one `git cat-file --batch --buffer` process instead of a process
// per version. Ids can be requested while the history walk is still running; contents arrive
// in request order and are handed to `onBlob` as soon as they are complete.
import { streamGit } from './git';

const BLOB_ID = /^[0-9a-f]{40,64}$/;

export class BlobReader {
  private stdin: NodeJS.WritableStream | undefined;
  private queued: string[] = [];
  private flushScheduled = false;
  private readonly requested = new Set<string>();
  private readonly done: Promise<void>;
  private buffer: Buffer = Buffer.alloc(0);
  private expecting: { id: string; size: number; blob: boolean } | undefined;

  constructor(
    root: string,
    private readonly onBlob: (id: string, content: Buffer | undefined) => void,
  ) {
    this.done = streamGit(root, ['cat-file', '--batch', '--buffer'], (chunk) => this.receive(chunk), {
      input: (stdin) => {
        this.stdin = stdin;
        if (this.queued.length > 0) stdin.write(this.queued.join(''));
        this.queued = [];
      },
    });
    this.done.catch(() => undefined); // reported by finish(); never an unhandled rejection
  }

  /** Asks for a blob once; later requests for the same id are ignored. */
  request(id: string): void {
    if (this.requested.has(id) || !BLOB_ID.test(id)) return;
    this.requested.add(id);
    // Ids are written in batches: one write per id costs more than git takes to answer it.
    this.queued.push(`${id}\n`);
    if (this.stdin && !this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    if (!this.stdin || this.queued.length === 0) return;
    this.stdin.write(this.queued.join(''));
    this.queued = [];
  }

  /** No more requests: waits until every requested blob has been delivered. */
  async finish(): Promise<void> {
    if (this.stdin) {
      this.flush();
      this.stdin.end();
    } else this.queued = []; // never started; `done` settles with the process
    await this.done;
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    let offset = 0;
    for (;;) {
      if (!this.expecting) {
        const newline = this.buffer.indexOf(10, offset);
        if (newline === -1) break;
        const header = this.buffer.toString('latin1', offset, newline).split(' ');
        offset = newline + 1;
        if (header[1] === 'missing' || header[1] === 'ambiguous' || header.length < 3) {
          this.onBlob(header[0], undefined);
          continue;
        }
        this.expecting = { id: header[0], size: Number(header[2]), blob: header[1] === 'blob' };
      }
      const { id, size, blob } = this.expecting;
      if (this.buffer.length - offset < size + 1) break;
      const content = this.buffer.subarray(offset, offset + size);
      offset += size + 1;
      this.expecting = undefined;
      this.onBlob(id, blob ? content : undefined);
    }
    this.buffer = offset >= this.buffer.length ? Buffer.alloc(0) : this.buffer.subarray(offset);
  }
}
