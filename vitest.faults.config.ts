import { defineConfig } from 'vitest/config';

/**
 * `npm run test:faults`: faults injected into the real server, CLI and database (SIGKILL,
 * SMTP errors, another process's lock, a full disk). One file at a time: each starts its
 * own processes and the machine has 2 cores. Rounds: FAULT_ROUNDS (test/faults/helpers/knobs.ts).
 */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
