// Lint rules, including the layer rule: the domain core imports nothing that does I/O
// and nothing from the adapters around it (docs/ARCHITECTURE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const adapters = ['app', 'store', 'http', 'documents', 'cli', 'policy-files', 'calendar'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/'] },
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
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'child_process', 'net', 'http', 'os'],
              message: 'src/domain is pure: no I/O. Do it in an adapter and pass values in.',
            },
            {
              group: adapters.flatMap((a) => [`**/${a}/**`, `../../${a}/*`]),
              message: 'src/domain must not depend on an adapter layer.',
            },
          ],
        },
      ],
    },
  },
);
