import { callsOfWeek, latestCallWeek } from '../../db/accounts/phone-call-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import { summarisedWeek } from '../../domain/accounts/phone-visits.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { phoneSummaryLines } from '../../views/accounts/phone-call-views.ts';
import { shownCall } from '../accounts/phone-call-lists.ts';

/**
 * The SSG meeting's agenda: the latest week of phone visits already summed up for the SSG leader
 * (its Friday 16:00 passed), per CSR planned, made by outcome and not made, as Friday's summary said.
 */
export async function phoneVisitsSection(o: {
  db: DbLike;
  chart: OrgChart;
  now: Date;
  locale: Locale;
}): Promise<string> {
  const { chart, locale } = o;
  const orgId = chart.data.orgId;
  const week = await latestCallWeek(o.db, orgId, summarisedWeek(o.now, chart.data.timezone));
  if (!week) return `${t(locale, 'phone.agenda.title_none')}\n${t(locale, 'meeting.agenda.none')}`;
  const calls = (await callsOfWeek(o.db, { orgId, week })).map(shownCall);
  return `${t(locale, 'phone.agenda.title', { week })}\n${phoneSummaryLines({ calls, chart, locale }).join('\n')}`;
}
