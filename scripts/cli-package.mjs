// Makes the npm package of the command line alone, `@mentoring-dev/cli`: dist/cli.js (one
// self-contained bundle, so no dependencies), the schemas, README and LICENSE, in dist/npm/,
// then packs it. The repository's own package.json is the VS Code extension's manifest, whose
// name cannot be scoped; this package is what `npm publish` uploads (README: "Publishing").
//
//   node scripts/cli-package.mjs [--pack-destination DIR]   prints the tarball's path
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI_PACKAGE_NAME = '@mentoring-dev/cli';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const destIndex = args.indexOf('--pack-destination');
const destination = resolve(destIndex === -1 ? root : args[destIndex + 1]);

execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const stage = join(root, 'dist/npm');
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
copyFileSync(join(root, 'dist/cli.js'), join(stage, 'cli.js'));
// The matching solver's WebAssembly, found beside the bundle (src/core/program/solve.ts).
copyFileSync(join(root, 'dist/highs.wasm'), join(stage, 'highs.wasm'));
// The HTML report's chart script, inlined into each page (src/core/app/reportAssets.ts).
copyFileSync(join(root, 'dist/report-charts.js'), join(stage, 'report-charts.js'));
cpSync(join(root, 'schemas'), join(stage, 'schemas'), { recursive: true });
for (const file of ['README.md', 'LICENSE']) copyFileSync(join(root, file), join(stage, file));
const cli = {
  name: CLI_PACKAGE_NAME,
  version: manifest.version,
  description:
    'The `mentoring` command line: validate mentoring plans, agendas and feedback requests in CI, summarise their changes, keep CODEOWNERS.',
  license: manifest.license,
  repository: manifest.repository,
  homepage: manifest.homepage,
  bugs: manifest.bugs,
  keywords: manifest.keywords,
  engines: { node: manifest.engines.node },
  bin: { mentoring: 'cli.js' },
  files: ['cli.js', 'highs.wasm', 'report-charts.js', 'schemas/'],
  publishConfig: { access: 'public' },
};
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(cli, null, 2)}\n`);
mkdirSync(destination, { recursive: true });
const packed = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--pack-destination', destination], { cwd: stage, encoding: 'utf8' }),
);
process.stdout.write(`${join(destination, packed[0].filename)}\n`);
