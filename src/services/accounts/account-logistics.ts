import { findAccountByCode } from '../../db/accounts/account-repo.ts';
import { confirmLogistics, logisticsTable, setLogistics, type LogisticsRow } from '../../db/accounts/logistics-repo.ts';
import type { Db } from '../../db/unit-of-work.ts';
import { transaction } from '../../db/unit-of-work.ts';
import { parseLogisticsLine, responsibleCsr, UNCONFIRMED_DAYS } from '../../domain/accounts/logistics.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { logisticsReminder, unconfirmedList } from '../../views/accounts/logistics-views.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf } from '../org/locale-of.ts';
import { creditMarketsFor } from './credit-review.ts';

/** `/account logistics`: the table for the SSG, the SLT and market owners (their markets). */
export async function showLogisticsTable(o: { db: Db; chart: OrgChart; askerId: string }): Promise<LogisticsRow[]> {
  const markets = creditMarketsFor(o.chart, o.askerId);
  if (markets === false) throw new AppError(ErrorCode.Forbidden, {}, 'logistics', 'account.logistics.forbidden');
  return logisticsTable(o.db, { orgId: o.chart.data.orgId, markets });
}

async function ssgAccount(o: { db: Db; chart: OrgChart; askerId: string; code: string }) {
  if (!o.chart.isSsg(o.askerId)) throw new AppError(ErrorCode.Forbidden, {}, 'not SSG', 'account.logistics.ssg_only');
  const orgId = o.chart.data.orgId;
  const account =
    (await findAccountByCode(o.db, orgId, o.code)) ?? (await findAccountByCode(o.db, orgId, o.code.toUpperCase()));
  if (!account) throw new AppError(ErrorCode.NotFound, { query: o.code }, 'no account', 'account.not_found');
  return account;
}

/** `/account logistics ED01 地址｜收貨人｜倉庫｜承運商｜天數｜卸貨說明`: the SSG sets a line, confirmed now, logged. */
export async function setAccountLogistics(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  askerId: string;
  code: string;
  text: string;
}): Promise<string> {
  const account = await ssgAccount(o);
  const line = parseLogisticsLine(o.text);
  if ('reason' in line)
    throw new AppError(
      ErrorCode.InvalidInput,
      { value: line.value ?? '' },
      line.reason,
      `account.reason.${line.reason}`,
    );
  const now = o.clock.now();
  await transaction(o.db, (unit) =>
    setLogistics(unit, { orgId: o.chart.data.orgId, accountId: account.id, line, by: o.askerId, now }),
  );
  return account.code;
}

/** `/account logistics confirm ED01 ED02`: the line is still right; each confirmation is logged. */
export async function confirmAccountLogistics(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  askerId: string;
  codes: string[];
}): Promise<{ confirmed: string[]; missing: string[] }> {
  const confirmed: string[] = [];
  const missing: string[] = [];
  const now = o.clock.now();
  for (const code of o.codes) {
    const account = await ssgAccount({ ...o, code });
    const done = await transaction(o.db, (unit) =>
      confirmLogistics(unit, { orgId: o.chart.data.orgId, accountId: account.id, by: o.askerId, now }),
    );
    (done ? confirmed : missing).push(account.code);
  }
  return { confirmed, missing };
}

/**
 * Monthly: each responsible CSR (the SSG member serving the account's market) is asked to confirm or
 * update their accounts' lines; the SSG leader gets the lines not confirmed in two months.
 */
export async function remindLogistics(o: { db: Db; clock: Clock; chart: OrgChart }): Promise<number> {
  const { chart } = o;
  if (chart.template !== 'brand-sales') return 0;
  const now = o.clock.now();
  const rows = await logisticsTable(o.db, { orgId: chart.data.orgId });
  const byCsr = new Map<string, LogisticsRow[]>();
  for (const row of rows) {
    const csr = responsibleCsr(chart.people, row.market);
    if (csr) byCsr.set(csr, [...(byCsr.get(csr) ?? []), row]);
  }
  const stale = new Date(now.getTime() - UNCONFIRMED_DAYS * 86_400_000);
  const unconfirmed = rows.filter((r) => r.hasLine && (!r.confirmedAt || r.confirmedAt < stale));
  const leader = chart.firstWithRole('ssg_leader')?.slackId;
  return transaction(o.db, async (unit) => {
    for (const [csr, theirs] of byCsr)
      await queueDirectMessage(unit, csr, logisticsReminder(theirs, chart, localeOf(chart, csr)), now);
    if (leader && unconfirmed.length > 0)
      await queueDirectMessage(unit, leader, unconfirmedList(unconfirmed, chart, localeOf(chart, leader)), now);
    return byCsr.size;
  });
}
