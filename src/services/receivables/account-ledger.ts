import { readExposure } from '../../db/orders/exposure-repo.ts';
import { agingOfAccount } from '../../db/receivables/invoice-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import type { AgingTable } from '../../domain/receivables/aging.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { localToday } from './ledger-order.ts';

export interface AccountLedger {
  receivableCents: number;
  openOrdersCents: number;
  aging: AgingTable;
}

/**
 * What the account's card shows of its ledger: the balance from AccountExposure (one row) and its
 * open invoices aged on today (the index on Invoice(accountId, openCents) keeps it to the open ones).
 */
export async function accountLedger(o: {
  db: DbLike;
  chart: OrgChart;
  accountId: number;
  now: Date;
}): Promise<AccountLedger> {
  const exposure = await readExposure(o.db, o.accountId);
  const aging = await agingOfAccount(o.db, o.accountId, localToday(o.chart, o.now));
  return { ...exposure, aging };
}
