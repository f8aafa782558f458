// Builds the demo repository used by `npm run demo` and the end-to-end tests: a git repository
// whose `.mentoring/` folder holds a program, four people and two mentoring pairs, with a few
// weeks of history committed by the people themselves on the days things happened.
// Dates are relative to `today` so there is always a session in the past and one ahead,
// and the same `today` always gives the same files and commits.
//
//   node scripts/demo-repo.mjs <dir> [--today YYYY-MM-DD] [--remote]
//
// --remote also makes the bare `origin` and the mentor's clone next to it (see addDemoRemote).
//
// The story itself lives in demo/: story.mjs tells it (steps replayed as commits in date order),
// people.mjs holds the people, program.mjs the program's start, and one file per pair its story.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tellAnaBen } from './demo/ana--ben.mjs';
import { tellChenDana } from './demo/chen--dana.mjs';
import { PEOPLE } from './demo/people.mjs';
import { tellProgramStart } from './demo/program.mjs';
import { createStory, git } from './demo/story.mjs';

/**
 * Today in the machine's time zone as YYYY-MM-DD: the extension's "today" (src/core/app/today.ts),
 * so a demo made late in the evening has the same upcoming session as the sidebar shows.
 */
export function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Creates the demo repository in `dir` (which must not exist or be empty).
 * @param {string} dir
 * @param {{ today?: string }} [options] today as YYYY-MM-DD (default: the local date)
 * @returns {{ dir: string, today: string, me: string, pairs: string[], commits: number }}
 */
export function createDemoRepo(dir, options = {}) {
  const today = options.today ?? localToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`today must be YYYY-MM-DD, got ${today}`);
  dir = resolve(dir);
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} exists and is not empty`);
  mkdirSync(dir, { recursive: true });

  git(dir, ['init', '--quiet', '--initial-branch=main']);
  // The repository's own identity is the first mentee's, so "who am I" resolves to Ana.
  git(dir, ['config', 'user.name', PEOPLE.ana.name]);
  git(dir, ['config', 'user.email', PEOPLE.ana.emails[0]]);
  git(dir, ['config', 'commit.gpgsign', 'false']);

  const story = createStory(dir, today);
  tellProgramStart(story);
  // The program's first commit holds the code Ana later asks Ben about, so it is made first.
  const codeCommit = story.replay();
  // The pairs' stories are told pair by pair and replayed together, in date order.
  tellAnaBen(story, codeCommit);
  tellChenDana(story);
  story.replay();

  return { dir, today, me: 'ana', pairs: ['ana--ben', 'chen--dana'], commits: story.commits() };
}

/**
 * Makes the demo an exchange between two clones, as a team has it: a bare repository becomes the
 * demo repository's `origin` (its history pushed, `main` tracking it), and a second clone of it is
 * Ben's, the mentor of ana--ben, with his git identity. By default both sit next to `dir`:
 * `<dir>-origin.git` and `<dir>-ben`; neither may exist with files in it.
 * @param {string} dir the demo repository (made by createDemoRepo)
 * @param {{ remote?: string, mentorDir?: string }} [options]
 * @returns {{ remote: string, mentorDir: string, mentor: string }}
 */
export function addDemoRemote(dir, options = {}) {
  dir = resolve(dir);
  const remote = resolve(options.remote ?? `${dir}-origin.git`);
  const mentorDir = resolve(options.mentorDir ?? `${dir}-ben`);
  for (const target of [remote, mentorDir])
    if (existsSync(target) && readdirSync(target).length > 0) throw new Error(`${target} exists and is not empty`);
  mkdirSync(remote, { recursive: true });
  git(remote, ['init', '--quiet', '--bare', '--initial-branch=main']);
  git(dir, ['remote', 'add', 'origin', remote]);
  git(dir, ['push', '--quiet', '--no-verify', '--set-upstream', 'origin', 'main']);
  mkdirSync(dirname(mentorDir), { recursive: true });
  git(dirname(mentorDir), ['clone', '--quiet', remote, mentorDir]);
  const mentor = PEOPLE.ben;
  git(mentorDir, ['config', 'user.name', mentor.name]);
  git(mentorDir, ['config', 'user.email', mentor.emails[0]]);
  git(mentorDir, ['config', 'commit.gpgsign', 'false']);
  return { remote, mentorDir, mentor: mentor.handle };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const todayAt = args.indexOf('--today');
  const today = todayAt >= 0 ? args.splice(todayAt, 2)[1] : undefined;
  const remoteAt = args.indexOf('--remote');
  if (remoteAt >= 0) args.splice(remoteAt, 1);
  if (args.length !== 1) {
    process.stderr.write('usage: node scripts/demo-repo.mjs <dir> [--today YYYY-MM-DD] [--remote]\n');
    process.exit(2);
  }
  try {
    const info = createDemoRepo(args[0], { today });
    process.stdout.write(`demo repository with ${info.commits} commits (today = ${info.today}) in ${info.dir}\n`);
    if (remoteAt >= 0) {
      const shared = addDemoRemote(info.dir);
      process.stdout.write(`its origin: ${shared.remote}\n${shared.mentor}'s clone: ${shared.mentorDir}\n`);
    }
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
