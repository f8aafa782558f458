// The storyteller behind the demo repository: the story is told step by step (write, writeYaml,
// commit, each commit by a person on a day relative to `today`), and replayed as real commits in
// date order, so the history reads like the real thing (commit dates never go backwards).
// Also the git runner and the YAML writer the demo's files are made with.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import YAML from 'yaml';
import { PEOPLE } from './people.mjs';

const DAY = 24 * 60 * 60 * 1000;

/** The day `days` after `today` (both YYYY-MM-DD), counted in UTC so no time zone moves it. */
export function shift(today, days) {
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY).toISOString().slice(0, 10);
}

/** YAML as the people would write it; `flowPaths` are kept on one line (`lines: [8, 19]`). */
export function toYaml(value, flowPaths = []) {
  const doc = new YAML.Document(value);
  for (const path of flowPaths) {
    const node = doc.getIn(path, true);
    if (node) node.flow = true;
  }
  return doc.toString({ lineWidth: 0 });
}

export function git(dir, args, env = {}) {
  const result = spawnSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1', ...env },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  return result.stdout.trim();
}

/** Commits everything in `dir` as `who` (a key of PEOPLE), authored and committed at `date`. */
function commitAs(dir, who, date, message) {
  const person = PEOPLE[who];
  git(dir, ['add', '--all']);
  git(dir, ['commit', '--quiet', '--no-verify', '-m', message], {
    GIT_AUTHOR_NAME: person.name,
    GIT_AUTHOR_EMAIL: person.emails[0],
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: person.name,
    GIT_COMMITTER_EMAIL: person.emails[0],
    GIT_COMMITTER_DATE: date,
  });
  return git(dir, ['rev-parse', '--short=8', 'HEAD']);
}

function writeFile(dir, path, text) {
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/**
 * A story told into the git repository `dir`. `at(days)` is the day `days` after `today`;
 * write/writeYaml gather files for the next `commit`, which records who committed them on which
 * day; `replay` makes the commits told so far, in date order (ties in the order told), and
 * returns the short hash of the last one.
 */
export function createStory(dir, today) {
  const at = (days) => shift(today, days);
  let pending = [];
  const steps = [];
  let commits = 0;
  const write = (path, text) => pending.push({ path, text });
  const writeYaml = (path, value, flowPaths) => write(path, toYaml(value, flowPaths));
  const commit = (who, days, message, hour = 10) => {
    const date = `${at(days)}T${String(hour).padStart(2, '0')}:00:00+00:00`;
    steps.push({ who, date, message, writes: pending, order: steps.length });
    pending = [];
  };
  const replay = () => {
    let head = '';
    const told = steps.splice(0).sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
    for (const step of told) {
      for (const { path, text } of step.writes) writeFile(dir, path, text);
      head = commitAs(dir, step.who, step.date, step.message);
      commits += 1;
    }
    return head;
  };
  return { at, write, writeYaml, commit, replay, commits: () => commits };
}
