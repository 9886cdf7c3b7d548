// Lint rules that catch mistakes, not style: layout is Prettier's (npm run format).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'public/', 'test-results/', '.astro/', 'node_modules/', 'bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly' } },
    rules: {
      // a leading _ names what is left out on purpose (a skipped element, a counted-but-unread variable)
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // control characters are what the text rules and the decoder look for
      'no-control-regex': 'off',
      // release checks pair a problem with its verdict in one comma expression
      '@typescript-eslint/no-unused-expressions': 'off',
      // reports' text and the synthetic reports hold the full-width and no-break spaces of the web pages they come from
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true }],
      'prefer-const': ['error', { destructuring: 'all' }],
    },
  },
);
