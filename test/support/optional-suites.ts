import { existsSync } from 'node:fs';

/**
 * Suites that need a program of the machine: PostgreSQL's binaries and Debian's Chromium. On a
 * developer's machine without them those suites are skipped and the run says so in one line;
 * under CI=true (.ci/run) they are required, and a missing one stops the run before any test.
 */
export interface OptionalPrograms {
  postgres: boolean;
  chromium: boolean;
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const WHAT: Record<keyof OptionalPrograms, { suites: string; enable: string }> = {
  postgres: { suites: 'the PostgreSQL runs (and the two-instance project)', enable: 'apt-get install postgresql' },
  chromium: { suites: 'the browser test (test/e2e/sandbox-browser.test.ts)', enable: 'apt-get install chromium' },
};

export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * What to do about the programs found: throws under CI when one is missing; otherwise returns the
 * one line to print at the end of the run, or undefined when nothing was skipped.
 */
export function skippedSuitesLine(found: OptionalPrograms, ci: boolean): string | undefined {
  const missing = (Object.keys(WHAT) as (keyof OptionalPrograms)[]).filter((program) => !found[program]);
  if (missing.length === 0) return undefined;
  const parts = missing.map((program) => `${WHAT[program].suites} (enable: ${WHAT[program].enable})`);
  if (ci) throw new Error(`CI=true requires every suite, but these cannot run: ${parts.join('; ')}`);
  return `Skipped, for want of a program on this machine: ${parts.join('; ')}.`;
}
