import type { TestProject } from 'vitest/node';
import { chromiumInstalled, skippedSuitesLine } from './optional-suites.ts';
import { postgresInstalled, startTempPostgres, type TempPostgres } from './postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** '' when PostgreSQL is not installed (and CI is not set): its suites are skipped */
    postgresUrl: string;
    chromium: boolean;
  }
}

let server: TempPostgres | undefined;
let skipped: string | undefined;

/**
 * One PostgreSQL for the whole run (each test file makes its own database in it), or
 * TEST_POSTGRES_URL. A missing PostgreSQL or Chromium skips their suites, or under CI=true fails.
 */
export async function setup(project: TestProject): Promise<void> {
  const postgres = Boolean(process.env.TEST_POSTGRES_URL) || postgresInstalled();
  const chromium = chromiumInstalled();
  skipped = skippedSuitesLine({ postgres, chromium }, process.env.CI === 'true');
  project.provide('chromium', chromium);
  if (process.env.TEST_POSTGRES_URL) project.provide('postgresUrl', process.env.TEST_POSTGRES_URL);
  else if (postgres) {
    server = await startTempPostgres();
    project.provide('postgresUrl', server.url);
  } else project.provide('postgresUrl', '');
}

export function teardown(): void {
  server?.stop();
  // the last line of the run, after vitest's summary; once, though each project runs this setup
  const shared = globalThis as { skippedLinePrinted?: boolean };
  if (skipped && !shared.skippedLinePrinted) process.stdout.write(`\n${skipped}\n`);
  if (skipped) shared.skippedLinePrinted = true;
}
