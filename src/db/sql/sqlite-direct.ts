import { Worker } from 'node:worker_threads';
import type { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { AsyncGate } from '../../lib/async-gate.ts';
import { connectionOfPrismaAdapter, type PrismaSqliteAdapter } from './prisma-sqlite-connection.ts';
import { renderSql, sql, type SqlQuery } from './sql-query.ts';
import type { DirectSql, SqlRunner } from './sql-runner.ts';

type Connection = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;
type PrismaAdapter = PrismaSqliteAdapter;
type PrismaTransaction = Awaited<ReturnType<PrismaAdapter['startTransaction']>>;

/** Values as Prisma's SQLite adapter stores them, so both paths read each other's rows. */
function toSqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value === undefined ? null : value;
}

/**
 * The bot's one SQLite connection, shared by Prisma and the direct path. Prisma's connection is
 * wrapped so that every statement and transaction of either side passes one gate: a transaction
 * never sees another caller's statement land inside it.
 */
export class SqliteDirect implements DirectSql {
  readonly kind = 'sql-runner';
  readonly provider = 'sqlite';
  private readonly gate = new AsyncGate();
  private connection?: Connection;
  private readonly statements = new Map<string, Statement>();
  private connected?: () => Promise<void>;

  /** Wraps Prisma's adapter factory; the direct path uses the connection it opens. */
  wrapFactory(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
    const gate = this.gate;
    const adopt = (adapter: PrismaAdapter) => {
      this.connection = connectionOfPrismaAdapter(adapter);
      this.statements.clear();
    };
    const wrapped = {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => {
        const adapter = await factory.connect();
        adopt(adapter);
        return gatedAdapter(adapter, gate);
      },
      connectToShadowDb: () => factory.connectToShadowDb(),
    };
    return wrapped as unknown as PrismaBetterSQLite3;
  }

  /** How to make Prisma open its connection when the direct path is used first. */
  onFirstUse(connect: () => Promise<void>): void {
    this.connected = connect;
  }

  async all<Row>(query: SqlQuery): Promise<Row[]> {
    return (await this.outsideTransactions(query)).rows as Row[];
  }

  async run(query: SqlQuery): Promise<number> {
    return (await this.outsideTransactions(query)).changes;
  }

  /** One statement on its own: at once when nobody holds the connection, else after them. */
  private async outsideTransactions(query: SqlQuery): Promise<{ rows: unknown[]; changes: number }> {
    const connection = await this.open();
    return this.gate.held ? this.gate.run(() => this.exec(connection, query)) : this.exec(connection, query);
  }

  async transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const connection = await this.open();
    const release = await this.gate.acquire();
    try {
      // IMMEDIATE: take the write lock now, so the transaction cannot fail half-way on a busy database
      this.statement(connection, 'BEGIN IMMEDIATE').run();
      try {
        const tx: SqlRunner = {
          kind: 'sql-runner',
          provider: 'sqlite',
          all: async <Row>(query: SqlQuery) => this.exec(connection, query).rows as Row[],
          run: async (query: SqlQuery) => this.exec(connection, query).changes,
        };
        const result = await work(tx);
        this.statement(connection, 'COMMIT').run();
        return result;
      } catch (error) {
        if (connection.inTransaction) this.statement(connection, 'ROLLBACK').run();
        throw error;
      }
    } finally {
      release();
    }
  }

  private checkpointer?: Worker;

  /**
   * Moves WAL checkpoints to a worker thread with its own connection. Falls back to SQLite's own
   * checkpoints (on this connection) if the worker cannot start.
   */
  async checkpointInBackground(file: string, intervalMs = 1_000): Promise<void> {
    const worker = new Worker(new URL('./sqlite-checkpoint-worker.mjs', import.meta.url), {
      workerData: { file, intervalMs },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
      });
    } catch {
      await worker.terminate();
      return;
    }
    worker.unref();
    this.checkpointer = worker;
    await this.run(sql`PRAGMA wal_autocheckpoint = 0`);
  }

  async close(): Promise<void> {
    this.statements.clear();
    const worker = this.checkpointer;
    this.checkpointer = undefined;
    if (!worker) return;
    const stopped = new Promise<void>((resolve) => {
      worker.once('message', () => resolve());
      worker.once('exit', () => resolve());
    });
    worker.postMessage('stop');
    await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    await worker.terminate();
  }

  private async open(): Promise<Connection> {
    if (!this.connection) await this.connected?.();
    if (!this.connection) throw new Error('the SQLite connection is not open');
    return this.connection;
  }

  private exec(connection: Connection, query: SqlQuery): { rows: unknown[]; changes: number } {
    const statement = this.statement(connection, renderSql(query, 'question'));
    const values = query.values.map(toSqliteValue);
    if (statement.reader) return { rows: statement.all(...values), changes: 0 };
    return { rows: [], changes: statement.run(...values).changes };
  }

  private statement(connection: Connection, text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      // IN-lists of many lengths make many texts: keep the cache bounded
      if (this.statements.size > 500) this.statements.clear();
      statement = connection.prepare(text);
      if (statement.reader) statement.safeIntegers(false);
      this.statements.set(text, statement);
    }
    return statement;
  }
}

/** Prisma's adapter with every statement and transaction passing the gate. */
function gatedAdapter(adapter: PrismaAdapter, gate: AsyncGate): PrismaAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => gate.run(() => adapter.queryRaw(query)),
    executeRaw: (query) => gate.run(() => adapter.executeRaw(query)),
    executeScript: (script) => gate.run(() => adapter.executeScript(script)),
    startTransaction: async (isolationLevel) => {
      const release = await gate.acquire();
      try {
        return gatedTransaction(await adapter.startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    },
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
  } as PrismaAdapter;
}

function gatedTransaction(tx: PrismaTransaction, release: () => void): PrismaTransaction {
  const end = (finish: () => Promise<void>) => async () => {
    try {
      await finish();
    } finally {
      release();
    }
  };
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query) => tx.queryRaw(query),
    executeRaw: (query) => tx.executeRaw(query),
    commit: end(() => tx.commit()),
    rollback: end(() => tx.rollback()),
  } as PrismaTransaction;
}
