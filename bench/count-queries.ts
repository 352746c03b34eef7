// Counts the statements the bot sends to PostgreSQL (each one a round trip), for the benchmark.
import { appendFileSync } from 'node:fs';
import pg from 'pg';

let count = 0;
const query = pg.Client.prototype.query;
// Prisma's adapter and the direct pool both end in Client#query: one call, one round trip
pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
  count += 1;
  // BENCH_COUNT_QUERIES=log: each statement's first words on stderr, to see what a request sends
  // (BENCH_SQL_LOG=file: into that file, a bench child's stderr being the benchmark's to read)
  if (process.env.BENCH_COUNT_QUERIES === 'log') {
    const line = `SQL ${String((args[0] as { text?: string })?.text ?? args[0])
      .replace(/\s+/g, ' ')
      .slice(0, 160)}\n`;
    if (process.env.BENCH_SQL_LOG) appendFileSync(process.env.BENCH_SQL_LOG, line);
    else process.stderr.write(line);
  }
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

// the benchmark asks with SIGUSR2 and reads the answer from stdout
process.on('SIGUSR2', () => console.log(`QUERIES=${count}`));
