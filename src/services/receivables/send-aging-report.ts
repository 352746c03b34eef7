import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import { agingOfMarket, type AccountAging } from '../../db/receivables/invoice-repo.ts';
import { transaction, type Db } from '../../db/unit-of-work.ts';
import { mayViewAccount } from '../../domain/accounts/account-access.ts';
import { marketOwners } from '../../domain/receivables/ledger-access.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import type { Locale } from '../../i18n/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { agingReport } from '../../views/receivables/reminder-views.ts';
import { agingChart } from '../../views/charts/aging-chart.ts';
import { queueChart } from '../charts/queue-chart.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf, orgLocaleOf } from '../org/locale-of.ts';
import { localToday } from './ledger-order.ts';

/**
 * Monday: each market's aging report (per account, 0–30, 31–60, 61–90, over 90 days) to the SSG
 * channel, whole, and to its owners (the SLT owner, the MM, UMs and KAMs working it), each listing
 * only the accounts whose card they may see (nothing when none owes), each followed by its chart. A
 * market with nothing open is left out.
 * Returns how many markets were reported.
 */
export async function sendAgingReport(o: { db: Db; clock: Clock; chart: OrgChart }): Promise<number> {
  const { chart } = o;
  if (chart.template !== 'brand-sales') return 0;
  const now = o.clock.now();
  const date = localToday(chart, now);
  const orgId = chart.data.orgId;
  const reports: { market: OrgChart['data']['markets'][number]; rows: AccountAging[] }[] = [];
  for (const market of chart.data.markets) {
    const rows = await agingOfMarket(o.db, { orgId, market: market.code, today: date });
    if (rows.length > 0) reports.push({ market, rows });
  }
  const channel = chart.channel('ssg');
  const currency = currencyOf(chart);
  await transaction(o.db, async (unit) => {
    for (const { market, rows } of reports) {
      const origin = { kind: 'aging', ref: market.code };
      // the picture follows its report, drawn and uploaded by the outbox as it delivers it
      const picture = (locale: Locale, shown: AccountAging[]) =>
        agingChart({ locale, market: market.name, marketCode: market.code, date, currency, rows: shown });
      if (channel) {
        const args = agingReport(orgLocaleOf(chart), { market: market.name, date, rows, currency });
        await enqueueMessage(unit, { method: 'chat.postMessage', channel, args, origin }, now);
        await queueChart(unit, channel, picture(orgLocaleOf(chart), rows), now);
      }
      for (const id of marketOwners(chart, market.code)) {
        // each owner sees the accounts whose card they may see, no other owner's debts
        const theirs = rows.filter((r) => mayViewAccount(chart, id, { ownerId: r.ownerId, market: market.code }));
        if (theirs.length === 0) continue;
        const partial = theirs.length < rows.length;
        const locale = localeOf(chart, id);
        const message = agingReport(locale, { market: market.name, date, rows: theirs, partial, currency });
        await queueDirectMessage(unit, id, message, now, origin);
        await queueChart(unit, id, picture(locale, theirs), now);
      }
    }
  });
  return reports.length;
}
