// Test settings for @missiongraph/graph: vitest runs test/**/*.test.ts in Node.
// Part of the workspace's vitest projects (see the root vitest.config.ts).
import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'graph', environment: 'node', include: ['test/**/*.test.ts'], testTimeout: 60_000 } });
