import { defineConfig } from 'vitest/config';

/** `npm run test:load`: the real server under concurrent clients (loopback only, a few minutes at most). */
export default defineConfig({
  test: {
    include: ['test/load/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
