// What the extension's feature bundle leaves out, shared by the build (scripts/build.mjs) and the
// bench (bench/activation.ts), so the bench measures the bundle that ships:
// - libraries used rarely get bundles of their own beside dist/features.js, required on first use:
//   the matching solver (highs, with its WebAssembly), the calendar export (ical-generator) and the
//   sealing (age-encryption). The code that needs one requires it inside the function that uses it
//   (core/program/solve.ts, core/app/calendar.ts, core/seal/age.ts), never at the top of a file: a
//   top-level import would become a require run when features.js loads, which is not lazy at all;
// - the JSON Schemas lose their `description`s (for editors and readers, not for validation or
//   the unknown-key warnings, which read only `properties`).
import { readFileSync } from 'node:fs';

/** Each library with the file its own bundle is written to, beside the feature bundle. */
export const LAZY_LIBRARIES = { highs: 'highs.js', 'ical-generator': 'ical.js', 'age-encryption': 'age.js' };

/** esbuild plugin: an import of a lazy library becomes a run-time require of its bundle (`./highs.js`). */
export const lazyLibraries = {
  name: 'lazy-libraries',
  setup(build) {
    build.onResolve({ filter: /^(highs|ical-generator|age-encryption)$/ }, (args) => ({
      path: `./${LAZY_LIBRARIES[args.path]}`,
      external: true,
    }));
  },
};

/** esbuild plugin: schemas/*.schema.json without their descriptions. */
export const leanSchemas = {
  name: 'lean-schemas',
  setup(build) {
    build.onLoad({ filter: /[\\/]schemas[\\/][a-z]+\.schema\.json$/ }, (args) => ({
      contents: JSON.stringify(withoutDescriptions(JSON.parse(readFileSync(args.path, 'utf8')))),
      loader: 'json',
    }));
  },
};

function withoutDescriptions(value) {
  if (Array.isArray(value)) return value.map(withoutDescriptions);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'description')
      .map(([key, inner]) => [key, withoutDescriptions(inner)]),
  );
}

/** The lazy libraries' own bundles (CommonJS for Node), as esbuild options writing into `outdir`. */
export function lazyLibraryBuilds(outdir, common) {
  return Object.entries(LAZY_LIBRARIES).map(([library, file]) => ({
    ...common,
    stdin: {
      contents: `module.exports = require(${JSON.stringify(library)});`,
      resolveDir: common.absWorkingDir,
      sourcefile: `${library}-bundle.js`,
    },
    outfile: `${outdir}/${file}`,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  }));
}
