// Lint rules: the type-aware recommendations, and the layering of docs/architecture.md (eslint.layers.js) — which
// folder may import which, domain/ and workflows/ deterministic, and only the business clock reads the wall clock.
import tseslint from 'typescript-eslint';
import { clockExceptions, clockFiles, layers, wallClock } from './eslint.layers.js';

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
  ...layers,
  { files: clockFiles, ignores: clockExceptions, rules: { 'no-restricted-syntax': ['error', ...wallClock] } },
  { files: ['eslint.config.js', 'eslint.layers.js'], ...tseslint.configs.disableTypeChecked },
);
