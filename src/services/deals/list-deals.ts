import type { Db } from '../../db/database.ts';
import { dealStageTotals, listDeals, type Deal } from '../../db/deals/deal-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import { isSiteOffice } from './deal-access.ts';

const STAGE_WORDS: Record<string, string[]> = {
  awaiting_discount: ['待核准', 'awaiting'],
  reserved: ['認購', '已認購', 'reserved'],
  contracted: ['簽約', '已簽約', 'contracted'],
  sold: ['已售', 'sold'],
  cancel_requested: ['待退訂'],
  cancelled: ['退訂', '已退訂', 'cancelled'],
};

/**
 * `/deal list [stage]`: my deals (a salesperson), my team's (a lead: everyone below), or the site's
 * (PM, deputy, secretary); counts and amounts by stage, and the deals longest in their stage first.
 */
export async function listDealsFor(o: { db: Db; chart: OrgChart; viewerId: string; words: string[] }): Promise<{
  deals: Deal[];
  totals: { stage: string; count: number; amountCents: number }[];
}> {
  const { chart } = o;
  if (chart.template !== 'property-site') throw new AppError(ErrorCode.Forbidden, {}, 'site only', 'deal.site_only');
  const owners = isSiteOffice(chart, o.viewerId) ? null : [o.viewerId, ...chart.allReports(o.viewerId)];
  const word = o.words.join(' ').trim().toLowerCase();
  const stage = word ? Object.keys(STAGE_WORDS).find((s) => STAGE_WORDS[s].includes(word)) : undefined;
  if (word && !stage) throw new AppError(ErrorCode.InvalidInput, { word }, 'unknown stage', 'deal.list.unknown_stage');
  const orgId = chart.data.orgId;
  const [deals, totals] = await Promise.all([
    listDeals(o.db, orgId, owners, stage),
    dealStageTotals(o.db, orgId, owners),
  ]);
  return { deals, totals };
}
