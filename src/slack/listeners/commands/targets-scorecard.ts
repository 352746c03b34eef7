import { isMalformedPeriod, parsePeriod } from '../../../domain/targets/periods.ts';
import { t } from '../../../i18n/index.ts';
import { zonedParts } from '../../../lib/format-time.ts';
import { escapeMrkdwn } from '../../../lib/text.ts';
import {
  assertMayViewScorecards,
  queueScorecardAnswerChart,
  viewScorecards,
  type ScorecardAnswer,
  type ScorecardAsk,
} from '../../../services/scorecards/view-scorecards.ts';
import type { Locale } from '../../../i18n/index.ts';
import type { OrgChart } from '../../../domain/org/org-chart.ts';
import { currencyOf } from '../../../domain/org/currency-of.ts';
import { marketsScorecardText, scorecardText, teamScorecardText } from '../../../views/scorecards/scorecard-views.ts';
import type { AppContext } from '../../app-context.ts';
import type { Asker } from '../../middleware/identify-asker.ts';
import type { commandReply } from '../command-reply.ts';

/** The words that ask `/targets` for a scorecard, in either language. */
export const SCORECARD_WORDS = new Set(['scorecard', 'scorecards', '考評', '考评']);
const TEAM = new Set(['team', '團隊', '团队']);
const MARKETS = new Set(['markets', 'market', '市場', '市场', '各市場']);

function render(answer: ScorecardAnswer, o: { chart: OrgChart; locale: Locale; month: string }): string {
  const { chart, locale, month } = o;
  const currency = currencyOf(chart);
  if (answer.kind === 'mine')
    return answer.card
      ? scorecardText(answer.card, { locale, name: chart.nameOf(answer.card.personId), currency })
      : t(locale, 'scorecard.none', { month });
  if (answer.kind === 'team')
    return answer.cards.length > 0
      ? teamScorecardText(answer.cards, { locale, month, nameOf: (id) => chart.nameOf(id), currency })
      : t(locale, 'scorecard.none_team', { month });
  return answer.rows.length > 0
    ? marketsScorecardText(answer.rows, { locale, month, currency })
    : t(locale, 'scorecard.none_markets', { month });
}

/**
 * `/targets scorecard [team|markets] [2026-11]`: a month's scorecards again, last month's by default.
 * Acked at once (the whole organisation is ranked), answered by response_url.
 */
export async function answerScorecard(
  ctx: AppContext,
  reply: ReturnType<typeof commandReply>,
  asker: Asker,
  words: string[],
): Promise<void> {
  const { chart, locale } = asker;
  const tz = chart.data.timezone;
  const now = ctx.clock.now();
  let ask: ScorecardAsk = 'mine';
  let period: { year: number; month: number } | undefined;
  for (const word of words) {
    const lower = word.toLowerCase();
    const asPeriod = parsePeriod(word, now, tz);
    if (TEAM.has(lower)) ask = 'team';
    else if (MARKETS.has(lower)) ask = 'markets';
    else if (asPeriod?.kind === 'month') period = { year: asPeriod.year, month: asPeriod.month };
    else {
      // scorecards are monthly: a quarter, a year or a month that does not exist is asked again as a month
      const key = asPeriod || isMalformedPeriod(word) ? 'scorecard.bad_month' : 'scorecard.help';
      return reply.ack({ response_type: 'ephemeral', text: t(locale, key, { period: escapeMrkdwn(word) }) });
    }
  }
  if (!period) {
    const here = zonedParts(now, tz); // last month: the one the 3rd working day sent
    const last = new Date(Date.UTC(here.year, here.month - 1, 1));
    period = { year: last.getUTCFullYear(), month: last.getUTCMonth() + 1 };
  }
  const month = `${period.year}-${String(period.month).padStart(2, '0')}`;
  assertMayViewScorecards(chart, asker.userId, ask); // refused in the ack, before any work
  // a site has no markets (nor market managers): said as such, with where its scorecards are
  if (ask === 'markets' && chart.data.markets.length === 0)
    return reply.ack({ response_type: 'ephemeral', text: t(locale, 'scorecard.none_markets_site', { month }) });
  await reply.ack({ response_type: 'ephemeral', text: t(locale, 'scorecard.working', { month }) });
  const answer = await viewScorecards({
    db: ctx.db,
    chart,
    askerId: asker.userId,
    ask,
    year: period.year,
    month: period.month,
  });
  await reply.answer({ response_type: 'ephemeral', text: render(answer, { chart, locale, month }) });
  // the table's chart, as the monthly run sends it: to the asker's DM, drawn by the outbox's worker
  if (await queueScorecardAnswerChart(ctx.db, chart, answer, { askerId: asker.userId, locale, month, now }))
    ctx.outbox.nudge();
}
