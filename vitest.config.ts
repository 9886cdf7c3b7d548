import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'] } },
      // The site and browser tests share one build of the real site under a sub-path.
      {
        extends: true,
        test: { name: 'site', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/e2e/build.setup.ts'], hookTimeout: 600_000, fileParallelism: false },
      },
    ],
  },
});
