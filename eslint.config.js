// One lint configuration for the whole tree: typescript-eslint's recommended and stylistic-free
// strict rules (the ones that cost no type information), with Prettier owning the layout.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', '.data/', '.cache/', 'graph/db/neo4j-server/', 'server/generated/', 'web/generated/', 'bench/out/'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // With noUncheckedIndexedAccess, `xs[i]!` after a bounds check is the codebase's idiom.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Hostile-input checks match control characters on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests build malformed exports on purpose.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
