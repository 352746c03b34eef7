import { sql, type SqlQuery } from './sql-query.ts';
import type { SqlRunner } from './sql-runner.ts';
import type { StatementResult } from './postgres-pipeline.ts';

/** Sends statements in one round trip (a pipeline on one client) and returns each one's result. */
type Send = (queries: SqlQuery[]) => Promise<StatementResult[]>;

const BEGIN = sql`BEGIN`;
const COMMIT = sql`COMMIT`;

/**
 * A transaction's runner on one client that saves round trips: BEGIN is not sent on its own but in
 * front of the first statement, and the writes whose results nobody reads (`defer`) go in front of
 * the next statement or of the COMMIT, all in ONE round trip (runPipeline: each keeps its values as
 * parameters, a prepared one its plan). Each call waits for the one before it, even when the work asks
 * for several at once (pg's client would queue them and warn that this is deprecated): one client
 * never has two queries in hand.
 */
export class BatchingTransaction implements SqlRunner {
  readonly kind = 'sql-runner';
  readonly provider = 'postgres';
  private pending: SqlQuery[] = [BEGIN];
  /** Who waits for the rows of a pending statement (deferRead), by its place in `pending`. */
  private readers = new Map<number, { resolve(rows: Record<string, unknown>[]): void; reject(error: unknown): void }>();
  private begun = false;
  /** The last call's end: the next one waits for it, so work that asks at once still asks in turn. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly send: Send) {}

  async all<Row>(query: SqlQuery): Promise<Row[]> {
    return (await this.inTurn(() => this.flush([query])))[0].rows as Row[];
  }

  async run(query: SqlQuery): Promise<number> {
    return (await this.inTurn(() => this.flush([query])))[0].rowCount;
  }

  /** Reads sent in order with what is pending, in one round trip: each one's rows. */
  allTogether(queries: SqlQuery[]): Promise<Record<string, unknown>[][]> {
    return this.inTurn(async () => (await this.flush(queries)).map((r) => r.rows));
  }

  /** A write whose result nobody reads: sent with the next statement, or with the COMMIT. */
  defer(query: SqlQuery): boolean {
    this.pending.push(query);
    return true;
  }

  /**
   * A statement whose rows are wanted, but not before the unit's next statement or its COMMIT: it goes
   * in front of them, in ONE round trip. For a statement that takes a row lock other units wait for
   * (a counter), so that the lock is held for the rest of that round trip only, not across one. The
   * promise fails with the unit (nothing awaits it then: its failure is not left unhandled).
   */
  deferRead(query: SqlQuery): Promise<Record<string, unknown>[]> {
    const rows = new Promise<Record<string, unknown>[]>((resolve, reject) => {
      this.readers.set(this.pending.length, { resolve, reject });
    });
    this.pending.push(query);
    rows.catch(() => undefined);
    return rows;
  }

  /** Sends what is pending with the COMMIT; nothing at all when the work sent nothing. */
  commit(): Promise<void> {
    return this.inTurn(async () => {
      if (!this.begun && this.pending.length === 1) return;
      await this.flush([COMMIT]);
    });
  }

  /** After every call made so far has ended: whether BEGIN went out, so there is something to roll back. */
  async started(): Promise<boolean> {
    await this.tail.catch(() => undefined);
    return this.begun;
  }

  /** Runs after the calls before it have ended, failed or not. */
  private inTurn<T>(call: () => Promise<T>): Promise<T> {
    const result = this.tail.catch(() => undefined).then(call);
    this.tail = result;
    return result;
  }

  /** What is pending and then `queries`, in one round trip; the results of `queries`. */
  private async flush(queries: SqlQuery[]): Promise<StatementResult[]> {
    const all = [...this.pending, ...queries];
    const readers = this.readers;
    this.pending = [];
    this.readers = new Map();
    this.begun = true;
    let results: StatementResult[];
    try {
      results = await this.send(all);
    } catch (error) {
      for (const reader of readers.values()) reader.reject(error);
      throw error;
    }
    for (const [at, reader] of readers) reader.resolve(results[at].rows);
    return results.slice(results.length - queries.length);
  }
}
