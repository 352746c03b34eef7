import pg from 'pg';
import type { SqlQuery } from './sql-query.ts';
import type { SqlRunner } from './sql-runner.ts';

/**
 * A value written into the statement's text, as pg would have sent it as an untyped parameter (the
 * server infers the type from the context alike), or undefined when it cannot be (a Buffer, an
 * object): such a statement keeps its parameters and its own round trip.
 */
function literalOf(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Date) return pg.escapeLiteral(value.toISOString());
  if (typeof value === 'string') return pg.escapeLiteral(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return pg.escapeLiteral(String(value));
  return undefined;
}

/** Every statement with its values written in; null if one cannot be. */
export function inlineAll(queries: SqlQuery[]): string[] | null {
  const texts = queries.map(inlineSql);
  return texts.every((text): text is string => text !== null) ? texts : null;
}

/** Each statement's rows of one multi-statement text's answer (pg gives one result alone, an array for several). */
export function rowsOfEach(result: pg.QueryResult | pg.QueryResult[], count: number): Record<string, unknown>[][] {
  const results = Array.isArray(result) ? result : [result];
  return results.slice(results.length - count).map((r) => r.rows as Record<string, unknown>[]);
}

/** The statement with its values written in as quoted literals, for a multi-statement text; null if one cannot be. */
export function inlineSql(query: SqlQuery): string | null {
  let text = query.strings[0];
  for (let i = 1; i < query.strings.length; i += 1) {
    const literal = literalOf(query.values[i - 1]);
    if (literal === undefined) return null;
    text += literal + query.strings[i];
  }
  return text;
}

type Execute = (query: SqlQuery) => Promise<pg.QueryResult>;

/**
 * A transaction's runner on one client that saves round trips: BEGIN is not sent on its own but in
 * front of the first statement, and the writes whose results nobody reads (`defer`) go in front of
 * the next statement or of the COMMIT, all as ONE multi-statement text. Each call waits for the one
 * before it, even when the work asks for several at once (pg's client would queue them and warn that
 * this is deprecated): one client never has two queries in hand. A statement whose values cannot be written
 * into its text is sent with its parameters, after what is pending.
 */
export class BatchingTransaction implements SqlRunner {
  readonly kind = 'sql-runner';
  readonly provider = 'postgres';
  private pending: string[] = ['BEGIN'];
  private begun = false;
  /** The last call's end: the next one waits for it, so work that asks at once still asks in turn. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly client: pg.PoolClient,
    private readonly execute: Execute,
  ) {}

  async all<Row>(query: SqlQuery): Promise<Row[]> {
    return (await this.send(query)).rows as Row[];
  }

  async run(query: SqlQuery): Promise<number> {
    return (await this.send(query)).rowCount ?? 0;
  }

  /** Reads sent in order with what is pending, as one text: each one's rows. Null: send them yourself. */
  allTogether(queries: SqlQuery[]): Promise<Record<string, unknown>[][] | null> {
    const texts = inlineAll(queries);
    if (texts === null) return Promise.resolve(null);
    return this.inTurn(async () => rowsOfEach(await this.flushAll(texts), texts.length));
  }

  /** A write whose result nobody reads: sent with the next statement, or with the COMMIT. False: send it yourself. */
  defer(query: SqlQuery): boolean {
    const text = inlineSql(query);
    if (text === null) return false;
    this.pending.push(text);
    return true;
  }

  /** Sends what is pending with the COMMIT; nothing at all when the work sent nothing. */
  commit(): Promise<void> {
    return this.inTurn(async () => {
      if (!this.begun && this.pending.length === 1) return;
      await this.flush('COMMIT');
    });
  }

  /** After every call made so far has ended: whether BEGIN went out, so there is something to roll back. */
  async started(): Promise<boolean> {
    await this.tail.catch(() => undefined);
    return this.begun;
  }

  private send(query: SqlQuery): Promise<pg.QueryResult> {
    return this.inTurn(() => this.sendNow(query));
  }

  /** Runs after the calls before it have ended, failed or not. */
  private inTurn<T>(call: () => Promise<T>): Promise<T> {
    const result = this.tail.catch(() => undefined).then(call);
    this.tail = result;
    return result;
  }

  private async sendNow(query: SqlQuery): Promise<pg.QueryResult> {
    if (this.pending.length === 0) return this.execute(query);
    const text = inlineSql(query);
    if (text === null) {
      await this.flush();
      return this.execute(query);
    }
    return this.flush(text);
  }

  /** What is pending (and `last`) as one text; the last statement's result. */
  private async flush(last?: string): Promise<pg.QueryResult> {
    const result = await this.flushAll(last === undefined ? [] : [last]);
    return Array.isArray(result) ? result[result.length - 1] : result;
  }

  /** What is pending and then `texts`, as one text; every statement's result. */
  private async flushAll(texts: string[]): Promise<pg.QueryResult | pg.QueryResult[]> {
    const all = [...this.pending, ...texts];
    this.pending = [];
    this.begun = true;
    return (await this.client.query(all.join(';\n'))) as pg.QueryResult | pg.QueryResult[];
  }
}
