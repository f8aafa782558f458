// The .vsix: packaged without a question, and holding only what the extension uses plus its
// Marketplace page (README, CHANGELOG, icon). The command line ships in the npm package instead.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { removeTempDirs, tempDir } from './helpers/tempRepo';

const ROOT = resolve(__dirname, '../..');
const VSCE = join(ROOT, 'node_modules/.bin/vsce');

const SHIPPED = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'dist/age.js',
  'dist/codicon.css',
  'dist/codicon.ttf',
  'dist/extension.js',
  'dist/features.js',
  'dist/highs.js',
  'dist/highs.wasm',
  'dist/ical.js',
  'dist/overview.css',
  'dist/overview.js',
  'dist/webview.css',
  'dist/webview.js',
  'dist/yaml.js',
  'media/icon.png',
  'media/mentoring.svg',
  'media/screenshot-sidebar.png',
  'media/walkthrough/agenda.md',
  'media/walkthrough/feedback.md',
  'media/walkthrough/setup.md',
  'media/walkthrough/sidebar.md',
  'media/walkthrough/who.md',
  'package.json',
  'schemas/feedback.schema.json',
  'schemas/person.schema.json',
  'schemas/plan.schema.json',
  'schemas/program.schema.json',
  'schemas/retro.schema.json',
  'schemas/session.schema.json',
];

function vsce(...args: string[]) {
  // No standard input: a question ("Do you want to continue? [y/N]") would fail the run.
  return spawnSync(VSCE, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The names in a zip file, read from its central directory. */
function zipEntries(path: string): string[] {
  const zip = readFileSync(path);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

describe('the .vsix', function () {
  this.timeout(120_000);
  before(() => assert.ok(existsSync(join(ROOT, 'dist/extension.js')), 'run `npm run build` first'));
  afterEach(removeTempDirs);

  it('lists exactly what the extension uses (vsce ls): no CLI bundle, source maps, sources or tests', () => {
    const listed = vsce('ls', '--no-dependencies');
    assert.equal(listed.status, 0, listed.stderr);
    assert.deepEqual(listed.stdout.trim().split('\n').sort(), SHIPPED);
  });

  it('packages without asking anything, with the icon, changelog and gallery banner', () => {
    const out = join(tempDir('mentoring-vsix-'), 'mentoring.vsix');
    const packed = vsce('package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out);
    assert.equal(packed.status, 0, packed.stdout + packed.stderr);
    assert.doesNotMatch(packed.stdout + packed.stderr, /\[y\/N\]|WARNING/);
    const entries = zipEntries(out);
    for (const file of SHIPPED.filter((f) => !['README.md', 'CHANGELOG.md', 'LICENSE'].includes(f)))
      assert.ok(entries.includes(`extension/${file}`), `${file} missing from the .vsix`);
    assert.ok(entries.includes('extension/changelog.md') && entries.includes('extension/readme.md'));
    assert.equal(entries.includes('extension/dist/cli.js'), false);

    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.match(String((manifest.repository as { url: string }).url), /^https:\/\//);
    assert.equal(manifest.icon, 'media/icon.png');
    assert.deepEqual(Object.keys(manifest.galleryBanner as object).sort(), ['color', 'theme']);
    assert.ok(!(manifest.categories as string[]).every((c) => c === 'Other'), 'categories that fit');
    const png = readFileSync(join(ROOT, 'media/icon.png'));
    assert.equal(png.toString('latin1', 1, 4), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'a 128x128 icon');
  });
});
