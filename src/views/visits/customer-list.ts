import type { Customer } from '../../db/visits/customer-repo.ts';
import { maskPhone } from '../../domain/visits/phone.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { capBlocks, header, section, type Block } from '../blocks.ts';
import { stageName } from './customer-card.ts';
import { packLines } from './visit-reports.ts';
import { visitKey } from './visit-terms.ts';
import type { VisitKind } from '../../domain/visits/visit-kind.ts';

/** `/visit mine` (or a name search's matches): customers and their stages, within one message's limits. */
export function customerListBlocks(
  customers: Customer[],
  o: { locale: Locale; timeZone: string; title?: string; kind?: VisitKind },
): { text: string; blocks: Block[] } {
  const title = o.title ?? t(o.locale, 'visit.mine.header', { count: customers.length });
  if (customers.length === 0) {
    const empty = t(o.locale, visitKey(o.kind ?? 'property', 'visit.mine.empty'));
    return { text: empty, blocks: [section(empty)] };
  }
  const lines = customers.map((c) =>
    t(o.locale, 'visit.mine.line', {
      customer: escapeMrkdwn(truncate(c.name, 40)),
      phone: maskPhone(c.phone),
      stage: stageName(o.locale, c.stage),
      count: c.visitCount,
      last: formatDate(c.lastVisitAt, o.timeZone),
    }),
  );
  return {
    text: title,
    blocks: capBlocks([header(title), ...packLines(lines, 20, (count) => t(o.locale, 'visit.mine.more', { count }))]),
  };
}
