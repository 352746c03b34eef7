import { defineConfig } from 'vitest/config';
import { postgresInstalled } from './test/support/postgres-server.ts';

// In the two-instance run, files that start their own processes or pairs already cover it or do not apply.
const SINGLE_INSTANCE_ONLY = [
  'test/e2e/sandbox-browser.test.ts',
  'test/e2e/sandbox-server.test.ts',
  'test/e2e/socket-mode.test.ts',
  'test/e2e/start-up.test.ts',
  'test/e2e/chaos.test.ts',
  'test/e2e/two-processes.test.ts',
  'test/e2e/two-instances.test.ts',
  'test/e2e/database-outage.test.ts',
  'test/e2e/job-takeover.test.ts',
  'test/e2e/large-org-reload.test.ts',
];

const WITH_POSTGRES = Boolean(process.env.TEST_POSTGRES_URL) || postgresInstalled() || process.env.CI === 'true';
const TWO_INSTANCES = {
  extends: true as const,
  test: {
    name: 'two instances',
    include: ['test/e2e/**/*.test.ts'],
    exclude: SINGLE_INSTANCE_ONLY,
    env: { E2E_INSTANCES: '2' },
  },
};

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    // the machines are shared: give asynchronous outcomes time, never a timed assertion
    expect: { poll: { timeout: 5_000, interval: 20 } },
    projects: [
      { extends: true, test: { name: 'suite', include: ['test/**/*.test.ts'] } },
      // the end-to-end suite again, with two app instances on one PostgreSQL taking turns at every request;
      // without PostgreSQL (outside CI) it is skipped, and global-setup.ts says so at the end of the run
      ...(WITH_POSTGRES ? [TWO_INSTANCES] : []),
    ],
  },
});
