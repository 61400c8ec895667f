import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module). Node, and so Pothos and yoga, load the CJS build;
    // Vite would pick the ESM one for test files, and one schema cannot cross the two ("another realm").
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // The 2-minute load test is its own step (.ci/run, `npm run test:load`), not part of `npm test`.
    exclude: process.env.WXA_LOAD_TEST === '1' ? ['**/node_modules/**'] : ['test/loadtest/**', '**/node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
