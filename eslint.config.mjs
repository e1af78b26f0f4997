// The habits the code keeps, enforced: typescript-eslint's recommended rules,
// and the import boundaries of ARCHITECTURE.md:
//  - the analysis core (server/src/core) imports nothing above itself: no LSP
//    connection, no VS Code, no server or client module, not even common/;
//    inside it, syntax/ imports nothing of resolve/ or features/;
//  - common/ (protocol, component reader, tool lookup, jco loader) imports
//    nothing from the server or the client but the core's types;
//  - the client imports only common/ of the project (never server/src);
//  - no process is started through a shell (exec/execSync; spawn/execFile only).
import tseslint from 'typescript-eslint';

const noShell = {
  name: 'node:child_process',
  importNames: ['exec', 'execSync'],
  message: 'Start processes with execFile/spawn and an argument list, never through a shell string.',
};
const noShellBare = { ...noShell, name: 'child_process' };

/** The restricted-import rule with the shell ban plus `patterns`. */
const imports = (patterns, paths = []) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { paths: [noShell, noShellBare, ...paths], patterns }],
});

const coreBoundary = (up) => [
  { group: [`${up}*`], message: 'The analysis core imports nothing above itself (ARCHITECTURE.md).' },
  { group: ['**/common/*', '**/client/*'], message: 'The analysis core imports nothing above itself (ARCHITECTURE.md).' },
];
const lspOrVscode = [
  { name: 'vscode', message: 'The analysis core knows nothing of VS Code.' },
  {
    name: 'vscode-languageserver',
    message: 'The analysis core knows nothing of LSP connections (types come from vscode-languageserver-types).',
  },
  {
    name: 'vscode-languageserver/node',
    message: 'The analysis core knows nothing of LSP connections (types come from vscode-languageserver-types).',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'grammar/**',
      'media/graph/dist/**',
      '**/*.js',
      '**/*.mjs',
      'out/**',
      '.vscode-test/**',
      '.prof/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      // `any` is used at the edges where untyped JSON and ESM modules arrive; keep it visible, not fatal.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-require-imports': 'off',
      ...imports([]),
    },
  },
  { files: ['server/src/core/*.ts'], rules: imports(coreBoundary('../'), lspOrVscode) },
  { files: ['server/src/core/*/*.ts'], rules: imports(coreBoundary('../../'), lspOrVscode) },
  { files: ['server/src/core/*/*/*.ts'], rules: imports(coreBoundary('../../../'), lspOrVscode) },
  // Inside the core, syntax (text -> AST) comes before resolution and features.
  {
    files: ['server/src/core/syntax/*.ts'],
    rules: imports(
      [
        ...coreBoundary('../../'),
        {
          group: ['../resolve/*', '../features/*', '../abi/*', '../evolution/*'],
          message: 'syntax/ reads text into ASTs; it imports nothing of the passes above it.',
        },
      ],
      lspOrVscode,
    ),
  },
  // The server reaches the core through its one door (server/src/core/index.ts).
  {
    files: ['server/src/*.ts', 'server/src/!(core)/**/*.ts'],
    rules: imports([
      { group: ['**/core/*', '!**/core/index'], message: 'Outside the core, import only server/src/core/index.ts (the language service).' },
    ]),
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            noShell,
            noShellBare,
            { name: 'vscode', message: 'common/ is shared by the server, the CLI and the client: no VS Code.' },
          ],
          patterns: [
            { group: ['**/client/*'], message: 'common/ imports nothing of the client.' },
            { group: ['**/server/src/*', '!**/server/src/core'], message: "common/ imports nothing of the server but the core's types." },
            { group: ['**/server/src/core/**'], allowTypeImports: true, message: "common/ may use the core's types only." },
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: imports([
      {
        group: ['**/server/src/*'],
        message: 'The client imports only common/ of the project (the protocol, the component reader, tool lookup).',
      },
    ]),
  },
);
