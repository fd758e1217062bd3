// Test settings for @missiongraph/cli: vitest runs test/**/*.test.ts in Node.
// Part of the workspace's vitest projects (see the root vitest.config.ts).
import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'cli', environment: 'node', include: ['test/**/*.test.ts'], testTimeout: 180_000 } });
