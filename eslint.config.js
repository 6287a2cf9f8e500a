// Lint rules, including the layer rules of docs/ARCHITECTURE.md: dependencies point
// inward. The domain imports nothing that does I/O and no adapter; the contract only the
// domain; use cases no SQL builder; routes no store; the web only the contract.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The layers of src/ around the domain; the domain is the innermost. */
const adapters = [
  'app',
  'store',
  'http',
  'documents',
  'cli',
  'policy-files',
  'calendar',
  'audit-files',
];

/** `no-restricted-imports` with the given pattern groups, each with its message. */
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', '.local/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: restrict(
      {
        group: ['node:*', 'fs', 'path', 'child_process', 'net', 'http', 'os'],
        message: 'src/domain is pure: no I/O. Do it in an adapter and pass values in.',
      },
      {
        group: [...adapters, 'contract'].flatMap((a) => [`**/${a}/**`, `../../${a}/*`]),
        message: 'src/domain must not depend on an adapter layer.',
      },
    ),
  },
  {
    files: ['src/contract/**/*.ts'],
    rules: restrict({
      group: adapters.map((l) => `../${l}/**`),
      message: 'src/contract is read by the web: it may build on the domain, nothing else.',
    }),
  },
  {
    files: ['src/app/**/*.ts'],
    rules: restrict(
      {
        group: ['kysely', 'pg'],
        message: 'No SQL in a use case: ask a repository in src/store.',
      },
      {
        group: ['**/http/**', '**/cli/**', '**/main.ts'],
        message: 'src/app must not depend on the adapters above it.',
      },
    ),
  },
  {
    files: ['src/http/**/*.ts'],
    rules: restrict(
      {
        group: ['**/store/**', 'kysely', 'pg'],
        message: 'No storage in a route: call a use case in src/app.',
      },
      { group: ['**/cli/**', '**/main.ts'], message: 'src/http must not depend on the CLI.' },
    ),
  },
  {
    files: ['src/documents/**/*.ts'],
    rules: restrict({
      group: ['**/app/**', '**/store/**', '**/http/**', '**/cli/**', '**/main.ts', 'kysely', 'pg'],
      message: 'src/documents renders the domain’s document model: it reads nothing else.',
    }),
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    rules: restrict({
      group: ['**/src/*/**', '**/src/*.ts', '!**/src/contract/**'],
      message: 'The web imports server code only from src/contract (API types and labels).',
    }),
  },
);
