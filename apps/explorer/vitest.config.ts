// Test settings for the explorer: end-to-end tests in Debian's headless Chromium against a real build of
// the app (served by vite preview) with a graph built from the seed transcripts by the real packages.
import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'explorer',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    // One browser per file is plenty for a 2-core machine.
    fileParallelism: false,
  },
});
