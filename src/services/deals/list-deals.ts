import type { Db } from '../../db/database.ts';
import { dealStageTotals, listDeals, type Deal, type DealFilter } from '../../db/deals/deal-repo.ts';
import { addDays } from '../../domain/deals/reservation.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDate } from '../../lib/format-time.ts';
import { isSiteOffice } from './deal-access.ts';
import { requireSite } from './require-site.ts';

const STAGE_WORDS: Record<string, string[]> = {
  awaiting_discount: ['待核准', 'awaiting'],
  reserved: ['認購', '已認購', 'reserved'],
  contracted: ['簽約', '已簽約', 'contracted'],
  sold: ['已售', 'sold'],
  cancel_requested: ['待退訂'],
  cancelled: ['退訂', '已退訂', 'cancelled'],
};
const OVERDUE_WORDS = ['overdue', '逾期'];
/** The stages in the order a deal goes through them; the ended ones (退訂, 未核准) last. */
const PIPELINE = ['awaiting_discount', 'reserved', 'contracted', 'sold', 'cancel_requested', 'cancelled', 'declined'];
const pipelineRank = (stage: string) => (PIPELINE.includes(stage) ? PIPELINE.indexOf(stage) : PIPELINE.length);
/** A mention as Slack sends it (`<@U123>` or `<@U123|name>`). */
const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;

/** Reads the words after `/deal list`: a stage, `overdue`, an @owner, in any order. */
function filterWords(chart: OrgChart, words: string[]): { stage?: string; overdue: boolean; ownerId?: string } {
  const found: { stage?: string; overdue: boolean; ownerId?: string } = { overdue: false };
  for (const raw of words.filter(Boolean)) {
    const word = raw.toLowerCase();
    const mention = MENTION.exec(raw);
    const stage = Object.keys(STAGE_WORDS).find((s) => STAGE_WORDS[s].includes(word));
    if (mention) found.ownerId = mention[1];
    else if (raw.startsWith('@')) found.ownerId = chart.people.find((p) => p.name === raw.slice(1))?.slackId ?? raw;
    else if (OVERDUE_WORDS.includes(word)) found.overdue = true;
    else if (stage) found.stage = stage;
    else throw new AppError(ErrorCode.InvalidInput, { word: raw }, 'unknown word', 'deal.list.unknown_stage');
  }
  return found;
}

/** The deals found, their totals, and which filter was asked (an empty list says so). */
export interface DealList {
  deals: Deal[];
  totals: { stage: string; count: number; amountCents: number }[];
  filtered: 'none' | 'overdue' | 'other';
}

/**
 * `/deal list [stage] [overdue] [@owner]`: my deals (a salesperson), my team's (a lead: everyone
 * below), or the site's (PM, deputy, secretary); one owner of those, only the overdue ones; counts
 * and amounts by stage, and the deals longest in their stage first.
 */
export async function listDealsFor(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  viewerId: string;
  words: string[];
}): Promise<DealList> {
  const { chart } = o;
  requireSite(chart);
  const visible = isSiteOffice(chart, o.viewerId) ? null : [o.viewerId, ...chart.allReports(o.viewerId)];
  const words = filterWords(chart, o.words);
  let owners = visible;
  if (words.ownerId) {
    const known = chart.person(words.ownerId);
    if (!known || (visible && !visible.includes(words.ownerId)))
      throw new AppError(
        ErrorCode.Forbidden,
        { who: known?.name ?? words.ownerId },
        'owner not visible',
        'deal.list.owner_not_allowed',
      );
    owners = [words.ownerId];
  }
  const today = formatDate(o.clock.now(), chart.data.timezone);
  const filter: DealFilter = {
    ownerIds: owners,
    stage: words.stage,
    overdueBy: words.overdue ? addDays(today, -1) : undefined,
  };
  const [deals, totals] = await Promise.all([
    listDeals(o.db, chart.data.orgId, filter),
    dealStageTotals(o.db, chart.data.orgId, filter),
  ]);
  const filtered = words.overdue ? 'overdue' : words.stage || words.ownerId ? 'other' : 'none';
  return { deals, totals: totals.sort((a, b) => pipelineRank(a.stage) - pipelineRank(b.stage)), filtered };
}
