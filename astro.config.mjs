// @ts-check
import { defineConfig } from 'astro/config';

// GitHub Pages serves a project site under /<repo>/: the deploy workflow sets both from the repository.
const site = process.env.SITE_URL || 'http://localhost:4321';
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // tests build the site under a sub-path into their own folder, leaving dist/ alone
  outDir: process.env.DIST_DIR || './dist',
  build: { format: 'directory', inlineStylesheets: 'always' },
  i18n: {
    locales: ['zh-cn', 'en'],
    defaultLocale: 'zh-cn',
    routing: { prefixDefaultLocale: false },
  },
  devToolbar: { enabled: false },
  // Scripts stay in files of their own so the Content-Security-Policy can forbid inline script.
  vite: { build: { assetsInlineLimit: 0 } },
});
