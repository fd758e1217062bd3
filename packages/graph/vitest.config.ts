// Test settings for @missiongraph/graph: Node environment, tests beside the package in test/.
import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'graph', environment: 'node', include: ['test/**/*.test.ts'], testTimeout: 60_000 } });
