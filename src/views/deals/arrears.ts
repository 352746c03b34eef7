import { formatMoney } from '../../domain/deals/money.ts';
import { t, tFor, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { capBlocks, header, section, type Block } from '../blocks.ts';

interface ArrearLine {
  dealId: number;
  kind: string;
  dueDate: string;
  openCents: number;
  days: number;
  building: string;
  unitNumber: string;
  customerName: string;
}

/**
 * Overdue items by owner (counted and summed; the oldest listed): each with its deal, unit, amount
 * still open and days overdue.
 */
export function arrearsBlocks(
  byOwner: Map<string, { count: number; openCents: number; items: ArrearLine[] }>,
  o: { locale: Locale; currency: string; nameOf: (id: string) => string },
): { text: string; blocks: Block[] } {
  const { locale } = o;
  const title = t(locale, 'deal.arrears.title');
  if (byOwner.size === 0) return { text: title, blocks: [header(title), section(t(locale, 'deal.arrears.none'))] };
  const blocks: Block[] = [header(title)];
  for (const [owner, { count, openCents, items }] of byOwner) {
    const lines = items.map((i) =>
      t(locale, 'deal.arrears.line', {
        id: i.dealId,
        unit: escapeMrkdwn(`${i.building} ${i.unitNumber}`),
        customer: escapeMrkdwn(truncate(i.customerName, 20)),
        item: tFor(locale, 'deal.item', i.kind),
        amount: i.openCents > 0 ? formatMoney(i.openCents, o.currency, locale) : '—',
        date: i.dueDate,
        days: i.days,
      }),
    );
    const head = t(locale, 'deal.arrears.owner', {
      owner: escapeMrkdwn(o.nameOf(owner)),
      count,
      amount: formatMoney(openCents, o.currency, locale),
    });
    blocks.push(section(`${head}\n${lines.join('\n')}`));
  }
  return { text: title, blocks: capBlocks(blocks) };
}
