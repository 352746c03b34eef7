import { existsSync } from 'node:fs';
import { createDatabase, providerOf, sqlitePath, type Db } from './database.ts';
import { claimOnce } from './job-run-repo.ts';

/** Which kind of start a database has seen; kept as a once-claim so it needs no table of its own. */
export type DeploymentKind = 'real' | 'sandbox';

const MARK_JOB = (kind: DeploymentKind) => `deployment.${kind}`;
const MARK_PERIOD = 'first-start';

/** Records that this kind of start has used the database (the first start only; later ones find it). */
export async function markDeployment(db: Db, kind: DeploymentKind, now: Date): Promise<void> {
  await claimOnce(db, MARK_JOB(kind), MARK_PERIOD, now);
}

/**
 * What has used the database at this URL, read before anything migrates it: 'fresh' (nothing yet),
 * 'sandbox', 'real', or 'unmarked' (it holds an organisation but predates the marks: a real bot's).
 */
export async function deploymentOf(databaseUrl: string): Promise<'fresh' | DeploymentKind | 'unmarked'> {
  if (providerOf(databaseUrl) === 'sqlite') {
    const file = sqlitePath(databaseUrl);
    if (file === ':memory:' || !existsSync(file)) return 'fresh';
  }
  const db = createDatabase(databaseUrl);
  try {
    const marks = await db.jobRun.findMany({
      where: { jobId: { in: [MARK_JOB('real'), MARK_JOB('sandbox')] } },
      select: { jobId: true },
    });
    if (marks.some((m) => m.jobId === MARK_JOB('real'))) return 'real';
    if (marks.length > 0) return 'sandbox';
    return (await db.organisation.count()) > 0 ? 'unmarked' : 'fresh';
  } catch {
    return 'fresh'; // no tables yet: nothing has used it
  } finally {
    await db.$disconnect();
  }
}
