/* global module */
// The import rules of the house, checked by `npm run lint`. Arrows run one way:
//   webview → protocol → (types of) core;  extension, cli → core;
//   inside the core: app (use cases) → subjects → folder → git, fs → shared.
// `tsPreCompilationDeps` is on, so `import type` counts: a circle made only of types is still a
// circle (it says two files are one), and the protocol may take types from the core but no values.

// Where a module sits. Paths are relative to the repository; npm packages resolve into node_modules,
// which may be reached through a symlink (`../<elsewhere>/node_modules/...`).
const CORE_APP = '^src/core/app/';
const CORE_FOLDER = '^src/core/folder/';
const CORE_BOTTOM = '^src/core/(git|fs)/';
// Every other folder of the core is a subject: edit, history, health, review, policy, and any new one.
const CORE_SUBJECT = '^src/core/(?!app/|folder/|git/|fs/)[^/]+/';
const NPM = '(^|/)node_modules/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Files that import each other are one file in two parts; move what both need into a third.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that leads to no file (`vscode` is provided by the editor at run time).',
      from: {},
      to: { couldNotResolve: true, pathNot: '^vscode$' },
    },
    {
      name: 'no-non-package-json',
      severity: 'error',
      comment: 'A package imported directly must be listed in package.json, not only arrive with another.',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-test',
      severity: 'error',
      comment: 'Shipped code never imports tests, fixtures or test helpers.',
      from: { path: '^(src|webview)/' },
      to: { path: '^test/' },
    },
    {
      name: 'not-to-dev-dep',
      severity: 'error',
      comment: 'Shipped code imports only "dependencies"; devDependencies are not in the package.',
      from: { path: '^(src|webview)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'], pathNot: `${NPM}@types/` },
    },

    // The faces and the protocol
    {
      name: 'core-not-to-faces',
      severity: 'error',
      comment: 'The core does not know the CLI, the extension, the protocol or VS Code exist.',
      from: { path: '^src/core/' },
      to: { path: ['^src/(extension|cli|protocol)/', '^vscode$', `${NPM}@types/vscode/`] },
    },
    {
      name: 'cli-not-to-extension',
      severity: 'error',
      comment: 'The CLI is a face of its own over the core: no extension code, no webview protocol, no VS Code.',
      from: { path: '^src/cli/' },
      to: { path: ['^src/(extension|protocol)/', '^vscode$', `${NPM}@types/vscode/`, '^webview/'] },
    },
    {
      name: 'extension-not-to-cli-or-webview',
      severity: 'error',
      comment: 'The extension reaches the webview only through the protocol, and shares with the CLI only the core.',
      from: { path: '^src/extension/' },
      to: { path: ['^src/cli/', '^webview/'] },
    },
    {
      name: 'protocol-only-types-from-core',
      severity: 'error',
      comment:
        'The protocol is bundled into the webview: it may derive its view types from the core, but a value ' +
        'from the core would pull Node code into the browser. Shared values live in src/shared.',
      from: { path: '^src/protocol/' },
      to: { path: '^src/core/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'protocol-not-to-faces',
      severity: 'error',
      comment: 'The protocol sits between the extension and the webview and imports neither, nor the CLI.',
      from: { path: '^src/protocol/' },
      to: { path: ['^src/(extension|cli)/', '^webview/', '^vscode$', `${NPM}@types/vscode/`] },
    },
    {
      name: 'shared-is-self-contained',
      severity: 'error',
      comment: 'src/shared runs in Node and in the browser: it imports nothing but itself (no Node modules).',
      from: { path: '^src/shared/' },
      to: { pathNot: '^src/shared/' },
    },
    {
      name: 'webview-only-protocol-and-shared',
      severity: 'error',
      comment:
        'The webview runs in the browser and talks to the extension only through the protocol: it imports ' +
        'itself, src/protocol, src/shared and its UI packages, nothing of Node, the core or the extension.',
      from: { path: '^webview/' },
      to: {
        pathNot: [
          '^webview/',
          '^src/(protocol|shared)/',
          `${NPM}(lit|@vscode-elements/elements|@vscode/codicons|chart\\.js)/`,
          `${NPM}@types/`,
        ],
      },
    },
    {
      name: 'only-the-faces-import-vscode',
      severity: 'error',
      comment: 'VS Code is imported by the extension alone (tests of the extension host aside).',
      from: { pathNot: ['^src/extension/', '^test/exthost/', '^test/e2e/'] },
      to: { path: ['^vscode$', `${NPM}@types/vscode/`] },
    },

    // The layers inside the core
    {
      name: 'core-subject-not-to-app',
      severity: 'error',
      comment:
        'A subject (edit, history, health, review, policy ...) is used by the use cases in core/app, never the reverse.',
      from: { path: CORE_SUBJECT },
      to: { path: CORE_APP },
    },
    {
      name: 'core-subject-only-to-history',
      severity: 'error',
      comment:
        'Subjects stand side by side; the one they may build on is history (what git says happened). ' +
        'A use case that needs two subjects belongs in core/app.',
      from: { path: '^src/core/([^/]+)/', pathNot: [CORE_APP, CORE_FOLDER, CORE_BOTTOM] },
      to: { path: CORE_SUBJECT, pathNot: ['^src/core/$1/', '^src/core/history/'] },
    },
    {
      name: 'core-folder-only-to-git-and-shared',
      severity: 'error',
      comment: 'The folder layer (load, validate, names, paths) uses git for the tracked files and nothing above it.',
      from: { path: CORE_FOLDER },
      to: { path: ['^src/core/', '^src/(extension|cli|protocol)/', '^webview/'], pathNot: [CORE_FOLDER, CORE_BOTTOM] },
    },
    {
      name: 'core-git-fs-only-to-shared',
      severity: 'error',
      comment: 'git and fs are the doors to git and the disk: Node, their npm packages and src/shared only.',
      from: { path: CORE_BOTTOM },
      to: { path: ['^src/', '^webview/'], pathNot: ['^src/core/$1/', '^src/shared/'] },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: NPM },
    exclude: { path: ['^dist/', '^out/', '^bench/repos/'] },
    moduleSystems: ['es6', 'cjs'],
  },
};
