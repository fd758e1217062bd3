// Test runner configuration for the whole workspace.
// Each package is a vitest project; pure logic runs in Node, the explorer's end-to-end tests drive Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/explorer', 'scripts'],
  },
});
