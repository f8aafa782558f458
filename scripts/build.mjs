// Bundles the extension (CommonJS, vscode external), the webview (browser) and the CLI with esbuild.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileSchemas, GENERATED } from './compileSchemas.mjs';
import { lazyLibraries, lazyLibraryBuilds, leanSchemas } from './bundling.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'info',
  absWorkingDir: root,
};

const builds = [
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  // The feature bundle, required by the activation bundle on first use (src/extension/extension.ts);
  // the solver and the calendar library are bundles of their own, required on their first use.
  {
    ...common,
    entryPoints: ['src/extension/features.ts'],
    outfile: 'dist/features.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [lazyLibraries, leanSchemas],
  },
  ...lazyLibraryBuilds('dist', common),
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: ['webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    ...common,
    entryPoints: ['webview/overview.ts'],
    outfile: 'dist/overview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  // The HTML report's charts: inlined by `mentoring report --format html`, so always minified and
  // without a source map (the page refers to nothing outside itself); Chart.js's licence is kept.
  {
    ...common,
    entryPoints: ['webview/reportCharts.ts'],
    outfile: 'dist/report-charts.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    legalComments: 'inline',
  },
  {
    ...common,
    entryPoints: ['webview/overview.css'],
    outfile: 'dist/overview.css',
    sourcemap: false,
  },
  {
    ...common,
    entryPoints: ['webview/main.css'],
    outfile: 'dist/webview.css',
    sourcemap: false,
  },
];

// The schemas' validators are compiled here, not at run time (written only when they changed).
const validators = compileSchemas();
if (!existsSync(GENERATED) || readFileSync(GENERATED, 'utf8') !== validators) writeFileSync(GENERATED, validators);

mkdirSync(join(root, 'dist'), { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) {
  copyFileSync(join(root, 'node_modules/@vscode/codicons/dist', file), join(root, 'dist', file));
}
// The matching solver's WebAssembly: the bundled highs.js loads it from the bundle's own folder.
copyFileSync(join(root, 'node_modules/highs/build/highs.wasm'), join(root, 'dist/highs.wasm'));

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
