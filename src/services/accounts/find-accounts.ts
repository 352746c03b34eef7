import { contactsOf, findAccountByCode, searchAccountsByName, type Account } from '../../db/accounts/account-repo.ts';
import {
  lastVisitsOf,
  openIssuesOf,
  type AccountIssueRow,
  type AccountVisitRow,
} from '../../db/accounts/account-activity-repo.ts';
import { creditOf } from '../../db/accounts/credit-repo.ts';
import { lastCallsOf } from '../../db/accounts/phone-call-repo.ts';
import { logisticsOf } from '../../db/accounts/logistics-repo.ts';
import type { LogisticsLine } from '../../domain/accounts/logistics.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import { accountOwnersVisibleTo, mayViewAccount } from '../../domain/accounts/account-access.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import { accountLedger, type AccountLedger } from '../receivables/account-ledger.ts';

export type { Account };

/** At most this many accounts answer a name search. */
export const ACCOUNT_SEARCH_LIMIT = 20;

export interface AccountDetails {
  account: Account;
  contacts: { name: string; phone: string; role: string }[];
  distributor?: { code: string; name: string };
  visits: AccountVisitRow[];
  issues: AccountIssueRow[];
  calls: { loggedAt: Date | null; callerId: string; outcome: string; nextStep: string }[];
  credit?: { grade: string; limitCents: number; termsDays: number };
  logistics?: LogisticsLine & { confirmedAt: Date | null };
  /** Balance and aging (brand ledger), when asked with the time. */
  ledger?: AccountLedger;
}

function requireBrand(chart: OrgChart): void {
  if (chart.template !== 'brand-sales')
    throw new AppError(ErrorCode.InvalidInput, {}, 'no register on this template', 'account.brand_only');
}

/**
 * `/account <code | name>`: the account with that code, else those whose name contains the text;
 * only those the asker may see (the owner's chain, the SSG, the SLT), at most 20.
 */
export async function findAccounts(o: {
  db: DbLike;
  chart: OrgChart;
  askerId: string;
  query: string;
}): Promise<Account[]> {
  const { chart, askerId } = o;
  requireBrand(chart);
  const query = o.query.trim();
  if (!query) return [];
  const orgId = chart.data.orgId;
  // the code as typed, then upper-cased (a second look-up only when that differs: one round trip fewer)
  const upper = query.toUpperCase();
  const byCode =
    (await findAccountByCode(o.db, orgId, query)) ??
    (upper === query ? null : await findAccountByCode(o.db, orgId, upper));
  if (byCode) return mayViewAccount(chart, askerId, byCode) ? [byCode] : [];
  const found = await searchAccountsByName(o.db, {
    orgId,
    text: query,
    take: ACCOUNT_SEARCH_LIMIT * 5,
    ownerIds: accountOwnersVisibleTo(chart, askerId),
  });
  return found.filter((a) => mayViewAccount(chart, askerId, a)).slice(0, ACCOUNT_SEARCH_LIMIT);
}

/** What the account's card shows besides the account: contacts, its distributor, last visits, open issues. */
export async function accountDetails(o: {
  db: DbLike;
  chart: OrgChart;
  account: Account;
  now?: Date;
}): Promise<AccountDetails> {
  const { account } = o;
  const orgId = o.chart.data.orgId;
  const names = [account.name, account.code];
  const distributor = account.distributorCode ? await findAccountByCode(o.db, orgId, account.distributorCode) : null;
  return {
    account,
    contacts: (await contactsOf(o.db, account.id)).map(({ name, phone, role }) => ({ name, phone, role })),
    distributor: distributor ? { code: distributor.code, name: distributor.name } : undefined,
    visits: await lastVisitsOf(o.db, { orgId, names, take: 5 }),
    issues: await openIssuesOf(o.db, { orgId, names, take: 5 }),
    calls: await lastCallsOf(o.db, account.id, 5),
    credit: (await creditOf(o.db, account.id)) ?? undefined,
    logistics: (await logisticsOf(o.db, account.id)) ?? undefined,
    ledger: o.now ? await accountLedger({ db: o.db, chart: o.chart, accountId: account.id, now: o.now }) : undefined,
  };
}
