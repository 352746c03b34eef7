import { formatMoney } from '../../domain/deals/money.ts';
import { ENDED_STAGES } from '../../domain/deals/payments.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { capBlocks, header, section, type Block } from '../blocks.ts';
import { dealStageName } from './deal-card.ts';

interface ListDeal {
  id: number;
  stage: string;
  stageChangedAt: Date;
  ownerId: string;
  building: string;
  unitNumber: string;
  customerName: string;
  priceCents: number;
  totalCents: number | null;
}

/** Counts and amounts by stage of the filter, then the deals, longest in their stage first; or why none. */
export function dealListBlocks(
  list: {
    deals: ListDeal[];
    totals: { stage: string; count: number; amountCents: number }[];
    filtered?: 'none' | 'overdue' | 'other';
  },
  o: { locale: Locale; currency: string; timeZone: string; nameOf: (id: string) => string },
): { text: string; blocks: Block[] } {
  const { locale } = o;
  const money = (cents: number) => formatMoney(cents, o.currency, locale);
  const title = t(locale, 'deal.list.title');
  // a cancelled or declined deal is counted, not its price: it no longer sells anything
  const totals = list.totals.map((x) =>
    t(locale, ENDED_STAGES.includes(x.stage) ? 'deal.list.total_cancelled' : 'deal.list.total', {
      stage: dealStageName(locale, x.stage),
      count: x.count,
      amount: money(x.amountCents),
    }),
  );
  const lines = list.deals.map((d) =>
    t(locale, 'deal.list.line', {
      id: d.id,
      unit: escapeMrkdwn(`${d.building} ${d.unitNumber}`),
      customer: escapeMrkdwn(truncate(d.customerName, 20)),
      owner: escapeMrkdwn(o.nameOf(d.ownerId)),
      stage: dealStageName(locale, d.stage),
      since: formatDate(d.stageChangedAt, o.timeZone),
      amount: money(d.totalCents ?? d.priceCents),
    }),
  );
  const none = { none: 'deal.list.none', overdue: 'deal.list.none_overdue', other: 'deal.list.none_matching' } as const;
  const blocks: Block[] = [header(title), section(totals.join('\n') || t(locale, none[list.filtered ?? 'none']))];
  for (let i = 0; i < lines.length; i += 20) blocks.push(section(lines.slice(i, i + 20).join('\n')));
  return { text: title, blocks: capBlocks(blocks) };
}
