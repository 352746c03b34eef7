import type { Config } from '../../config.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import type { Db, DbOrTx } from '../../db/database.ts';
import { claimOnce } from '../../db/job-run-repo.ts';
import {
  acknowledgeFocusAck,
  addFocusAck,
  approveFocusPlan,
  findFocusAck,
  findFocusPlan,
  findFocusPlanById,
  focusPlanContent,
  focusPlanWithAcks,
  focusPlanWithRows,
  markFocusAckReminded,
  publishedFocusOf,
  publishFocusPlan,
  saveFocusDraft,
  setFocusDraftMessage,
  unremindedFocusAcks,
} from '../../db/rhythm/focus-repo.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import { targetsFor } from '../../db/targets/target-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { focusDraftProblems } from '../../domain/rhythm/focus-draft.ts';
import { addWorkingDays, focusPublishInstant, workingDayBefore } from '../../domain/rhythm/rhythm-rules.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import { parsePeriodKey } from '../../domain/targets/periods.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDateTime } from '../../lib/format-time.ts';

import {
  focusAnnouncement,
  focusDraftCard,
  focusPersonalCard,
  type FocusContent,
} from '../../views/rhythm/focus-views.ts';
import { formatFigure } from '../../domain/targets/figures.ts';
import type { FocusUse } from '../../views/home/home-view.ts';
import { workingCalendarOf } from '../calendar/working-calendar-of.ts';
import { localeOf } from '../org/locale-of.ts';
import { personTargets } from '../targets/target-report.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';

type Deps = { db: Db; clock: Clock; chart: OrgChart; config: Pick<Config, 'calendar'> };

const isSite = (chart: OrgChart) => chart.template === 'property-site';

/**
 * Which month `/focus` drafts when none is named: this month until its focus is due, then next
 * month (a draft for a day already gone would only publish late).
 */
export function defaultFocusMonth(o: { chart: OrgChart; config: Pick<Config, 'calendar'>; now: Date }): {
  month: string;
  movedOn: boolean;
  passed: Date;
} {
  const tz = o.chart.data.timezone;
  const [year, month] = formatDateTime(o.now, tz).slice(0, 7).split('-').map(Number);
  const passed = focusPublishInstant(workingCalendarOf(o.config, tz), year, month);
  if (o.now < passed) return { month: `${year}-${String(month).padStart(2, '0')}`, movedOn: false, passed };
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  return { month: next, movedOn: true, passed };
}

/** Who drafts: the SLT on a brand; on a site the project manager (and leadership). */
export function mayDraftFocus(chart: OrgChart, id: string): boolean {
  return chart.isLeadership(id);
}

/** Who may ask `/focus status`: leadership and the sales secretaries. */
export function mayReadFocusStatus(chart: OrgChart, id: string): boolean {
  return chart.isLeadership(id) || chart.isSsg(id);
}

/** Which of `/focus` a person may use, so that App Home lists only that. */
export function focusUseOf(chart: OrgChart, id: string): FocusUse {
  if (mayDraftFocus(chart, id)) return 'draft';
  return mayReadFocusStatus(chart, id) ? 'status' : 'none';
}

/**
 * Who approves: the general manager or sales director; on a site the PM's managers or the sales
 * director. Never the drafter: a second person approves, another leader if no approver is left.
 */
export function focusApprovers(chart: OrgChart, drafterId?: string): string[] {
  const pm = chart.firstWithRole('project_manager')?.slackId;
  const named = !isSite(chart)
    ? chart.people.filter((p) => p.role === 'general_manager' || p.role === 'sales_director').map((p) => p.slackId)
    : [
        ...new Set([
          ...(pm ? (chart.managerLevels(pm)[0] ?? []) : []),
          ...chart.withRole('sales_director').map((p) => p.slackId),
        ]),
      ];
  const others = named.filter((id) => id !== drafterId);
  if (others.length > 0 || drafterId === undefined) return others;
  return leadershipOf(chart).filter((id) => id !== drafterId);
}

const leadershipOf = (chart: OrgChart) =>
  chart.people.filter((p) => chart.isLeadership(p.slackId)).map((p) => p.slackId);

/** Field people and the markets whose part of the focus they get. */
export function focusAudience(chart: OrgChart): { personId: string; markets: string[] }[] {
  if (isSite(chart)) {
    const pm = chart.firstWithRole('project_manager')?.slackId;
    return pm ? chart.allReports(pm).map((personId) => ({ personId, markets: ['site'] })) : [];
  }
  const field = new Set(['market_manager', 'unit_manager', 'key_account_manager', 'sales_rep']);
  return chart.people
    .filter((p) => field.has(p.role))
    .map((p) => ({ personId: p.slackId, markets: chart.marketsOf(p.slackId) }));
}

export function focusRowsFor(chart: OrgChart, locale: ReturnType<typeof localeOf>): { code: string; name: string }[] {
  return isSite(chart)
    ? [{ code: 'site', name: t(locale, 'focus.site') }]
    : chart.data.markets.map((m) => ({ code: m.code, name: m.name }));
}

/** Each market's row prefilled from its target data, where there is some; on a site, the PM's targets. */
async function prefilledTargets(
  db: DbOrTx,
  chart: OrgChart,
  month: string,
  locale: ReturnType<typeof localeOf>,
): Promise<Record<string, string>> {
  const pm = chart.firstWithRole('project_manager')?.slackId;
  const period = parsePeriodKey(month);
  const targets = isSite(chart)
    ? pm && period
      ? (await personTargets({ db, chart, personId: pm, period })).map((x) => ({ scopeId: 'site', ...x }))
      : []
    : await targetsFor(
        db,
        chart.data.orgId,
        month,
        chart.data.markets.map((m) => ({ kind: 'market' as const, id: m.code })),
      );
  const out: Record<string, string> = {};
  // expense budgets share the targets' table: only the sales figures go into the focus
  for (const target of targets.filter((x) => !x.metric.startsWith('expense:'))) {
    const text = `${t(locale, `metric.${target.metric}` as MessageKey)} ${formatFigure(target.metric, target.value)}`;
    out[target.scopeId] = out[target.scopeId] ? `${out[target.scopeId]}；${text}` : text;
  }
  return out;
}

/**
 * What the draft modal opens with: the month's saved draft if there is one, and each market's row
 * with its saved text, else its targets prefilled.
 */
export async function focusDraftForm(o: {
  db: DbOrTx;
  chart: OrgChart;
  month: string;
  locale: ReturnType<typeof localeOf>;
}) {
  const existing = await focusPlanWithRows(o.db, o.chart.data.orgId, o.month);
  const prefilled = await prefilledTargets(o.db, o.chart, o.month, o.locale);
  const rows = focusRowsFor(o.chart, o.locale).map((r) => {
    const saved = existing?.rows.find((x) => x.marketCode === r.code);
    return { ...r, targets: saved?.targets ?? prefilled[r.code] ?? '', focus: saved?.focus_ ?? '' };
  });
  return { existing, rows };
}

async function loadContent(
  db: DbOrTx,
  chart: OrgChart,
  focusId: number,
  locale: ReturnType<typeof localeOf>,
): Promise<
  FocusContent & { status: string; draftOutboxId: number | null; draftedBy: string; publishedAt: Date | null }
> {
  const plan = await focusPlanContent(db, focusId);
  const order = focusRowsFor(chart, locale);
  const names = Object.fromEntries(order.map((r) => [r.code, r.name]));
  // the org file's market order, as in the modal (the database returns rows in no set order)
  const rank = (code: string) => {
    const index = order.findIndex((r) => r.code === code);
    return index === -1 ? order.length : index; // a market since dropped from the org file goes last
  };
  const rows = [...plan.rows].sort((a, b) => rank(a.marketCode) - rank(b.marketCode));
  return {
    id: plan.id,
    month: plan.month,
    main: plan.main,
    secondary1: plan.secondary1,
    secondary2: plan.secondary2,
    status: plan.status,
    draftOutboxId: plan.draftOutboxId,
    draftedBy: plan.draftedBy,
    publishedAt: plan.publishedAt,
    rows: rows.map((r) => ({
      marketCode: r.marketCode,
      marketName: names[r.marketCode] ?? r.marketCode,
      targets: r.targets,
      focus: r.focus_,
    })),
  };
}

const approverNames = (chart: OrgChart, drafter: string) =>
  focusApprovers(chart, drafter)
    .map((id) => `<@${id}>`)
    .join('、');
// the whole SLT (the deputy too) discusses the draft, not only those who may approve it
const leadershipConversation = (chart: OrgChart, drafter: string) => {
  const members = new Set([drafter, ...focusApprovers(chart, drafter), ...leadershipOf(chart)]);
  return `mpim:${[...members].sort().slice(0, 8).join(',')}`;
};

/** Saves (or changes) a month's draft and asks the approvers; an approved draft goes back to draft when changed. */
export async function draftFocus(
  o: Deps & {
    drafterId: string;
    month: string;
    main: string;
    secondary1: string;
    secondary2: string;
    rows: { code: string; targets: string; focus: string }[];
  },
): Promise<number> {
  const { chart } = o;
  if (!mayDraftFocus(chart, o.drafterId))
    throw new AppError(ErrorCode.Forbidden, {}, 'not leadership', 'focus.not_allowed');
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(o.month)) {
    throw new AppError(ErrorCode.InvalidInput, { reason: o.month }, 'bad month');
  }
  const names = Object.fromEntries(focusRowsFor(chart, localeOf(chart, '')).map((r) => [r.code, r.name]));
  const problems = focusDraftProblems({ ...o, rows: o.rows.map((r) => ({ ...r, name: names[r.code] ?? r.code })) });
  if (problems.length > 0 || o.rows.some((r) => !(r.code in names))) {
    throw new AppError(ErrorCode.InvalidInput, { reason: problems[0]?.field ?? 'row' }, 'bad draft');
  }
  const now = o.clock.now();
  return o.db.$transaction(async (tx) => {
    const existing = await findFocusPlan(tx, chart.data.orgId, o.month);
    if (existing?.status === 'published')
      throw new AppError(ErrorCode.InvalidInput, { month: o.month }, 'published', 'focus.already_published');
    if (o.month < formatDateTime(now, chart.data.timezone).slice(0, 7))
      throw new AppError(ErrorCode.InvalidInput, { month: o.month }, 'past month', 'focus.past_month');
    const { main, secondary1, secondary2 } = o;
    const fields = { main, secondary1, secondary2, draftedBy: o.drafterId, at: now };
    const where = { orgId: chart.data.orgId, month: o.month, existingId: existing?.id };
    const plan = await saveFocusDraft(tx, { ...where, fields, rows: o.rows });
    const locale = localeOf(chart, '');
    const content = await loadContent(tx, chart, plan.id, locale);
    const card = focusDraftCard(content, {
      locale,
      timeZone: chart.data.timezone,
      site: isSite(chart),
      drafter: chart.nameOf(o.drafterId),
      approvers: approverNames(chart, o.drafterId),
    });
    const message = plan.draftOutboxId
      ? await enqueueMessage(
          tx,
          { method: 'chat.update', channel: '', args: card, updateOfId: plan.draftOutboxId },
          now,
        )
      : await enqueueMessage(
          tx,
          { method: 'chat.postMessage', channel: leadershipConversation(chart, o.drafterId), args: card },
          now,
        );
    if (!plan.draftOutboxId) await setFocusDraftMessage(tx, plan.id, message.id);
    await queueDirectMessage(
      tx,
      o.drafterId,
      {
        text: t(localeOf(chart, o.drafterId), 'focus.saved', {
          month: o.month,
          approvers: approverNames(chart, o.drafterId),
        }),
      },
      now,
    );
    return plan.id;
  });
}

/**
 * Approves a draft (a second person, never its drafter). A draft approved once its publish time has
 * passed publishes at once, in the same transaction: the job only waits for a day still to come.
 */
export async function approveFocus(
  o: Deps & { focusId: number; approverId: string },
): Promise<{ publishedNow: boolean }> {
  const { chart } = o;
  const plan = await findFocusPlanById(o.db, chart.data.orgId, o.focusId);
  if (!plan) throw new AppError(ErrorCode.NotFound, { what: `#${o.focusId}` });
  // an approver who drafted hears why they cannot approve this one; anyone else, who may approve at all
  if (plan.draftedBy === o.approverId && focusApprovers(chart).includes(o.approverId)) {
    throw new AppError(ErrorCode.Forbidden, {}, 'own draft', 'focus.own_draft');
  }
  if (!focusApprovers(chart, plan.draftedBy).includes(o.approverId)) {
    throw new AppError(ErrorCode.Forbidden, {}, 'not an approver', 'focus.not_approver');
  }
  const now = o.clock.now();
  if (plan.month < formatDateTime(now, chart.data.timezone).slice(0, 7)) {
    throw new AppError(ErrorCode.InvalidInput, { month: plan.month }, 'past month', 'focus.past_month');
  }
  return o.db.$transaction(async (tx) => {
    const approved = await approveFocusPlan(tx, { id: o.focusId, orgId: chart.data.orgId, by: o.approverId, at: now });
    if (!approved) throw await focusAlreadyDecided(tx, chart, o.focusId);
    const locale = localeOf(chart, '');
    const content = await loadContent(tx, chart, o.focusId, locale);
    const [year, month] = content.month.split('-').map(Number);
    const publish = focusPublishInstant(workingCalendarOf(o.config, chart.data.timezone), year, month);
    const publishedNow = now >= publish && (await publishInTx(tx, chart, o.focusId, now));
    if (content.draftOutboxId) {
      const approved = { by: chart.nameOf(o.approverId), at: now, publish, late: publishedNow };
      const card = focusDraftCard(content, {
        locale,
        timeZone: chart.data.timezone,
        site: isSite(chart),
        drafter: chart.nameOf(content.draftedBy),
        approvers: approverNames(chart, content.draftedBy),
        approved,
      });
      await enqueueMessage(
        tx,
        { method: 'chat.update', channel: '', args: card, updateOfId: content.draftOutboxId },
        now,
      );
    }
    await recordAudit(tx, {
      orgId: chart.data.orgId,
      actor: o.approverId,
      action: 'focus.approved',
      subject: content.month,
      at: now,
    });
    return { publishedNow };
  });
}

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
    await db.$transaction(async (tx) => {
      for (const id of [
        ...new Set([...chart.people.filter((p) => mayDraftFocus(chart, p.slackId)).map((p) => p.slackId)]),
      ]) {
        await queueDirectMessage(
          tx,
          id,
          {
            text: t(localeOf(chart, id), 'focus.reminder.unapproved', {
              month,
              publish: formatDateTime(publishAt, tz),
            }),
          },
          now,
        );
      }
    });
    result.remindedUnapproved = true;
  }

  if (plan && plan.status === 'approved' && now >= publishAt)
    result.published = await publishFocus({ ...o, focusId: plan.id });

  // last month's too: a focus published late in its month is still owed its reminders in the next
  const lastMonth = m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
  const published = await publishedFocusOf(db, chart.data.orgId, [lastMonth, month]);
  for (const focus of published) {
    if (!focus.publishedAt || now < addWorkingDays(calendar, focus.publishedAt, 2)) continue;
    const pending = await unremindedFocusAcks(db, focus.id);
    for (const ack of pending) {
      // marked and queued together: a run that dies in between neither loses nor doubles the reminder
      const reminded = await db.$transaction(async (tx) => {
        if (!(await markFocusAckReminded(tx, ack.focusId, ack.personId, now))) return false;
        await queueDirectMessage(
          tx,
          ack.personId,
          { text: t(localeOf(chart, ack.personId), 'focus.reminder.ack', { month: focus.month }) },
          now,
        );
        return true;
      });
      if (reminded) result.ackReminders += 1;
    }
  }
  return result;
}

/** Publishes once: the status moves from approved to published in the same transaction as every post. */
export async function publishFocus(o: Deps & { focusId: number }): Promise<boolean> {
  return o.db.$transaction(async (tx) => publishInTx(tx, o.chart, o.focusId, o.clock.now()));
}

async function publishInTx(tx: DbOrTx, chart: OrgChart, focusId: number, now: Date): Promise<boolean> {
  if (!(await publishFocusPlan(tx, focusId, now))) return false;
  const orgLocale = localeOf(chart, '');
  const content = await loadContent(tx, chart, focusId, orgLocale);
  const announcement = focusAnnouncement(content, { locale: orgLocale, site: isSite(chart) });
  const channels = [
    chart.channel('announcements'),
    ...(isSite(chart) ? [chart.channel('site')] : [chart.channel('ssg'), chart.channel('fsf')]),
  ].filter((c): c is string => Boolean(c));
  for (const channel of channels)
    await enqueueMessage(tx, { method: 'chat.postMessage', channel, args: announcement }, now);
  // the plan is read once per language (only the market names differ), not once per person
  const byLocale = new Map([[orgLocale, content]]);
  const audience = focusAudience(chart);
  for (const person of audience) {
    const locale = localeOf(chart, person.personId);
    const personal = byLocale.get(locale) ?? (await loadContent(tx, chart, focusId, locale));
    byLocale.set(locale, personal);
    const message = await queueDirectMessage(
      tx,
      person.personId,
      focusPersonalCard(personal, { locale, timeZone: chart.data.timezone, markets: person.markets, ackedAt: null }),
      now,
    );
    await addFocusAck(tx, { focusId, personId: person.personId, outboxId: message.id });
  }
  await recordAudit(tx, {
    orgId: chart.data.orgId,
    actor: 'system',
    action: 'focus.published',
    subject: content.month,
    detail: { channels, people: audience.length },
    at: now,
  });
  return true;
}

export async function acknowledgeFocus(o: Deps & { focusId: number; personId: string }): Promise<boolean> {
  const now = o.clock.now();
  return o.db.$transaction(async (tx) => {
    const ack = await findFocusAck(tx, o.focusId, o.personId);
    if (!ack) throw new AppError(ErrorCode.Forbidden, {}, 'not in the audience');
    const acknowledged = await acknowledgeFocusAck(tx, o.focusId, o.personId, now);
    // a stale Acknowledge button: say when it was acknowledged rather than nothing
    if (!acknowledged) {
      const at = ack.ackedAt ? formatDateTime(ack.ackedAt, o.chart.data.timezone) : '—';
      throw new AppError(ErrorCode.AlreadyDecided, { by: o.chart.nameOf(o.personId), at }, 'acknowledged');
    }
    if (!ack.outboxId) return false;
    const locale = localeOf(o.chart, o.personId);
    const content = await loadContent(tx, o.chart, o.focusId, locale);
    const markets = focusAudience(o.chart).find((a) => a.personId === o.personId)?.markets ?? [];
    await enqueueMessage(
      tx,
      {
        method: 'chat.update',
        channel: '',
        args: focusPersonalCard(content, { locale, timeZone: o.chart.data.timezone, markets, ackedAt: now }),
        updateOfId: ack.outboxId,
      },
      now,
    );
    return true;
  });
}

/** A click on a draft that is no longer one: who approved it and when, or that it is gone. */
async function focusAlreadyDecided(tx: DbOrTx, chart: OrgChart, focusId: number): Promise<AppError> {
  const plan = await findFocusPlanById(tx, chart.data.orgId, focusId);
  if (!plan?.approvedBy)
    return new AppError(ErrorCode.NotFound, { what: plan?.month ?? `#${focusId}` }, 'no such draft');
  const at = plan.approvedAt ? formatDateTime(plan.approvedAt, chart.data.timezone) : '—';
  return new AppError(
    ErrorCode.AlreadyDecided,
    { by: chart.nameOf(plan.approvedBy), at },
    `focus ${plan.month} is ${plan.status}`,
  );
}

/** `/focus status`: who has acknowledged this month's focus and who has not (SLT only). */
export async function focusStatus(o: {
  db: DbOrTx;
  chart: OrgChart;
  askerId: string;
  month: string;
}): Promise<{ acked: string[]; pending: string[] } | null> {
  if (!mayReadFocusStatus(o.chart, o.askerId)) throw new AppError(ErrorCode.Forbidden);
  const plan = await focusPlanWithAcks(o.db, o.chart.data.orgId, o.month);
  if (!plan || plan.status !== 'published') return null;
  return {
    acked: plan.acks.filter((a) => a.ackedAt).map((a) => a.personId),
    pending: plan.acks.filter((a) => !a.ackedAt).map((a) => a.personId),
  };
}
