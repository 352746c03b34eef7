import { LATE_NUMBER_TOKEN } from '../../domain/visits/visit-number.ts';
import { sql, type SqlQuery } from '../sql/sql-query.ts';

/**
 * A message's text (its payload or origin, JSON) as SQL: each registration's late-number token
 * replaced by the number its unit took in the statement before (see domain/visits/visit-number.ts).
 * Text without a token is sent as it is. Here, where every message is queued, so that no feature's
 * message can keep a token; the registration's row is the one place the number is kept.
 */
export function withLateNumbers(text: string | null): SqlQuery {
  if (text === null || !text.includes('\u200bvisit-number:')) return sql`${text}`;
  let filled = sql`${text}`;
  for (const [token, id] of new Map([...text.matchAll(LATE_NUMBER_TOKEN)].map((m) => [m[0], Number(m[1])])))
    filled = sql`replace(${filled}, ${token}, (SELECT CAST("number" AS TEXT) FROM "Visit" WHERE "id" = ${id}))`;
  return filled;
}
