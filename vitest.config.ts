import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/e2e/**/*.spec.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // GitHub's workflow parser imports its JSON schema without an import attribute, which Node's own
    // loader refuses; through Vite's transform it loads.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    reporters: ['default', 'json'],
    // CI prints a plain 'N passed, N failed' line from this file after the run.
    outputFile: { json: 'test-results/vitest.json' },
  },
});
