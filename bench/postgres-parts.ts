// One part of the PostgreSQL column alone, against BENCH_POSTGRES_URL (or a throwaway server):
// BENCH_PART=round-trips (statements per request), scale (register, digest, plans), big-org (/targets team, memory).
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { FakeSlack } from '../src/fake-slack/fake-slack-server.ts';
import { startTempPostgres } from '../test/support/postgres-server.ts';
import { approveClick, submission } from './payloads.ts';
import { benchEnv, createDatabaseIn, printBigOrg, printDataScale, printRoundTrips } from './postgres.ts';
import { startChild } from './children.ts';

const SECRET = 'bench-signing-secret-000000';
const TOKEN = 'xoxb-bench';
const part = process.env.BENCH_PART ?? 'round-trips';

function peakRssMb(pid: number | undefined): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

const server = process.env.BENCH_POSTGRES_URL ? undefined : await startTempPostgres();
const adminUrl = process.env.BENCH_POSTGRES_URL ?? server!.url;
const fake = await new FakeSlack({ botToken: TOKEN }).start();
const name = process.env.BENCH_DATABASE || `bench_part_${process.pid}_${Date.now().toString(36)}`;
const o = { fake, secret: SECRET, token: TOKEN, approveClick, submission, peakRssMb };
try {
  const url = process.env.BENCH_DATABASE
    ? Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString()
    : await createDatabaseIn(adminUrl, name);
  const env = benchEnv(o);
  if (part === 'round-trips') await printRoundTrips(o, env, url);
  else if (part === 'big-org') await printBigOrg(o, env, url);
  else if (part === 'scale') {
    const first = await startChild('bench/serve-bot.ts', { ...env, DATABASE_URL: url }); // migrates, imports
    await first.stop();
    await printDataScale(url);
  } else throw new Error(`unknown BENCH_PART ${part}`);
} finally {
  await fake.stop();
  if (!process.env.BENCH_KEEP) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
  server?.stop();
}
