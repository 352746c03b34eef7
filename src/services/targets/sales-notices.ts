import type { DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t, tFor } from '../../i18n/index.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { formatMetric } from '../../domain/targets/figures.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import { localeOf } from '../org/locale-of.ts';
import type { SalesInput } from '../../domain/targets/target-input.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';

const metricName = (locale: ReturnType<typeof localeOf>, metric: string) => tFor(locale, 'metric', metric);

/** A figure as its reader reads it: money in the organisation's currency, like every card. */
const figure = (chart: OrgChart, locale: ReturnType<typeof localeOf>, metric: string, value: number) =>
  formatMetric(metric, value, { currency: currencyOf(chart), locale });

/** The modal closes on saving: the recorder is told what was recorded, and the person when it was someone else. */
export async function queueSalesRecorded(
  tx: DbLike,
  o: { chart: OrgChart; askerId: string; input: SalesInput; now: Date },
): Promise<void> {
  const { chart, input } = o;
  const locale = localeOf(chart, o.askerId);
  const who =
    input.metric === 'share'
      ? (chart.market(input.marketCode)?.name ?? input.marketCode)
      : chart.nameOf(input.personId);
  const params = {
    person: escapeMrkdwn(who),
    month: input.month,
    value: figure(chart, locale, input.metric, input.value),
    account: escapeMrkdwn(input.account),
  };
  const key = input.account ? 'sales.recorded_account' : 'sales.recorded';
  await queueDirectMessage(
    tx,
    o.askerId,
    { text: t(locale, key, { ...params, metric: metricName(locale, input.metric) }) },
    o.now,
  );
  if (input.personId === o.askerId) return;
  const theirs = localeOf(chart, input.personId);
  const by = escapeMrkdwn(chart.nameOf(o.askerId));
  const value = figure(chart, theirs, input.metric, input.value);
  const text = t(theirs, 'sales.recorded_for_you', { ...params, value, by, metric: metricName(theirs, input.metric) });
  await queueDirectMessage(tx, input.personId, { text }, o.now);
}

/** A correction is confirmed to the SSG, and told to the person whose figure it was. */
export async function queueSalesCorrected(
  tx: DbLike,
  o: {
    chart: OrgChart;
    askerId: string;
    before: { id: number; personId: string; month: string; metric: string; value: number };
    value: number;
    reason: string;
    now: Date;
  },
): Promise<void> {
  const { chart, before } = o;
  const locale = localeOf(chart, o.askerId);
  const old = figure(chart, locale, before.metric, before.value);
  const value = figure(chart, locale, before.metric, o.value);
  await queueDirectMessage(
    tx,
    o.askerId,
    { text: t(locale, 'sales.correct.done', { id: before.id, old, value }) },
    o.now,
  );
  if (before.personId === o.askerId || before.metric === 'share') return;
  const theirs = localeOf(chart, before.personId);
  const by = escapeMrkdwn(chart.nameOf(o.askerId));
  const params = {
    by,
    month: before.month,
    metric: metricName(theirs, before.metric),
    old: figure(chart, theirs, before.metric, before.value),
    value: figure(chart, theirs, before.metric, o.value),
    reason: escapeMrkdwn(o.reason),
  };
  await queueDirectMessage(tx, before.personId, { text: t(theirs, 'sales.correct.notice', params) }, o.now);
}
