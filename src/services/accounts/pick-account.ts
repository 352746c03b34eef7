import { countAccounts } from '../../db/accounts/account-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { type Account, findAccounts } from './find-accounts.ts';

/** Whether `/visit` picks the account from the register: a brand that has one. */
export async function hasAccountRegister(o: { db: DbLike; chart: OrgChart }): Promise<boolean> {
  return o.chart.template === 'brand-sales' && (await countAccounts(o.db, o.chart.data.orgId)) > 0;
}

/**
 * The account picker's options as the asker types: the account of that code, else those whose
 * name contains the text, only those the asker may see (at most 20, as `/account` finds them).
 */
export async function pickAccounts(o: {
  db: DbLike;
  chart: OrgChart;
  askerId: string;
  query: string;
}): Promise<Pick<Account, 'code' | 'name'>[]> {
  if (o.chart.template !== 'brand-sales' || !o.chart.person(o.askerId) || !o.query.trim()) return [];
  return (await findAccounts(o)).map(({ code, name }) => ({ code, name }));
}
