import type { Db } from '../../db/database.ts';
import { listDeals } from '../../db/deals/deal-repo.ts';
import { formatMoney } from '../../domain/deals/money.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { isProjectManager } from './deal-access.ts';
import { currencyOf } from './deal-messages.ts';

const TAKE = 15;

/**
 * The deals waiting for the PM's decision, for App Home's 待我審核: a discount beyond the seller's
 * authority, and a cancellation (退訂／退房). Nobody else decides them, so others see none.
 */
export async function pendingDealDecisions(o: {
  db: Db;
  chart: OrgChart;
  userId: string;
  locale: Locale;
}): Promise<string[]> {
  const { chart, locale } = o;
  if (!isProjectManager(chart, o.userId)) return [];
  const orgId = chart.data.orgId;
  const [discounts, cancels] = await Promise.all([
    listDeals(o.db, orgId, { ownerIds: null, stage: 'awaiting_discount' }, TAKE),
    listDeals(o.db, orgId, { ownerIds: null, stage: 'cancel_requested' }, TAKE),
  ]);
  const params = (d: (typeof discounts)[number]) => ({
    id: d.id,
    unit: escapeMrkdwn(`${d.building} ${d.unitNumber}`),
    customer: escapeMrkdwn(truncate(d.customerName, 20)),
    owner: escapeMrkdwn(chart.nameOf(d.ownerId)),
    discount: formatMoney(d.discountCents, currencyOf(chart), locale),
  });
  return [
    ...discounts.map((d) => t(locale, 'home.pending.deal_discount', params(d))),
    ...cancels.map((d) => t(locale, 'home.pending.deal_cancel', params(d))),
  ];
}
