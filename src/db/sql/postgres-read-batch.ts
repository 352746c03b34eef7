import pg from 'pg';
import { sendable, type PipelinedStatement, type StatementResult, type PipelineOutcome } from './postgres-pipeline.ts';

/** A client of the pool for `work`, given back after it (PostgresDirect's onClient). */
export type OnClient = <T>(work: (client: pg.PoolClient, drop: (error: Error) => void) => Promise<T>) => Promise<T>;

/** Sends statements in one round trip on a client, keeping the results of those run before an error. */
export type SendSettled = (client: pg.PoolClient, statements: PipelinedStatement[]) => Promise<PipelineOutcome>;

interface Waiting {
  statements: PipelinedStatement[];
  resolve(results: StatementResult[]): void;
  reject(error: unknown): void;
}

/** Statements of several callers sent in one round trip at most; a caller's own are never split. */
const MAX_STATEMENTS = 64;

/**
 * A statement that only reads (a SELECT, or a WITH without a data-modifying part, no row locks, no
 * advisory locks). Only these share a round trip with other callers' statements: they run in one
 * implicit transaction, and a write there would be rolled back by another caller's error after its
 * caller was told it was done.
 */
export function onlyReads(text: string): boolean {
  return (
    /^\s*(SELECT|WITH)\b/i.test(text) &&
    !/\b(INSERT|UPDATE|DELETE|MERGE|NEXTVAL|SETVAL)\b/i.test(text) &&
    !/advisory|\bFOR\s+(NO\s+KEY\s+)?(SHARE|KEY\s+SHARE)\b/i.test(text)
  );
}

/**
 * Reads outside any transaction, from however many requests, share round trips: each free client
 * takes every read waiting (up to MAX_STATEMENTS) and sends them as ONE pipeline with one Sync.
 *
 * Why: under load most reads were waiting for a client anyway, and each then cost PostgreSQL a cycle
 * of its own (receive, start, commit, send, wake) and the bot a write and a read: a cycle cost more of
 * PostgreSQL's CPU than the read itself. Idle, a read goes alone at once, as before. A read that fails
 * fails alone: the server skips the statements after an error, and those are sent again.
 */
export class ReadBatcher {
  private readonly waiting: Waiting[] = [];
  private senders = 0;

  constructor(
    private readonly onClient: OnClient,
    private readonly send: SendSettled,
    /** Clients used at once at most: the pool's size. */
    private readonly maxSenders: number,
  ) {}

  /** The statements' results, in order; read-only statements (onlyReads) only. */
  read(statements: PipelinedStatement[]): Promise<StatementResult[]> {
    return new Promise<StatementResult[]>((resolve, reject) => {
      let ready: PipelinedStatement[];
      try {
        // converted here, once: a value that cannot be sent fails its own caller, not the others' round trip
        ready = statements.map(sendable);
      } catch (error) {
        return reject(error);
      }
      this.waiting.push({ statements: ready, resolve, reject });
      if (this.senders < this.maxSenders) void this.sendWhileWaiting();
    });
  }

  private async sendWhileWaiting(): Promise<void> {
    this.senders += 1;
    try {
      while (this.waiting.length > 0) {
        let taken = false;
        try {
          await this.onClient(async (client, drop) => {
            taken = true;
            const batch = this.take();
            if (batch.length > 0) await this.sendBatch(client, drop, batch);
          });
        } catch (error) {
          // no client (the server is away): what waits fails now, as each read would have on its own
          if (!taken) for (const w of this.waiting.splice(0)) w.reject(error);
        }
      }
    } finally {
      this.senders -= 1;
    }
  }

  /** The reads waiting, oldest first, up to MAX_STATEMENTS (at least one caller's, however many it has). */
  private take(): Waiting[] {
    let count = 0;
    let n = 0;
    while (n < this.waiting.length && (n === 0 || count + this.waiting[n].statements.length <= MAX_STATEMENTS)) {
      count += this.waiting[n].statements.length;
      n += 1;
    }
    return this.waiting.splice(0, n);
  }

  private async sendBatch(client: pg.PoolClient, drop: (error: Error) => void, batch: Waiting[]): Promise<void> {
    let outcome: PipelineOutcome;
    try {
      outcome = await this.send(
        client,
        batch.flatMap((w) => w.statements),
      );
    } catch (error) {
      drop(error as Error);
      for (const w of batch) w.reject(error);
      return;
    }
    const { results, error } = outcome;
    // a statement's error leaves the connection usable; any other drops it
    const lost = error !== undefined && !(error instanceof pg.DatabaseError);
    if (lost) drop(error);
    const again: Waiting[] = [];
    let at = 0;
    for (const w of batch) {
      const end = at + w.statements.length;
      if (end <= results.length) w.resolve(results.slice(at, end));
      else if (lost || at <= results.length) w.reject(error ?? new Error('the pipeline answered too few statements'));
      else again.push(w);
      at = end;
    }
    // skipped after another caller's error: first in line for the next round trip
    this.waiting.unshift(...again);
  }
}
