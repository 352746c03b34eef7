import type { DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import type { Locale } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format-time.ts';
import { marketsScorecardText } from '../../views/scorecards/scorecard-views.ts';
import type { ChartMessage } from '../../views/charts/chart-spec.ts';
import { marketCards, marketsChart } from './deliver-scorecards.ts';
import { buildScorecards } from './send-scorecards.ts';

/**
 * The markets' scorecard table of the month starting at `monthStart`, for the SLT meeting's agenda, and its
 * chart to upload beside it; undefined when no market has one (a property site has no markets).
 */
export async function marketsAgendaSection(o: {
  db: DbLike;
  chart: OrgChart;
  monthStart: Date;
  locale: Locale;
}): Promise<{ text: string; chart: ChartMessage } | undefined> {
  const { chart } = o;
  if (chart.data.markets.length === 0) return undefined;
  const rows = marketCards(chart, await buildScorecards({ db: o.db, chart, monthStart: o.monthStart }));
  if (rows.length === 0) return undefined;
  const month = formatDate(o.monthStart, chart.data.timezone).slice(0, 7);
  const key = `${month}-agenda-${o.locale}`;
  return {
    text: marketsScorecardText(rows, { locale: o.locale, month, currency: currencyOf(chart) }),
    chart: marketsChart(rows, { locale: o.locale, month, key }),
  };
}
