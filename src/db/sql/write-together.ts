import type { SqlQuery } from './sql-query.ts';
import { runnerOf, type DbLike } from './sql-runner.ts';

/** A write whose result nobody reads, built by a repository, to be sent with others (see writeTogether). */
export type Write = SqlQuery & { readonly write: true };

export const asWrite = (query: SqlQuery): Write => ({ ...query, write: true });

const text = (value: string): SqlQuery => ({ strings: [value], values: [] });

function concat(parts: SqlQuery[]): SqlQuery {
  const strings: string[] = [''];
  const values: unknown[] = [];
  for (const part of parts) {
    strings[strings.length - 1] += part.strings[0];
    for (let i = 0; i < part.values.length; i += 1) {
      values.push(part.values[i]);
      strings.push(part.strings[i + 1]);
    }
  }
  return { strings, values };
}

/** The writes as ONE statement, each a data-modifying WITH of it. */
function together(writes: Write[]): SqlQuery {
  if (writes.length === 1) return writes[0];
  const parts: SqlQuery[] = [text('WITH ')];
  for (const [i, write] of writes.entries()) parts.push(text(`${i === 0 ? '' : ', '}"w${i}" AS (`), write, text(')'));
  parts.push(text(' SELECT 1'));
  return concat(parts);
}

/**
 * Runs writes whose results nobody reads. On PostgreSQL they go as ONE statement (each a
 * data-modifying WITH of it: one round trip instead of one each), and inside a transaction on the
 * direct driver that statement is not even sent alone: it goes in front of the unit's next statement
 * or its COMMIT (SqlRunner.defer), so a failure surfaces there, still failing the unit. On SQLite,
 * in-process, one after another. The writes of one call see none of each other's changes, so no two
 * may touch the same row (rows written by earlier statements of the transaction are fine); and their
 * order is not promised.
 */
export async function writeTogether(db: DbLike, writes: Write[]): Promise<void> {
  const runner = runnerOf(db);
  if (writes.length === 0) return;
  if (runner.provider !== 'postgres') {
    for (const write of writes) await runner.run(write);
    return;
  }
  const statement = together(writes);
  if (!runner.defer?.(statement)) await runner.run(statement);
}
