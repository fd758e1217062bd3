// Test settings for the repository scripts (evaluation, lexicon checks).
// Runs scripts/test/**/*.test.ts in Node as the workspace's "scripts" project.
import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'scripts', environment: 'node', include: ['test/**/*.test.ts'], testTimeout: 120_000 } });
