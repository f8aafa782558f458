// Compiles the extension-host suite (test/exthost/*.ts) to out/exthost/*.js: one CommonJS file per
// entry, with `vscode` and `mocha` left to the extension host's require.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './codeserver.mjs';

export const EXTHOST_OUT = join(repoRoot, 'out', 'exthost');

export async function buildExthostTests() {
  const sourceDir = join(repoRoot, 'test', 'exthost');
  const entryPoints = readdirSync(sourceDir)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(sourceDir, name));
  rmSync(EXTHOST_OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: EXTHOST_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    absWorkingDir: repoRoot,
    logLevel: 'warning',
  });
  return join(EXTHOST_OUT, 'index.js');
}
