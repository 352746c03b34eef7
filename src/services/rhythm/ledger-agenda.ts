import { ledgerFiguresByMarket } from '../../db/erp/ledger-figures-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import { formatMoney } from '../../domain/deals/money.ts';
import { addDays } from '../../domain/erp/erp-values.ts';
import { salesSourceOf } from '../../domain/erp/orders-settings.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format-time.ts';
import { escapeMrkdwn } from '../../lib/text.ts';

/**
 * The SLT's agenda from the ledger, by market: last month's 開票額 (invoices, or 出貨額 from shipments as
 * the org file says), receivables more than 60 days past due today, and orders held for credit now.
 */
export async function ledgerSection(o: {
  db: DbLike;
  chart: OrgChart;
  now: Date;
  locale: Locale;
  last: { start: Date; end: Date };
}): Promise<string> {
  const { chart, locale } = o;
  const tz = chart.data.timezone;
  const money = (cents: number) => formatMoney(cents, currencyOf(chart), locale);
  const from = formatDate(o.last.start, tz);
  const to = formatDate(new Date(o.last.end.getTime() - 1), tz);
  const today = formatDate(o.now, tz);
  const salesFrom = salesSourceOf(chart.data.orders);
  const figures = await ledgerFiguresByMarket(o.db, {
    orgId: chart.data.orgId,
    from,
    to,
    over60Before: addDays(today, -60),
    salesFrom,
  });
  // named for what it counts (開票額 or 出貨額), never plain 銷售額: the attainment above is the typed actuals
  const source = t(locale, `meeting.agenda.source.${salesFrom}`);
  const lines = chart.data.markets.map((market) => {
    const f = figures.get(market.code) ?? { salesCents: 0, over60Cents: 0, heldOrders: 0, heldCents: 0 };
    return t(locale, 'meeting.agenda.ledger_line', {
      market: escapeMrkdwn(market.name),
      source,
      sales: money(f.salesCents),
      over60: money(f.over60Cents),
      held: f.heldOrders,
      heldAmount: money(f.heldCents),
    });
  });
  return `${t(locale, 'meeting.agenda.ledger', { source })}\n${lines.join('\n') || t(locale, 'meeting.agenda.none')}`;
}
