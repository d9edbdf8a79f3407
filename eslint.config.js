// Lint rules that encode the layering of design.md: domain/ and workflows/ stay deterministic and I/O-free.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const deterministic = {
  paths: builtinModules
    .flatMap((name) => [name, `node:${name}`])
    .map((name) => ({ name, message: 'domain/ and workflows/ must stay I/O-free and deterministic.' })),
  patterns: [
    {
      group: ['@mikro-orm/*', 'pg', 'hono', 'hono/*', '@temporalio/activity', '@temporalio/client', '@temporalio/worker'],
      message: 'Infrastructure belongs in activities/, db/ or api/.',
    },
    {
      group: ['**/activities/**', '**/db/**', '**/api/**'],
      allowTypeImports: true,
      message: 'Only `import type` across this boundary.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', '.tools/**', '.data/**', 'test-results/**', 'db/migrations/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  {
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['test/**/*.ts', 'bin/**/*.ts'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      // Response bodies in tests are JSON asserted field by field; typing each one would add noise, not safety.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  { files: ['workflows/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', deterministic] } },
  {
    files: ['domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          ...deterministic,
          patterns: [
            ...deterministic.patterns,
            { group: ['**/policies/**', '**/workflows/**'], message: 'domain/ depends on nothing of ours.' },
          ],
        },
      ],
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
