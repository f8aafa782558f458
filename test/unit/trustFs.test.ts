// A repository is untrusted input: planted links, FIFOs and devices, kills mid-write and a full
// disk never make the CLI read or write outside the repository, hang, or leave a cut-short file.
// Real files, real git, the built CLI (run `npm run build` first).
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { checkPath, FileTooLargeError, lineEndingFor, readBytes, UnsafePathError, writeFile } from '../../src/core/fs';
import { git, removeTempDirs, tempDir, tempRepo } from './helpers/tempRepo';

after(removeTempDirs);

const CLI = join(__dirname, '../../dist/cli.js');
const VALID = resolve(__dirname, '../fixtures/valid/.mentoring');
const PAIR = '.mentoring/pairs/ana--ben';
const AGENDA = `${PAIR}/sessions/2030-01-01.yaml`;
/** A run that takes longer than this is taken for a hang. */
const HANG_MS = 20_000;

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  out: string;
}

function cli(cwd: string, ...args: string[]): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: HANG_MS });
  return { status: result.status, signal: result.signal, out: `${result.stdout}${result.stderr}` };
}

/** A committed repository with the valid fixture and a hand-written CODEOWNERS. */
function repo(): string {
  const root = tempRepo();
  cpSync(VALID, join(root, '.mentoring'), { recursive: true });
  // Every mentor named, so `codeowners --write` has something to write.
  appendFileSync(join(root, '.mentoring/people/ben.yaml'), 'git_host_handle: ben-k\n');
  mkdirSync(join(root, '.github'));
  writeFileSync(join(root, '.github/CODEOWNERS'), '# hand-written\n* @team\n');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'seed');
  return root;
}

/** Every file under `dir` with its bytes: any write would change it. */
function contents(dir: string): string {
  const lines: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = join(at, entry.name);
      if (entry.isDirectory()) walk(abs);
      else lines.push(`${abs} ${entry.isFile() ? readFileSync(abs, 'base64') : 'special'}`);
    }
  };
  walk(dir);
  return lines.join('\n');
}

/** Moves `rel` out of the repository into a sentinel folder and plants a link to it in its place. */
function plantLink(root: string, rel: string): string {
  const sentinel = tempDir('mentoring-sentinel-');
  const outside = join(sentinel, 'target');
  renameSync(join(root, rel), outside);
  symlinkSync(outside, join(root, rel));
  return sentinel;
}

describe('the fs module: paths, file types, caps', () => {
  it('refuses a link at any component, names it, and reads nothing through it', () => {
    const root = tempDir();
    mkdirSync(join(root, 'a'));
    writeFileSync(join(root, 'a/f.yaml'), 'x: 1\n');
    symlinkSync(join(root, 'a'), join(root, 'b'));
    symlinkSync(join(root, 'a/f.yaml'), join(root, 'a/g.yaml'));
    assert.equal(checkPath(root, join(root, 'a/f.yaml')), 'file');
    assert.equal(checkPath(root, join(root, 'a/none.yaml')), 'missing');
    assert.throws(
      () => checkPath(root, join(root, 'b/f.yaml')),
      (e: unknown) => {
        assert.ok(e instanceof UnsafePathError);
        assert.equal(e.rel, 'b');
        assert.match(e.message, /^b:1:1: refused: is a symbolic link/);
        return true;
      },
    );
    assert.throws(() => readBytes(root, join(root, 'a/g.yaml'), 100), /a\/g\.yaml:1:1: refused: is a symbolic link/);
    assert.throws(() => checkPath(root, '/etc/passwd'), /outside the repository/);
  });

  it('counts the bytes it reads: a file whose size says 0 cannot get past the cap', () => {
    // /proc files say size 0 and hold more: the cap must come from the count, not from fstat.
    const status = '/proc/self/status';
    if (!existsSync(status)) return void console.log('      (skipped: no /proc here)');
    assert.equal(statSync(status).size, 0);
    assert.throws(() => readBytes('/proc/self', status, 16), FileTooLargeError);
    assert.ok(readBytes('/proc/self', status, 1 << 20).length > 16);
  });

  it('refuses a FIFO and a device without blocking', () => {
    const root = tempDir();
    execFileSync('mkfifo', [join(root, 'x.yaml')]);
    const started = Date.now();
    assert.throws(() => readBytes(root, join(root, 'x.yaml'), 100), /x\.yaml:1:1: refused: is a FIFO/);
    try {
      execFileSync('mknod', [join(root, 'zero.yaml'), 'c', '1', '5'], { stdio: 'ignore' });
      assert.throws(() => readBytes(root, join(root, 'zero.yaml'), 100), /refused: is a device/);
    } catch (error) {
      if (error instanceof assert.AssertionError) throw error;
      console.log('      (device part skipped: mknod is not allowed here)');
    }
    assert.ok(Date.now() - started < 5000);
  });

  it('writes atomically: an exclusive write leaves an existing file alone, a replacement keeps its mode', async () => {
    const root = tempDir();
    const file = join(root, 'sub/dir/f.txt');
    await writeFile(root, file, 'one\n', { exclusive: true });
    await assert.rejects(writeFile(root, file, 'two\n', { exclusive: true }), { code: 'EEXIST' });
    assert.equal(readFileSync(file, 'utf8'), 'one\n');
    chmodSync(file, 0o640);
    await writeFile(root, file, 'three\n');
    assert.equal(readFileSync(file, 'utf8'), 'three\n');
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dirname(file)), ['f.txt'], 'no temporary file left');
    symlinkSync(join(root, 'sub/dir/f.txt'), join(root, 'sub/link.txt'));
    await assert.rejects(writeFile(root, join(root, 'sub/link.txt'), 'x'), UnsafePathError);
    assert.equal(readFileSync(file, 'utf8'), 'three\n');
  });

  it('a new file takes the line ending of its siblings, else of the nearest folder above', () => {
    const root = tempDir();
    mkdirSync(join(root, 'crlf/deep'), { recursive: true });
    mkdirSync(join(root, 'lf'));
    writeFileSync(join(root, 'crlf/a.yaml'), 'a: 1\r\nb: 2\r\n');
    writeFileSync(join(root, 'lf/a.yaml'), 'a: 1\nb: 2\n');
    assert.equal(lineEndingFor(root, join(root, 'crlf/new.yaml')), '\r\n');
    assert.equal(lineEndingFor(root, join(root, 'crlf/deep/new.yaml')), '\r\n');
    assert.equal(lineEndingFor(root, join(root, 'lf/new.yaml')), '\n');
    assert.equal(lineEndingFor(root, join(root, 'new.yaml')), '\n');
  });
});

describe('planted links: reported by validate, never written through (command line)', () => {
  before(() => assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first'));

  const places = [
    '.mentoring',
    '.mentoring/pairs',
    '.mentoring/people',
    `${PAIR}/sessions`,
    `${PAIR}/feedback`,
    '.github/CODEOWNERS',
    '.github',
  ];
  for (const place of places) {
    it(`a link at ${place}`, () => {
      const root = repo();
      const sentinel = plantLink(root, place);
      const before = contents(sentinel);
      const validate = cli(root, 'validate');
      assert.equal(validate.status, 1, validate.out);
      assert.ok(
        validate.out.includes(`${place}:1:1: refused: is a symbolic link`) ||
          // a link above the CODEOWNERS places is reported where it is
          validate.out.includes(`${place.split('/')[0]}:1:1: refused: is a symbolic link`),
        validate.out,
      );
      for (const args of [['agenda', 'ana--ben', '--date', '2030-01-01'], ['init'], ['codeowners', '--write']]) {
        const run = cli(root, ...args);
        assert.equal(run.signal, null, `${args[0]} finished`);
        assert.equal(contents(sentinel), before, `${args.join(' ')} wrote nothing outside the repository`);
      }
    });
  }
});

describe('FIFOs and device links: every command finishes, with a problem (command line)', () => {
  it('a FIFO x.yaml, a FIFO program.yaml, a FIFO CODEOWNERS and a link to /dev/zero', function () {
    this.timeout(4 * HANG_MS);
    const root = repo();
    execFileSync('mkfifo', [join(root, '.mentoring/people/x.yaml')]);
    symlinkSync('/dev/zero', join(root, '.mentoring/people/zero.yaml'));
    rmSync(join(root, '.mentoring/program.yaml'));
    execFileSync('mkfifo', [join(root, '.mentoring/program.yaml')]);
    rmSync(join(root, '.github/CODEOWNERS'));
    execFileSync('mkfifo', [join(root, '.github/CODEOWNERS')]);

    const validate = cli(root, 'validate');
    assert.equal(validate.signal, null, 'validate finished');
    assert.equal(validate.status, 1, validate.out);
    assert.match(validate.out, /people\/x\.yaml:1:1: refused: is a FIFO/);
    assert.match(validate.out, /program\.yaml:1:1: refused: is a FIFO/);
    assert.match(validate.out, /\.github\/CODEOWNERS:1:1: refused: is a FIFO/);
    assert.match(validate.out, /people\/zero\.yaml:1:1: warning: symbolic link ignored/);

    const health = cli(root, 'health');
    assert.equal(health.signal, null, 'health finished');
    assert.match(health.out, /program\.yaml:1:1: refused: is a FIFO/);

    const codeowners = cli(root, 'codeowners', '--write');
    assert.equal(codeowners.signal, null, 'codeowners --write finished');
    assert.notEqual(codeowners.status, 0);
    assert.match(codeowners.out, /CODEOWNERS:1:1: refused: is a FIFO/);
    assert.ok(statSync(join(root, '.github/CODEOWNERS')).isFIFO(), 'the FIFO was not replaced');
  });
});

describe('kill -9 during each write: the file is the old one or the complete new one (command line)', () => {
  const ITERATIONS = 20;

  async function killedAfter(cwd: string, args: string[], delayMs: number): Promise<void> {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: 'ignore' });
    const done = new Promise<void>((resolveDone) => child.on('exit', () => resolveDone()));
    setTimeout(() => child.kill('SIGKILL'), delayMs);
    await done;
  }

  /** How long the command takes, so the kills land all along its run. */
  function runtime(cwd: string, args: string[]): number {
    const started = Date.now();
    cli(cwd, ...args);
    return Date.now() - started;
  }

  for (const command of [
    { args: ['agenda', 'ana--ben', '--date', '2030-01-01'], files: [AGENDA] },
    { args: ['codeowners', '--write'], files: ['.github/CODEOWNERS'] },
    { args: ['init', '--folder', 'fresh'], files: ['fresh/program.yaml', 'fresh/people/ana.yaml', 'fresh/.gitignore'] },
  ]) {
    it(`${command.args.slice(0, 2).join(' ')}, ${ITERATIONS} times`, async function () {
      this.timeout(ITERATIONS * HANG_MS);
      const reference = repo();
      const old = new Map(
        command.files.map((f) => [
          f,
          existsSync(join(reference, f)) ? readFileSync(join(reference, f), 'utf8') : undefined,
        ]),
      );
      const full = runtime(reference, command.args);
      const complete = new Map(command.files.map((f) => [f, readFileSync(join(reference, f), 'utf8')]));
      const root = repo();
      const outcomes = { old: 0, new: 0 };
      for (let i = 0; i < ITERATIONS; i++) {
        for (const [file, text] of old) {
          if (text === undefined) rmSync(join(root, file), { force: true });
          else writeFileSync(join(root, file), text);
        }
        // Most kills land late in the run, where the write is; some early, before it.
        await killedAfter(root, command.args, Math.floor(full * (0.4 + Math.random() * 0.8)));
        for (const file of command.files) {
          const abs = join(root, file);
          const now = existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
          const isOld = now === old.get(file);
          assert.ok(
            isOld || now === complete.get(file),
            `${file} is the old or the complete new file, not ${JSON.stringify(now)}`,
          );
          outcomes[isOld ? 'old' : 'new']++;
        }
      }
      console.log(
        `      (${command.args[0]}: run ${full} ms; after the kills ${outcomes.old} old, ${outcomes.new} new)`,
      );
    });
  }
});

describe('a full disk (a small tmpfs)', () => {
  let mount: string | undefined;
  let skipped: string | undefined;
  // Its own folder, not tempDir's: other files' afterEach hooks remove those, and a mount point is busy.
  before(() => {
    const dir = mkdtempSync(join(tmpdir(), 'mentoring-tmpfs-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', dir], { stdio: 'pipe' });
      mount = dir;
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      skipped = `cannot mount a tmpfs here: ${String((error as Error).message).split('\n')[0]}`;
    }
  });
  after(() => {
    if (!mount) return;
    execFileSync('umount', [mount]);
    rmSync(mount, { recursive: true, force: true });
  });

  it('a write that does not fit leaves the original whole and no temporary file; the next run works', async function () {
    if (!mount) {
      console.log(`      (skipped: ${skipped})`);
      return this.skip();
    }
    const root = join(mount, 'repo');
    cpSync(VALID, join(root, '.mentoring'), { recursive: true });
    const plan = join(root, PAIR, 'plan.yaml');
    const original = readFileSync(plan);
    // Fill the disk, then replace the plan with more than what is left.
    let filler = 0;
    try {
      for (; ; filler++) writeFileSync(join(mount, `filler-${filler}`), Buffer.alloc(64 * 1024, 1));
    } catch {
      // full
    }
    await assert.rejects(writeFile(root, plan, Buffer.alloc(256 * 1024, 'a')), { code: 'ENOSPC' });
    assert.deepEqual(readFileSync(plan), original, 'the original is untouched');
    assert.deepEqual(readdirSync(dirname(plan)).sort(), ['feedback', 'plan.yaml', 'sessions']);

    const agenda = cli(root, 'agenda', 'ana--ben', '--date', '2030-01-01');
    if (agenda.status !== 0) {
      assert.ok(!existsSync(join(root, AGENDA)), 'no empty agenda left to block the next run');
      assert.deepEqual(
        readdirSync(join(root, PAIR, 'sessions')).filter((n) => n.startsWith('.')),
        [],
      );
    }
    for (let i = 0; i < filler; i++) rmSync(join(mount, `filler-${i}`), { force: true });
    if (agenda.status !== 0) {
      const again = cli(root, 'agenda', 'ana--ben', '--date', '2030-01-01');
      assert.equal(again.status, 0, again.out);
    }
    assert.equal(cli(root, 'validate').status, 0);
  });
});

describe('siblings decide the line ending of a new file (command line)', () => {
  it('agenda, init and codeowners --write in CRLF folders write CRLF', () => {
    const root = repo();
    for (const file of execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).trim().split('\n')) {
      const abs = join(root, file);
      writeFileSync(abs, readFileSync(abs, 'utf8').replace(/\r?\n/g, '\r\n'));
    }
    rmSync(join(root, '.github'), { recursive: true });
    writeFileSync(join(root, 'README.md'), '# repo\r\n');
    for (const args of [
      ['agenda', 'ana--ben', '--date', '2030-01-01'],
      ['codeowners', '--write'],
      ['init', '--folder', 'fresh'],
    ]) {
      const run = cli(root, ...args);
      assert.equal(run.status, 0, run.out);
    }
    for (const file of [AGENDA, '.github/CODEOWNERS', 'fresh/program.yaml', 'fresh/people/ana.yaml']) {
      const text = readFileSync(join(root, file), 'utf8');
      assert.ok(text.includes('\r\n') && !/[^\r]\n/.test(text), `${file} is all CRLF`);
    }
    const validate = cli(root, 'validate');
    assert.equal(validate.status, 0, validate.out);
  });
});

describe('an unreadable folder is a problem, not an empty one', () => {
  it('feedback/ that cannot be listed', function () {
    if (process.getuid?.() !== 0) {
      // Root reads everything; as another user the folder below is simply unreadable.
      console.log('      (skipped: needs root to run the CLI as another user)');
      return this.skip();
    }
    const base = tempDir('mentoring-perm-');
    const root = join(base, 'repo');
    cpSync(VALID, join(root, '.mentoring'), { recursive: true });
    chmodSync(base, 0o755);
    chmodSync(join(root, PAIR, 'feedback'), 0o000);
    const result = spawnSync(process.execPath, [CLI, 'validate'], {
      cwd: root,
      encoding: 'utf8',
      timeout: HANG_MS,
      uid: 65534,
      gid: 65534,
      env: { ...process.env, HOME: base },
    });
    assert.equal(result.status, 1, `${result.stdout}${result.stderr}`);
    assert.match(result.stdout, /pairs\/ana--ben\/feedback:1:1: folder cannot be read: permission denied/);
  });
});
