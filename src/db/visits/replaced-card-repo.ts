import type { Visit } from '../../generated/sqlite/client.ts';
import { sql } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';
import { visitFromRow } from './visit-repo.ts';

/**
 * The registration an approval card was posted for, when the card has since been replaced (the
 * registration returned and sent again, moved to another approver, or ruled on); null for any other
 * message and for the registration's current card. A card is told apart by the button it was posted
 * with (`approveActionId`); its registration by the origin its messages carry (kind and number).
 */
export async function registrationOfReplacedCard(
  db: DbLike,
  o: { orgId: number; channel: string; ts: string; approveActionId: string },
): Promise<Visit | null> {
  const [card] = await runnerOf(db).all<{ id: number | bigint; origin: string | null }>(sql`
    SELECT "id", "origin" FROM "OutboxMessage" WHERE "sentChannel" = ${o.channel} AND "sentTs" = ${o.ts}
      AND "payload" LIKE ${`%"${o.approveActionId}"%`} ORDER BY "id" LIMIT 1`);
  const origin = card?.origin ? (JSON.parse(card.origin) as { kind?: string; ref?: string }) : undefined;
  const number = Number(origin?.ref);
  if (origin?.kind !== 'visit' || !Number.isInteger(number)) return null;
  const [row] = await runnerOf(db).all(
    sql`SELECT * FROM "Visit" WHERE "orgId" = ${o.orgId} AND "number" = ${number} ORDER BY "id" LIMIT 1`,
  );
  const visit = row ? visitFromRow(row) : null;
  return visit && visit.approvalOutboxId !== Number(card.id) ? visit : null;
}
