import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { FolderIndex } from '../../src/core/folder/folderIndex';
import { loadMentoring } from '../../src/core/folder/load';
import type { MentoringModel } from '../../src/core/folder/model';
import { removeTempDirs, tempDir } from './helpers/tempRepo';

after(removeTempDirs);

const VALID = resolve(__dirname, '../fixtures/valid/.mentoring');

function fixture(): string {
  const root = tempDir('mentoring-index-');
  cpSync(VALID, join(root, '.mentoring'), { recursive: true });
  return root;
}

/** A small seeded generator, so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PAIRS = ['ana--ben', 'cleo--ben', 'ana--cleo', 'dan--ben'];
const PEOPLE = ['ana', 'ben', 'cleo', 'dan'];

const session = (date: string, by: string, goal = 'system-design') =>
  `date: ${date}\nprepared_by: ${by}\ntopics:\n  - question: How?\n    goal: ${goal}\n`;
const plan = (pair: string, goal: string) => {
  const [mentee, mentor] = pair.split('--');
  return `mentee: ${mentee}\nmentor: ${mentor}\ninitiated_by: mentee\nstatus: active\ngoals:\n  - id: ${goal}\n    title: A goal\n    status: planned\n`;
};
const person = (handle: string, name = handle) => `handle: ${handle}\nname: ${name}\n`;
const feedback = (asked: string, by: string, of: string) =>
  `asked_by: ${by}\nasked_of: ${of}\nasked: ${asked}\nkind: code\nquestion: Is this right?\nstatus: open\n`;

/** Every file under `dir`, absolute. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** One random change to the folder on disk; returns the paths a file watcher reports for it. */
function randomEdit(root: string, next: () => number): string[] {
  const folder = join(root, '.mentoring');
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const write = (rel: string, text: string) => {
    const abs = join(folder, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    return [abs];
  };
  const pair = pick(PAIRS);
  const [mentee, mentor] = pair.split('--');
  const day = `2026-11-${String(10 + Math.floor(next() * 5)).padStart(2, '0')}`;
  switch (Math.floor(next() * 11)) {
    case 0:
      return write(`pairs/${pair}/sessions/${day}.yaml`, session(day, pick([mentee, mentor, 'zed'])));
    case 1:
      return write(`pairs/${pair}/sessions/${day}.yaml`, session(pick(['2026-01-01', day]), mentee, 'no-goal'));
    case 2:
      return write(`pairs/${pair}/sessions/${day}.yaml`, pick(['date: [unclosed\n', 'just text\n', 'notes: 3\n']));
    case 3:
      return write(`pairs/${pair}/plan.yaml`, pick([plan(pair, 'system-design'), plan(pair, 'other'), 'mentee: [\n']));
    case 4:
      return write(`pairs/${pair}/feedback/${day}-${pick(['a', 'b'])}.yaml`, feedback(day, mentee, mentor));
    case 5: {
      const handle = pick(PEOPLE);
      return write(`people/${handle}.yaml`, person(pick([handle, handle, 'other']), pick(['A', 'B'])));
    }
    case 6:
      return write('program.yaml', `name: P\ncoordinators: [${pick(PEOPLE)}]\n`);
    case 7: {
      const files = filesUnder(folder);
      if (files.length === 0) return [];
      const victim = pick(files);
      rmSync(victim);
      return [victim];
    }
    case 8: {
      const files = filesUnder(join(folder, 'pairs')).filter((f) => f.includes('/sessions/'));
      if (files.length === 0) return [];
      const from = pick(files);
      const to = join(dirname(from), pick([`${day}.yaml`, 'Bad Name.yaml', `${day}.yml`, 'notes.txt']));
      if (from === to) return [];
      renameSync(from, to);
      return [from, to];
    }
    case 9: {
      // A whole pair folder goes or comes: the watcher names the folder.
      const dir = join(folder, 'pairs', pair);
      if (existsSync(dir)) {
        rmSync(dir, { recursive: true });
        return [dir];
      }
      write(`pairs/${pair}/plan.yaml`, plan(pair, 'system-design'));
      return [dir, ...write(`pairs/${pair}/sessions/${day}.yaml`, session(day, mentee))];
    }
    default:
      return write(`pairs/${pick(['bad_pair', 'x--y'])}/plan.yaml`, plan('x--y', 'g'));
  }
}

describe('FolderIndex', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`patched after each of 40 random edits equals a full load (seed ${seed})`, async () => {
      const root = fixture();
      const index = new FolderIndex(root);
      await index.load();
      const next = random(seed);
      for (let step = 0; step < 40; step++) {
        const paths = randomEdit(root, next);
        await index.patch(paths);
        assert.deepEqual(index.model, await loadMentoring(root), `seed ${seed}, step ${step}: ${paths.join(', ')}`);
      }
    });
  }

  it('loads my pairs first, then the rest, ending equal to a full load', async () => {
    const root = fixture();
    writeFileSync(join(root, '.mentoring/people/dan.yaml'), person('dan'));
    mkdirSync(join(root, '.mentoring/pairs/cleo--dan/sessions'), { recursive: true });
    writeFileSync(join(root, '.mentoring/pairs/cleo--dan/plan.yaml'), plan('cleo--dan', 'g'));
    writeFileSync(join(root, '.mentoring/pairs/cleo--dan/sessions/2026-11-10.yaml'), session('2026-11-10', 'zed', 'g'));
    const index = new FolderIndex(root);
    let seen: MentoringModel | undefined;
    await index.loadFirst((model) => {
      seen = model;
      return 'ana';
    });
    assert.deepEqual(seen?.pairs, [], 'who I am is asked before any pair is read');
    assert.deepEqual(
      seen?.people.map((p) => p.data?.handle),
      ['ana', 'ben', 'cleo', 'dan'],
    );
    assert.deepEqual(
      index.model.pairs.map((p) => p.id),
      ['ana--ben'],
    );
    assert.equal(index.complete, false);
    assert.deepEqual(index.model.problems, [], "another pair's problems wait for its load");
    await index.loadRest();
    assert.equal(index.complete, true);
    const full = await loadMentoring(root);
    assert.deepEqual(index.model, full);
    assert.equal(full.problems[0].message, 'prepared_by: no person "zed" (expected people/zed.yaml)');
  });

  it('with a hint, reads only the people that could be me and those of my pairs, and the folder-wide rules later', async () => {
    const root = fixture();
    writeFileSync(join(root, '.mentoring/people/dan.yaml'), 'handle: dan\nname: Dan\nemails: [Ben@Example.com]\n');
    writeFileSync(
      join(root, '.mentoring/people/eve.yaml'),
      'handle: eve\nname: Eve\nemails: ["\\x61na@example.com"]\n',
    );
    writeFileSync(join(root, '.mentoring/people/fay.yaml'), 'handle: other\n');
    const index = new FolderIndex(root);
    let seen: string[] = [];
    await index.loadFirst(
      (model) => {
        seen = model.people.map((p) => p.rel);
        return 'ana';
      },
      async () => ({ handles: ['cleo'], email: 'ANA@example.com' }),
    );
    // ana's text names the email; eve's may, through an escape; cleo is named; ben is ana's mentor.
    assert.deepEqual(seen, ['.mentoring/people/ana.yaml', '.mentoring/people/cleo.yaml', '.mentoring/people/eve.yaml']);
    assert.deepEqual(
      index.model.people.map((p) => p.rel),
      [
        '.mentoring/people/ana.yaml',
        '.mentoring/people/ben.yaml',
        '.mentoring/people/cleo.yaml',
        '.mentoring/people/eve.yaml',
      ],
    );
    assert.deepEqual(
      index.model.pairs.map((p) => p.id),
      ['ana--ben'],
    );
    assert.deepEqual(index.model.problems, [], 'the unique-email and handle rules wait for every people file');
    assert.equal(index.complete, false);
    await index.loadRest();
    assert.equal(index.complete, true);
    const full = await loadMentoring(root);
    assert.deepEqual(index.model, full);
    assert.ok(full.problems.some((p) => p.file === '.mentoring/people/fay.yaml'));
  });

  it('reads every people file first when I am nobody yet, to choose from', async () => {
    const root = fixture();
    const index = new FolderIndex(root);
    await index.loadFirst(
      () => undefined,
      () => ({ handles: ['nobody'] }),
    );
    assert.deepEqual(
      index.model.people.map((p) => p.data?.handle),
      ['ana', 'ben', 'cleo'],
    );
    assert.deepEqual(index.model.pairs, []);
  });

  for (const seed of [7, 8, 9]) {
    it(`patched during a first load with a hint, then completed, equals a full load (seed ${seed})`, async () => {
      const root = fixture();
      const index = new FolderIndex(root);
      await index.loadFirst(
        () => 'cleo',
        () => ({ handles: ['cleo'] }),
      );
      const next = random(seed);
      for (let step = 0; step < 15; step++) await index.patch(randomEdit(root, next));
      await index.loadRest();
      assert.deepEqual(index.model, await loadMentoring(root), `seed ${seed}`);
    });
  }

  it('shows unsaved text in place of the file, marked, and goes back to the disk', async () => {
    const root = fixture();
    const index = new FolderIndex(root);
    await index.load();
    const abs = join(root, '.mentoring/pairs/ana--ben/sessions/2026-11-21.yaml');
    const text = session('2026-11-21', 'zed');
    assert.equal(index.setUnsaved(abs, text), true);
    await index.patch([abs]);
    const live = index.model.pairs[0].sessions[1];
    assert.equal(live.unsaved, true);
    assert.equal(live.data?.prepared_by, 'zed');
    assert.equal(index.model.problems.length, 1, 'the cross-file rules see the unsaved text');

    index.setUnsaved(abs, undefined);
    await index.patch([abs]);
    assert.deepEqual(index.model, await loadMentoring(root));
  });

  it('reads everything again when the folder appears', async () => {
    const root = tempDir('mentoring-index-');
    const index = new FolderIndex(root);
    await index.load();
    assert.equal(index.model.exists, false);
    cpSync(VALID, join(root, '.mentoring'), { recursive: true });
    await index.patch([join(root, '.mentoring/program.yaml')]);
    assert.deepEqual(index.model, await loadMentoring(root));
    assert.equal(index.model.pairs.length, 1);
  });
});
