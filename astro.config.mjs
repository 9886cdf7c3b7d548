// @ts-check
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { hostHeaders, siteEntries } from './src/site/host-headers.ts';

/**
 * npm run data stages its output beside public/data (data.staging-<pid>) and removes stale ones when it starts; a
 * run still writing while the site builds must not publish its half-written folder either.
 * @type {import('astro').AstroIntegration}
 */
const noStagingInDist = {
  name: 'no-staging-in-dist',
  hooks: {
    'astro:build:done': ({ dir }) => {
      const out = fileURLToPath(dir);
      for (const entry of readdirSync(out)) if (/\.(staging|previous)-\d+$/.test(entry)) rmSync(`${out}/${entry}`, { recursive: true, force: true });
    },
  },
};

/**
 * The headers a host should send (nosniff, who may frame a page), as a _headers file beside the pages.
 * @type {import('astro').AstroIntegration}
 */
const headersFile = {
  name: 'headers-file',
  hooks: {
    'astro:build:done': ({ dir }) => {
      const out = fileURLToPath(dir);
      writeFileSync(`${out}/_headers`, hostHeaders(siteEntries(out), `${base.replace(/\/$/, '')}/`));
    },
  },
};

// GitHub Pages serves a project site under /<repo>/: the deploy workflow sets both from the repository. Without
// SITE_URL the site has no absolute address: pages link relatively and citations give none (src/site/address.ts).
const site = process.env.SITE_URL || undefined;
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // tests build the site under a sub-path into their own folder, leaving dist/ alone
  outDir: process.env.DIST_DIR || './dist',
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  i18n: {
    locales: ['zh-cn', 'en'],
    defaultLocale: 'zh-cn',
    routing: { prefixDefaultLocale: false },
  },
  devToolbar: { enabled: false },
  integrations: [noStagingInDist, headersFile],
  // Scripts stay in files of their own so the Content-Security-Policy can forbid inline script.
  vite: { build: { assetsInlineLimit: 0 } },
});
