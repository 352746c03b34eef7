import type { TestProject } from 'vitest/node';
import { startTempPostgres, type TempPostgres } from './postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

let server: TempPostgres | undefined;

/** One PostgreSQL for the whole run (each test file makes its own database in it), or TEST_POSTGRES_URL. */
export async function setup(project: TestProject): Promise<void> {
  if (process.env.TEST_POSTGRES_URL) {
    project.provide('postgresUrl', process.env.TEST_POSTGRES_URL);
    return;
  }
  server = await startTempPostgres();
  project.provide('postgresUrl', server.url);
}

export function teardown(): void {
  server?.stop();
}
