import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    // the machines are shared: give asynchronous outcomes time, never a timed assertion
    expect: { poll: { timeout: 5_000, interval: 20 } },
  },
});
