// Parsers for what git prints, one per output format: NUL-separated tokens (`-z`), raw diff
// entries (`log --raw`, `diff-tree --raw`), tree entries (`ls-tree`), `cat-file --batch`
// objects, `for-each-ref` records and `status --porcelain=v1 -z` entries. They split on NUL
// wherever git offers it, never on newlines, which keeps any file name safe. The `git log`
// record format is in logParser.ts.

/**
 * Splits a byte stream on NUL and hands each token, decoded as UTF-8, to `onToken`. Each chunk
 * is decoded once up to its last NUL (a NUL byte never occurs inside a multi-byte character, so
 * tokens decode exactly as they would one by one): a `toString` per token cost more than the
 * parsing itself on a long log.
 */
export class NulSplitter {
  private pending: Buffer[] = [];

  constructor(private readonly onToken: (token: string) => void) {}

  push(chunk: Buffer): void {
    const lastNul = chunk.lastIndexOf(0);
    if (lastNul === -1) {
      this.pending.push(Buffer.from(chunk));
      return;
    }
    let complete = chunk.subarray(0, lastNul);
    if (this.pending.length > 0) {
      this.pending.push(complete);
      complete = Buffer.concat(this.pending);
      this.pending = [];
    }
    const text = complete.toString('utf8');
    let start = 0;
    for (let nul = text.indexOf('\0'); nul !== -1; nul = text.indexOf('\0', start)) {
      this.onToken(text.slice(start, nul));
      start = nul + 1;
    }
    this.onToken(text.slice(start));
    if (lastNul + 1 < chunk.length) this.pending.push(Buffer.from(chunk.subarray(lastNul + 1)));
  }

  end(): void {
    if (this.pending.length > 0) this.onToken(Buffer.concat(this.pending).toString('utf8'));
    this.pending = [];
  }
}

/** The non-empty NUL-separated fields of a whole output (`ls-files -z`). */
export function nulFields(out: string): string[] {
  return out.split('\0').filter(Boolean);
}

const ZERO_ID = /^0+$/;

export interface RawChange {
  /** A added, M modified, D deleted, R renamed, T type changed, C copied. */
  status: 'A' | 'M' | 'D' | 'R' | 'T' | 'C';
  /** Path before the change (differs from `path` for renames and copies). */
  oldPath: string;
  path: string;
  /** Blob id before, undefined for an addition. */
  oldBlob?: string;
  /** Blob id after, undefined for a deletion. */
  newBlob?: string;
}

type RawEntry = Pick<RawChange, 'status' | 'oldBlob' | 'newBlob'>;

/** Parses `:<mode> <mode> <old> <new> <status>` (leading newlines allowed); undefined for anything else. */
function parseRawEntry(token: string): RawEntry | undefined {
  const trimmed = token.replace(/^\n+/, '');
  const parts = trimmed.slice(1).split(' ');
  const status = (parts[4] ?? '').charAt(0);
  if (!trimmed.startsWith(':') || status === '' || !'AMDRTC'.includes(status)) return undefined;
  return {
    status: status as RawChange['status'],
    oldBlob: ZERO_ID.test(parts[2]) ? undefined : parts[2],
    newBlob: ZERO_ID.test(parts[3]) ? undefined : parts[3],
  };
}

/**
 * Raw diff output with `-z`, token by token: an entry token, then its path (two for renames and
 * copies, which carry a score: `R100`). Hands each complete change to `onChange`.
 */
export class RawDiffReader {
  private entry: (RawEntry & { paths: string[]; need: number }) | undefined;

  constructor(private readonly onChange: (change: RawChange) => void) {}

  /** Takes one token; false when it is neither a raw entry nor a path of the entry before it. */
  token(token: string): boolean {
    if (this.entry) {
      this.entry.paths.push(token);
      if (this.entry.paths.length === this.entry.need) this.finish(this.entry);
      return true;
    }
    const entry = parseRawEntry(token);
    if (!entry) return false;
    this.entry = { ...entry, paths: [], need: entry.status === 'R' || entry.status === 'C' ? 2 : 1 };
    return true;
  }

  private finish(entry: RawEntry & { paths: string[] }): void {
    this.entry = undefined;
    const [first, second] = entry.paths;
    this.onChange({
      status: entry.status,
      oldPath: first,
      path: second ?? first,
      oldBlob: entry.oldBlob,
      newBlob: entry.newBlob,
    });
  }
}

export interface TreeEntry {
  mode: string;
  /** blob, tree (with -d or without -r) or commit (a submodule). */
  type: string;
  id: string;
  /** Relative to the repository root (with --full-tree), with '/'. */
  path: string;
}

/** Parses one `ls-tree -z` record, `<mode> SP <type> SP <object> TAB <path>`. */
export function parseTreeEntry(record: string): TreeEntry | undefined {
  const tab = record.indexOf('\t');
  if (tab === -1) return undefined;
  const [mode, type, id] = record.slice(0, tab).split(' ');
  if (id === undefined) return undefined;
  return { mode, type, id, path: record.slice(tab + 1) };
}

type BatchHeader = { id: string; type: string; size: number } | { missing: true };

/**
 * Parses a `cat-file --batch` header: `<id> <type> <size>`, or `<name> missing` /
 * `<name> ambiguous` for a name that names nothing (the name may hold spaces: the word is last).
 */
function parseBatchHeader(line: string): BatchHeader {
  if (/ (missing|ambiguous)$/.test(line)) return { missing: true };
  const [id, type, size] = line.split(' ');
  const bytes = Number(size);
  if (type === undefined || !Number.isInteger(bytes) || bytes < 0) return { missing: true };
  return { id, type, size: bytes };
}

/**
 * `cat-file --batch` output as it streams in: each object's content (undefined for a missing
 * name or an object that is not a blob), in the order the names were asked for.
 */
export class BatchReader {
  private buffer: Buffer = Buffer.alloc(0);
  private expecting: { size: number; blob: boolean } | undefined;

  constructor(private readonly onObject: (content: Buffer | undefined) => void) {}

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    let offset = 0;
    for (;;) {
      if (!this.expecting) {
        const newline = this.buffer.indexOf(10, offset);
        if (newline === -1) break;
        const header = parseBatchHeader(this.buffer.toString('latin1', offset, newline));
        offset = newline + 1;
        if ('missing' in header) {
          this.onObject(undefined);
          continue;
        }
        this.expecting = { size: header.size, blob: header.type === 'blob' };
      }
      const { size, blob } = this.expecting;
      if (this.buffer.length - offset < size + 1) break;
      const content = this.buffer.subarray(offset, offset + size);
      offset += size + 1; // the content is followed by a newline
      this.expecting = undefined;
      this.onObject(blob ? content : undefined);
    }
    this.buffer = offset >= this.buffer.length ? Buffer.alloc(0) : this.buffer.subarray(offset);
  }
}

export interface RefInfo {
  /** Full name: `refs/heads/mentoring/ana--ben/plan-2026-11-21`. */
  ref: string;
  commit: string;
  authorEmail: string;
  /** Author date, ISO 8601. */
  date: string;
}

/** The `for-each-ref` format `parseRefRecords` reads: one line per ref, fields NUL-separated. */
export const REF_FORMAT = '--format=%(refname)%00%(objectname)%00%(authoremail)%00%(authordate:iso-strict)';

export function parseRefRecords(out: string): RefInfo[] {
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [ref, commit, email = '', date = ''] = line.split('\0');
      return { ref, commit, authorEmail: email.replace(/^<|>$/g, ''), date };
    });
}

/**
 * The paths of `status --porcelain=v1 -z --no-renames` entries. Each entry is "XY path";
 * without renames there is never a second path.
 */
export function parseStatusPaths(out: string): string[] {
  return out
    .split('\0')
    .filter((entry) => entry.length > 3)
    .map((entry) => entry.slice(3));
}
