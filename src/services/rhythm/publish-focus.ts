import { transaction, type Db, type DbLike } from '../../db/unit-of-work.ts';
import type { Config } from '../../config.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import { claimOnce } from '../../db/job-run-repo.ts';
import {
  addFocusAck,
  findFocusPlan,
  markFocusAckReminded,
  publishedFocusOf,
  publishFocusPlan,
  unremindedFocusAcks,
} from '../../db/rhythm/focus-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { addWorkingDays, focusPublishInstant, workingDayBefore } from '../../domain/rhythm/rhythm-rules.ts';
import { t } from '../../i18n/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { focusAnnouncement, focusPersonalCard } from '../../views/rhythm/focus-views.ts';
import { workingCalendarOf } from '../calendar/working-calendar-of.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf } from '../org/locale-of.ts';
import { loadContent } from './focus-content.ts';
import { focusAudience, isSite, mayDraftFocus } from './focus-roles.ts';

type Deps = { db: Db; clock: Clock; chart: OrgChart; config: Pick<Config, 'calendar'> };

/**
 * The focus job, every few minutes: publish an approved focus once its day has come (never an
 * unapproved one), remind the SLT the working day before if it is not approved, and remind
 * those who have not acknowledged two working days after publishing.
 */
export async function runFocusRhythm(
  o: Deps & { focusDay?: number; focusTime?: string },
): Promise<{ published: boolean; remindedUnapproved: boolean; ackReminders: number }> {
  const { chart, db } = o;
  const now = o.clock.now();
  const tz = chart.data.timezone;
  const calendar = workingCalendarOf(o.config, tz);
  const month = formatDateTime(now, tz).slice(0, 7);
  const [year, m] = month.split('-').map(Number);
  const publishAt = focusPublishInstant(calendar, year, m, o.focusDay ?? 6, o.focusTime ?? '09:00');
  const plan = await findFocusPlan(db, chart.data.orgId, month);
  const result = { published: false, remindedUnapproved: false, ackReminders: 0 };

  if (
    now >= workingDayBefore(calendar, publishAt) &&
    now < publishAt &&
    plan?.status !== 'approved' &&
    (await claimOnce(db, 'focus.unapproved-reminder', month, now, chart.data.orgId))
  ) {
    await remindUnapproved(o, month, publishAt, now);
    result.remindedUnapproved = true;
  }

  if (plan && plan.status === 'approved' && now >= publishAt)
    result.published = await publishFocus({ ...o, focusId: plan.id });

  // last month's too: a focus published late in its month is still owed its reminders in the next
  const lastMonth = m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
  const published = await publishedFocusOf(db, chart.data.orgId, [lastMonth, month]);
  for (const focus of published) {
    if (!focus.publishedAt || now < addWorkingDays(calendar, focus.publishedAt, 2)) continue;
    result.ackReminders += await remindUnacknowledged(o, focus, now);
  }
  return result;
}

/** The working day before, a focus still not approved: every drafter hears, in one transaction. */
async function remindUnapproved(o: Deps, month: string, publishAt: Date, now: Date): Promise<void> {
  const { chart } = o;
  const drafters = [...new Set(chart.people.filter((p) => mayDraftFocus(chart, p.slackId)).map((p) => p.slackId))];
  await transaction(o.db, async (unit) => {
    for (const id of drafters) {
      const publish = formatDateTime(publishAt, chart.data.timezone);
      const text = t(localeOf(chart, id), 'focus.reminder.unapproved', { month, publish });
      await queueDirectMessage(unit, id, { text }, now);
    }
  });
}

/** Reminds each copy neither acknowledged nor reminded yet, once; returns how many were reminded. */
async function remindUnacknowledged(o: Deps, focus: { id: number; month: string }, now: Date): Promise<number> {
  const { chart } = o;
  let reminded = 0;
  for (const ack of await unremindedFocusAcks(o.db, focus.id)) {
    // marked and queued together: a run that dies in between neither loses nor doubles the reminder
    const done = await transaction(o.db, async (unit) => {
      if (!(await markFocusAckReminded(unit, ack.focusId, ack.personId, now))) return false;
      const text = t(localeOf(chart, ack.personId), 'focus.reminder.ack', { month: focus.month });
      await queueDirectMessage(unit, ack.personId, { text }, now);
      return true;
    });
    if (done) reminded += 1;
  }
  return reminded;
}

/** Publishes once: the status moves from approved to published in the same transaction as every post. */
export async function publishFocus(o: Deps & { focusId: number }): Promise<boolean> {
  return transaction(o.db, async (unit) => publishInTx(unit, o.chart, o.focusId, o.clock.now()));
}

export async function publishInTx(unit: DbLike, chart: OrgChart, focusId: number, now: Date): Promise<boolean> {
  if (!(await publishFocusPlan(unit, focusId, now))) return false;
  const orgLocale = localeOf(chart, '');
  const content = await loadContent(unit, chart, focusId, orgLocale);
  const announcement = focusAnnouncement(content, { locale: orgLocale, site: isSite(chart) });
  const channels = [
    chart.channel('announcements'),
    ...(isSite(chart) ? [chart.channel('site')] : [chart.channel('ssg'), chart.channel('fsf')]),
  ].filter((c): c is string => Boolean(c));
  for (const channel of channels)
    await enqueueMessage(unit, { method: 'chat.postMessage', channel, args: announcement }, now);
  // the plan is read once per language (only the market names differ), not once per person
  const byLocale = new Map([[orgLocale, content]]);
  const audience = focusAudience(chart);
  for (const person of audience) {
    const locale = localeOf(chart, person.personId);
    const personal = byLocale.get(locale) ?? (await loadContent(unit, chart, focusId, locale));
    byLocale.set(locale, personal);
    const message = await queueDirectMessage(
      unit,
      person.personId,
      focusPersonalCard(personal, { locale, timeZone: chart.data.timezone, markets: person.markets, ackedAt: null }),
      now,
    );
    await addFocusAck(unit, { focusId, personId: person.personId, outboxId: message.id });
  }
  await recordAudit(unit, {
    orgId: chart.data.orgId,
    actor: 'system',
    action: 'focus.published',
    subject: content.month,
    detail: { channels, people: audience.length },
    at: now,
  });
  return true;
}
