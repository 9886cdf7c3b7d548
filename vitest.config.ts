import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Three tiers. unit: pure tests of pipeline stages, text parsing, charts and site logic (npm run test:unit).
// full: a test that compiles the real dataset (once per run, shared), spawns a process or builds a site is named
// *.full.test.ts. site: the built site and its browser tests, sharing one build under a sub-path.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Two files at a time even on two cores (Vitest would run one) for the unit and full tiers. The site tier's files
    // run one after another, after them: two browser files side by side slowed each other about as much as they
    // overlapped (vitest 259 s against 266 s one after another), and one such run failed a test that passes alone.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      // One module graph per worker: the fast tier's files share their imports (astro/zod, d3, Plot) instead of loading
      // them once each, which was most of its time.
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**', 'tests/**/*.full.test.ts'], isolate: false } },
      {
        extends: true,
        test: { name: 'full', include: ['tests/**/*.full.test.ts'], exclude: ['tests/e2e/**'], globalSetup: ['tests/real-dataset.setup.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/build.setup.ts'],
          hookTimeout: 600_000,
          fileParallelism: false,
          // after the unit and full tiers, as a group of its own
          sequence: { groupOrder: 1 },
          // one module graph for the tier's files too (Playwright, linkedom and the data load once): 20 s of the
          // tier's 160 s went to loading them again for each file
          isolate: false,
        },
      },
    ],
  },
});
