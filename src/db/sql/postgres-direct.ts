import pg from 'pg';
import { BatchingTransaction } from './postgres-batch.ts';
import { runPipeline, runPipelineSettled, type PipelinedStatement } from './postgres-pipeline.ts';
import { onlyReads, ReadBatcher } from './postgres-read-batch.ts';
import { renderSql, type SqlQuery } from './sql-query.ts';
import type { DirectSql, SqlRunner } from './sql-runner.ts';

const TIMESTAMP_OID = 1114;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Prisma keeps DateTime as timestamp(3) without time zone, in UTC. Read it as UTC whatever the
 * machine's zone, and send dates as UTC text (PostgreSQL ignores the zone for such a column).
 */
const types: pg.CustomTypesConfig = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMP_OID) return (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
    if (oid === INT8_OID || oid === NUMERIC_OID) return (text: string) => Number(text);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

const toPostgresValue = (value: unknown): unknown =>
  value instanceof Date ? value.toISOString() : value === undefined ? null : value;

/**
 * Names of the prepared statements, by text. preparedSql statements are named first; a pipeline's
 * others (a unit's statements) take up to 200 of the 500 names. Texts vary with the lengths of lists,
 * so past that a statement goes unnamed, parsed and planned each time as before.
 */
const preparedNames = new Map<string, string>();
const MAX_PREPARED = 500;
const MAX_UNASKED = 200;
let unasked = 0;

function preparedName(text: string, asked = true): string | undefined {
  const known = preparedNames.get(text);
  if (known !== undefined || preparedNames.size >= MAX_PREPARED || (!asked && unasked >= MAX_UNASKED)) return known;
  if (!asked) unasked += 1;
  const name = `prepared_${preparedNames.size + 1}`;
  preparedNames.set(text, name);
  return name;
}

/** Runs a statement on the pool or on one client (inside a transaction); a preparedSql one by its name. */
function execute(on: pg.Pool | pg.PoolClient, query: SqlQuery, text = renderSql(query, 'dollar')) {
  const values = query.values.map(toPostgresValue);
  const name = query.prepare ? preparedName(text) : undefined;
  return name ? on.query({ name, text, values }) : on.query(text, values);
}

/**
 * A statement for a pipeline: its text with $n placeholders, its values, and its prepared name. Every
 * statement of a pipeline is prepared (a unit's writes and reads by key): planning them took as much of
 * PostgreSQL's CPU as running them. PostgreSQL plans the first five runs for their values and keeps a
 * generic plan only when it is no worse.
 */
function pipelined(query: SqlQuery): PipelinedStatement {
  const text = renderSql(query, 'dollar');
  return { text, values: query.values, name: preparedName(text, query.prepare === true) };
}

/** A read sent with other callers' (ReadBatcher): prepared only when asked (preparedSql), as on its own. */
function batchedRead(query: SqlQuery, text: string): PipelinedStatement {
  return { text, values: query.values, name: query.prepare ? preparedName(text) : undefined };
}

/** Statements in one round trip on one client (see runPipeline). */
const sendOn = (client: pg.PoolClient) => (queries: SqlQuery[]) => runPipeline(client, queries.map(pipelined), types);

/** SqlRunner's two calls over whatever runs the statement. */
function runnerOn(on: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    kind: 'sql-runner',
    provider: 'postgres',
    all: async <Row>(query: SqlQuery) => (await execute(on, query)).rows as Row[],
    run: async (query: SqlQuery) => (await execute(on, query)).rowCount ?? 0,
  };
}

/** A connection lost (the server restarted, say): logged; the pool drops it and opens a new one when next asked. */
export type ConnectionErrorHandler = (error: Error) => void;

/** Give up connecting after this long, so a request still gets its answer within Slack's 3 seconds. */
export const CONNECT_TIMEOUT_MS = 2_000;

/** A small pool of its own beside Prisma's, for the hot paths. */
export class PostgresDirect implements DirectSql {
  readonly kind = 'sql-runner';
  readonly provider = 'postgres';
  private readonly pool: pg.Pool;
  private readonly onPool: SqlRunner;
  private readonly reads: ReadBatcher;

  constructor(
    connectionString: string,
    max = 4,
    private readonly onConnectionError: ConnectionErrorHandler = () => undefined,
  ) {
    const connectionTimeoutMillis = CONNECT_TIMEOUT_MS;
    this.pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis, types });
    // without a listener, an idle connection the server closes is an unhandled 'error' event: the process dies
    this.pool.on('error', (error) => this.onConnectionError(error));
    this.onPool = runnerOn(this.pool);
    const send = (client: pg.PoolClient, statements: PipelinedStatement[]) =>
      runPipelineSettled(client, statements, types);
    this.reads = new ReadBatcher((work) => this.onClient(work), send, max);
  }

  /** A read shares a round trip with the others waiting (ReadBatcher); anything else goes alone. */
  async all<Row>(query: SqlQuery): Promise<Row[]> {
    const text = renderSql(query, 'dollar');
    // a list as one value (pg sends it as an array literal) cannot go in a pipeline: it goes alone
    if (!onlyReads(text) || query.values.some(Array.isArray))
      return (await execute(this.pool, query, text)).rows as Row[];
    return (await this.reads.read([batchedRead(query, text)]))[0].rows as Row[];
  }

  run(query: SqlQuery): Promise<number> {
    return this.onPool.run(query);
  }

  /**
   * Statements whose rows are read, in one round trip outside any transaction: reads alone with other
   * callers' waiting (ReadBatcher), with a write on a client of their own.
   */
  async allTogether(queries: SqlQuery[]): Promise<Record<string, unknown>[][]> {
    const statements = queries.map(pipelined);
    if (statements.every((s) => onlyReads(s.text))) return (await this.reads.read(statements)).map((r) => r.rows);
    return this.onClient(async (client, drop) => {
      try {
        return (await runPipeline(client, statements, types)).map((r) => r.rows);
      } catch (error) {
        // a statement's error leaves the connection usable; any other drops it
        if (!(error instanceof pg.DatabaseError)) drop(error as Error);
        throw error;
      }
    });
  }

  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    return this.onClient(async (client, drop) => {
      // BEGIN goes with the first statement, the unread writes with the next one or the COMMIT
      const tx = new BatchingTransaction(sendOn(client));
      try {
        const result = await work(tx);
        await tx.commit();
        return result;
      } catch (error) {
        if (await tx.started()) await client.query('ROLLBACK').catch(drop);
        throw error;
      }
    });
  }

  /**
   * A client of the pool for `work`, given back after it. A checked-out client has no pool listener:
   * one lost meanwhile is logged here (else it would crash the process) and dropped, as is one `work`
   * says to drop.
   */
  private async onClient<T>(work: (client: pg.PoolClient, drop: (error: Error) => void) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let lost: Error | undefined;
    const onLost = (error: Error) => {
      lost = error;
      this.onConnectionError(error);
    };
    client.on('error', onLost);
    try {
      return await work(client, (error) => {
        lost ??= error;
      });
    } finally {
      client.removeListener('error', onLost);
      client.release(lost);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
