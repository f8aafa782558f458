// Parses `git log --raw -z --no-abbrev` output as it streams in. Each commit starts with a
// header token (our format, fields separated by NUL); raw diff entries follow (parse.ts reads
// them, as it does for `diff-tree`). Splitting on NUL only, never on newlines, keeps any file
// name safe.
import { NulSplitter, RawDiffReader, type RawChange } from './parse';

/** The `--format` that `LogParser` reads: \x01 marks a header; fields are NUL-separated. */
export const LOG_FORMAT = '--format=%x01%H%x00%P%x00%an%x00%ae%x00%aI%x00%cI%x00';

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

export class LogParser {
  private readonly splitter = new NulSplitter((token) => this.token(token));
  private readonly changes = new RawDiffReader((change) => this.current?.changes.push(change));
  private header: string[] | undefined;
  private current: CommitRecord | undefined;

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
    if (this.changes.token(token)) return;
    if (token.startsWith('\x01')) {
      this.flush();
      this.header = [token.slice(1)];
    }
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
