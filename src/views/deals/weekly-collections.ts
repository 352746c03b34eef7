import { collectionRate, type CollectionsSummary } from '../../domain/deals/collections.ts';
import { formatMoney } from '../../domain/deals/money.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { capBlocks, section, type Block } from '../blocks.ts';

export interface CollectionsContext {
  locale: Locale;
  currency: string;
  nameOf: (id: string) => string;
  /** The team lead whose team this is; the whole site when absent. */
  leadId?: string;
}

/** The Monday message: the week's collections, the arrears today, the collection rate, per owner. */
export function weeklyCollectionsMessage(
  s: CollectionsSummary,
  o: CollectionsContext,
): { text: string; blocks: Block[] } {
  const { locale } = o;
  const money = (cents: number) => formatMoney(cents, o.currency, locale);
  const scope = o.leadId
    ? t(locale, 'deal.weekly.scope_team', { lead: escapeMrkdwn(o.nameOf(o.leadId)) })
    : t(locale, 'deal.weekly.scope_site');
  const title = t(locale, 'deal.weekly.title', { scope, from: s.from, to: s.to });
  const rate = collectionRate(s);
  const lines = [
    t(locale, 'deal.weekly.collected', {
      amount: money(s.collectedCents),
      count: s.paymentCount,
      loan: money(s.loanCents),
      refund: money(s.refundCents),
    }),
    t(locale, 'deal.weekly.overdue', { amount: money(s.overdueCents), count: s.overdueCount }),
    rate === undefined
      ? t(locale, 'deal.weekly.rate_none')
      : t(locale, 'deal.weekly.rate', { rate, due: money(s.dueCents), paid: money(s.paidCents) }),
  ];
  const owners = s.byOwner.slice(0, 40).map((row) =>
    t(locale, 'deal.weekly.owner', {
      owner: escapeMrkdwn(o.nameOf(row.ownerId)),
      collected: money(row.collectedCents),
      overdue: money(row.overdueCents),
      count: row.overdueCount,
    }),
  );
  const footer = t(locale, o.leadId ? 'deal.weekly.more_team' : 'deal.weekly.more_site');
  const blocks: Block[] = [section(`*${title}*\n${lines.join('\n')}`)];
  if (owners.length > 0) blocks.push(section(owners.join('\n')));
  else blocks.push(section(t(locale, 'deal.weekly.quiet')));
  blocks.push(section(footer));
  const text = [title, ...lines].join('\n');
  return { text, blocks: capBlocks(blocks) };
}
