// Test settings for the repository scripts (evaluation, lexicon checks): Node environment.
import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'scripts', environment: 'node', include: ['test/**/*.test.ts'], testTimeout: 120_000 } });
