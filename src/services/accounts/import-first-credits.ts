import { applyCreditLines, creditTable } from '../../db/accounts/credit-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import type { CreditLine } from '../../domain/accounts/credit.ts';

/**
 * The register's credit columns rate a distributor the first time only: a line for one not rated
 * yet is set (and kept in the table's history as the importer's); a change to a rated one is left
 * for the monthly credit review, where the SLT approves it, and counted so the answer can say so.
 */
export async function setFirstCredits(
  unit: DbLike,
  o: { orgId: number; lines: CreditLine[]; actorId: string; now: Date },
): Promise<{ creditsSet: number; creditsLeft: number }> {
  if (o.lines.length === 0) return { creditsSet: 0, creditsLeft: 0 };
  const table = new Map((await creditTable(unit, { orgId: o.orgId })).map((row) => [row.code, row]));
  const first: (CreditLine & { accountId: number })[] = [];
  let creditsLeft = 0;
  for (const line of o.lines) {
    const row = table.get(line.code);
    if (!row) continue;
    if (row.grade === null) first.push({ ...line, accountId: row.accountId });
    else if (row.grade !== line.grade || row.limitCents !== line.limitCents || row.termsDays !== line.termsDays)
      creditsLeft += 1;
  }
  // reviewId 0: set by an import, not by a month's review
  await applyCreditLines(unit, {
    orgId: o.orgId,
    lines: first,
    reviewId: 0,
    proposedBy: o.actorId,
    approvedBy: o.actorId,
    now: o.now,
  });
  return { creditsSet: first.length, creditsLeft };
}
