// What the extension's feature bundle leaves out, shared by the build (scripts/build.mjs) and the
// bench (bench/activation.ts), so the bench measures the bundle that ships:
// - libraries used rarely get bundles of their own beside dist/features.js, required on first use:
//   the matching solver (highs, with its WebAssembly), the calendar export (ical-generator) and the
//   sealing (age-encryption). The code that needs one requires it inside the function that uses it
//   (core/program/solve.ts, core/app/calendar.ts, core/seal/age.ts), never at the top of a file: a
//   top-level import would become a require run when features.js loads, which is not lazy at all;
// - the YAML library is imported at the top of many files, but a clean folder is read without it
//   (the fast reader, core/folder/fastYaml.ts): it is needed for an edit, or for a file the fast
//   reader hands back. Its import becomes a stand-in whose every export is a getter requiring
//   `./yaml.js` on first use (esbuild's import of a CommonJS module reads each name through the
//   module object at the moment it is used, so nothing loads before then);
// - the JSON Schemas lose their `description`s (for editors and readers, not for validation or
//   the unknown-key warnings, which read only `properties`).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Each library with the file its own bundle is written to, beside the feature bundle. */
export const LAZY_LIBRARIES = {
  highs: 'highs.js',
  'ical-generator': 'ical.js',
  'age-encryption': 'age.js',
  yaml: 'yaml.js',
};
/** The lazy libraries imported at the top of files, each replaced by a stand-in of getters. */
const BY_GETTERS = new Set(['yaml']);

/** esbuild plugin: an import of a lazy library becomes a run-time require of its bundle (`./highs.js`). */
export const lazyLibraries = {
  name: 'lazy-libraries',
  setup(build) {
    build.onResolve({ filter: /^(highs|ical-generator|age-encryption|yaml)$/ }, (args) =>
      BY_GETTERS.has(args.path) && args.namespace !== 'lazy-stand-in'
        ? { path: args.path, namespace: 'lazy-stand-in' }
        : { path: `./${LAZY_LIBRARIES[args.path]}`, external: true },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-stand-in' }, (args) => ({
      contents: standIn(args.path),
      loader: 'js',
    }));
  },
};

/** A CommonJS module with the library's export names, each a getter that requires its bundle once. */
function standIn(library) {
  const names = Object.getOwnPropertyNames(createRequire(import.meta.url)(library));
  return `let library;
const load = () => (library ??= require(${JSON.stringify(library)}));
for (const name of ${JSON.stringify(names)})
  Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });
`;
}

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
