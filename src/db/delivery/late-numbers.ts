import { LATE_ORDER_NUMBER } from '../../domain/orders/order-number.ts';
import { LATE_NUMBER_TOKEN } from '../../domain/visits/visit-number.ts';
import { sql, type SqlQuery } from '../sql/sql-query.ts';

/** Each kind of late number: its token, and the number as its row keeps it once the unit has taken it. */
const KINDS: { token: RegExp; number: (id: number) => SqlQuery }[] = [
  { token: LATE_NUMBER_TOKEN, number: (id) => sql`(SELECT CAST("number" AS TEXT) FROM "Visit" WHERE "id" = ${id})` },
  { token: LATE_ORDER_NUMBER, number: (id) => sql`(SELECT "number" FROM "Order" WHERE "id" = ${id})` },
];

/**
 * A text stored in a unit that took a late number (a message's payload or origin, an audit entry's
 * subject) as SQL: each registration's or order's token replaced by the number its unit took in a
 * statement before (see domain/visits/visit-number.ts). Text without a token is sent as it is. The
 * statements that store such texts go through here, so that none keeps a token.
 */
export function withLateNumbers(text: string | null): SqlQuery {
  if (text === null || !text.includes('\u200b')) return sql`${text}`;
  let filled = sql`${text}`;
  for (const kind of KINDS) {
    const tokens = new Map([...text.matchAll(kind.token)].map((m) => [m[0], Number(m[1])]));
    for (const [token, id] of tokens) filled = sql`replace(${filled}, ${token}, ${kind.number(id)})`;
  }
  return filled;
}
