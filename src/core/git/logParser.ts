// Parses `git log --raw -z --no-abbrev` output as it streams in. Each commit starts with a
// header token (our format, fields separated by NUL); raw diff entries follow, each a
// `:<modes> <old> <new> <status>` token then one path (two for renames and copies).
// Splitting on NUL only, never on newlines, keeps any file name safe.

/** The `--format` that `LogParser` reads: \x01 marks a header; fields are NUL-separated. */
export const LOG_FORMAT = '--format=%x01%H%x00%P%x00%an%x00%ae%x00%aI%x00%cI%x00';

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

export interface CommitRecord {
  id: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** Strict ISO 8601 with the author's offset: `2026-11-20T18:00:00+01:00`. */
  authorDate: string;
  committerDate: string;
  changes: RawChange[];
}

const HEADER_FIELDS = 6;

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

/** Parses `:<mode> <mode> <old> <new> <status>`; undefined for anything else. */
export function parseRawEntry(
  token: string,
): { status: RawChange['status']; oldBlob?: string; newBlob?: string } | undefined {
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

export class LogParser {
  private readonly splitter = new NulSplitter((token) => this.token(token));
  private header: string[] | undefined;
  private current: CommitRecord | undefined;
  private rawEntry:
    { status: RawChange['status']; oldBlob?: string; newBlob?: string; paths: string[]; need: number } | undefined;

  constructor(private readonly onCommit: (commit: CommitRecord) => void) {}

  push(chunk: Buffer): void {
    this.splitter.push(chunk);
  }

  end(): void {
    this.splitter.end();
    this.flush();
  }

  private token(token: string): void {
    if (this.header) {
      this.header.push(token);
      if (this.header.length === HEADER_FIELDS) this.startCommit(this.header);
      return;
    }
    if (this.rawEntry) {
      this.rawEntry.paths.push(token);
      if (this.rawEntry.paths.length === this.rawEntry.need) this.finishEntry();
      return;
    }
    if (token.startsWith('\x01')) {
      this.flush();
      this.header = [token.slice(1)];
      return;
    }
    const trimmed = token.replace(/^\n+/, '');
    if (trimmed.startsWith(':')) this.startEntry(trimmed);
    // Anything else is the empty token between a header and its diff.
  }

  private startCommit(fields: string[]): void {
    this.header = undefined;
    const [id, parents, authorName, authorEmail, authorDate, committerDate] = fields;
    this.current = {
      id,
      parents: parents.split(' ').filter(Boolean),
      authorName,
      authorEmail,
      authorDate,
      committerDate,
      changes: [],
    };
  }

  private startEntry(token: string): void {
    // :100644 100644 <old> <new> M   (R and C carry a score: R100)
    const entry = parseRawEntry(token);
    if (!entry) return;
    this.rawEntry = { ...entry, paths: [], need: entry.status === 'R' || entry.status === 'C' ? 2 : 1 };
  }

  private finishEntry(): void {
    const entry = this.rawEntry;
    this.rawEntry = undefined;
    if (!entry || !this.current) return;
    const [first, second] = entry.paths;
    this.current.changes.push({
      status: entry.status,
      oldPath: first,
      path: second ?? first,
      oldBlob: entry.oldBlob,
      newBlob: entry.newBlob,
    });
  }

  private flush(): void {
    if (this.current) this.onCommit(this.current);
    this.current = undefined;
  }
}

/** Parents before children; among unrelated commits, git's order reversed (oldest first). */
export function parentsFirst(commits: CommitRecord[]): CommitRecord[] {
  const byId = new Map(commits.map((commit) => [commit.id, commit]));
  const seen = new Set<string>();
  const ordered: CommitRecord[] = [];
  for (let i = commits.length - 1; i >= 0; i--) {
    if (seen.has(commits[i].id)) continue;
    seen.add(commits[i].id);
    const stack: [CommitRecord, number][] = [[commits[i], 0]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [commit, next] = top;
      if (next < commit.parents.length) {
        top[1] = next + 1;
        const parent = byId.get(commit.parents[next]);
        if (parent && !seen.has(parent.id)) {
          seen.add(parent.id);
          stack.push([parent, 0]);
        }
      } else {
        stack.pop();
        ordered.push(commit);
      }
    }
  }
  return ordered;
}
