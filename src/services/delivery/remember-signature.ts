import type { DbLike } from '../../db/unit-of-work.ts';
import { claimIntakeKeys } from '../../db/delivery/intake-repo.ts';
import type { Clock } from '../../lib/clock.ts';

export interface SignatureMemoryOptions {
  db: DbLike;
  clock: Clock;
  /** Signatures stored by one statement at most (two parameters each: SQLite allows 999). */
  maxBatch?: number;
  /** The organisation whose chart version the same statement reads along, when known. */
  organisation?: () => number | undefined;
}

export interface Sighting {
  /** False for a signature served before: a replay. */
  first: boolean;
  /**
   * The chart version, read after the request arrived (null: no such organisation); undefined when
   * not read. The request's chart check can use it instead of a round trip of its own.
   */
  chartVersion?: number | null;
}

interface Waiting {
  signature: string;
  resolve(sighting: Sighting): void;
  reject(error: unknown): void;
}

/**
 * Remembers the signatures of requests served, to drop a replay (`firstSighting(signature)` is true
 * the first time a signature is seen, by any instance).
 *
 * Why batched, and why this still drops every replay: the signatures are kept with the intake keys,
 * in the database, so every instance sharing it refuses a replay another instance already served (a
 * process-local set would not). Storing one per request was a statement (and, on PostgreSQL, a commit)
 * on every request, reads included: a tenth of the bot's CPU through Prisma and a round trip before
 * any work. Here the signatures arriving while one insert is in flight wait and go together in the
 * next one (`INSERT … ON CONFLICT DO NOTHING RETURNING`): under load that is one statement for many
 * requests, idle it is one for each, as before. Nothing is weakened: a request is served only once its
 * signature is stored, the primary key decides between instances (exactly one insert claims a key),
 * and two copies in one batch are told apart here (the first wins). Only requests whose signature
 * checked out reach this, so a forger cannot fill the table; the nightly prune forgets signatures
 * after a day, long past Slack's five-minute window.
 *
 * The same statement reads the organisation's chart version (PostgreSQL: a data-modifying WITH), which
 * every request checks before it acts: for most requests these are then all their reads but one.
 */
export function signatureMemory({ db, clock, maxBatch = 200, organisation }: SignatureMemoryOptions) {
  let queue: Waiting[] = [];
  let inFlight = false;

  const flush = async (): Promise<void> => {
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    try {
      const distinct = [...new Set(batch.map((w) => w.signature))];
      const keys = distinct.map((signature) => `sig:${signature}`);
      const { claimed, chartVersion } = await claimIntakeKeys(db, keys, clock.now(), organisation?.());
      const answered = new Set<string>();
      for (const w of batch) {
        // a copy in the same batch is a replay of the first: only the first may act
        const first = claimed.has(`sig:${w.signature}`) && !answered.has(w.signature);
        answered.add(w.signature);
        w.resolve({ first, chartVersion });
      }
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  };

  const drain = async (): Promise<void> => {
    inFlight = true;
    try {
      while (queue.length > 0) await flush();
    } finally {
      inFlight = false;
    }
  };

  return function firstSighting(signature: string): Promise<Sighting> {
    return new Promise<Sighting>((resolve, reject) => {
      queue.push({ signature, resolve, reject });
      // requests read in the same turn of the event loop join this batch
      if (!inFlight) {
        inFlight = true;
        setImmediate(() => void drain());
      }
    });
  };
}
