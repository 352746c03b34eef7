import { transaction, type Db, type DbLike, type Unit } from '../../db/unit-of-work.ts';
import type { Config } from '../../config.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import {
  acknowledgeFocusAck,
  approveFocusPlan,
  findFocusAck,
  findFocusPlan,
  findFocusPlanById,
  focusPlanWithAcks,
  saveFocusDraft,
  setFocusDraftMessage,
} from '../../db/rhythm/focus-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { focusDraftProblems } from '../../domain/rhythm/focus-draft.ts';
import { focusPublishInstant } from '../../domain/rhythm/rhythm-rules.ts';
import { t } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import { alreadyHandled } from '../org/already-handled.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { focusDraftCard, focusPersonalCard } from '../../views/rhythm/focus-views.ts';
import { workingCalendarOf } from '../calendar/working-calendar-of.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf } from '../org/locale-of.ts';
import { loadContent } from './focus-content.ts';
import {
  focusApprovers,
  focusAudience,
  focusRowsFor,
  isSite,
  leadershipOf,
  mayDraftFocus,
  mayReadFocusStatus,
} from './focus-roles.ts';
import { publishInTx } from './publish-focus.ts';

/** The month's work focus, decided: drafted, approved by a second person, acknowledged, and its status. */

type Deps = { db: Db; clock: Clock; chart: OrgChart; config: Pick<Config, 'calendar'> };

const approverNames = (chart: OrgChart, drafter: string) =>
  focusApprovers(chart, drafter)
    .map((id) => `<@${id}>`)
    .join('、');
// the whole SLT (the deputy too) discusses the draft, not only those who may approve it
const leadershipConversation = (chart: OrgChart, drafter: string) => {
  const members = new Set([drafter, ...focusApprovers(chart, drafter), ...leadershipOf(chart)]);
  return `mpim:${[...members].sort().slice(0, 8).join(',')}`;
};

type FocusDraft = Deps & {
  drafterId: string;
  month: string;
  main: string;
  secondary1: string;
  secondary2: string;
  rows: { code: string; targets: string; focus: string }[];
};

/** Refuses a draft that is not leadership's, names no valid month, or has a field the rules refuse. */
function checkDraft(o: FocusDraft): void {
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
}

/** Saves (or changes) a month's draft and asks the approvers; an approved draft goes back to draft when changed. */
export async function draftFocus(o: FocusDraft): Promise<number> {
  checkDraft(o);
  const { chart } = o;
  const now = o.clock.now();
  return transaction(o.db, async (unit) => {
    const existing = await findFocusPlan(unit, chart.data.orgId, o.month);
    if (existing?.status === 'published')
      throw new AppError(ErrorCode.InvalidInput, { month: o.month }, 'published', 'focus.already_published');
    if (o.month < formatDateTime(now, chart.data.timezone).slice(0, 7))
      throw new AppError(ErrorCode.InvalidInput, { month: o.month }, 'past month', 'focus.past_month');
    const { main, secondary1, secondary2 } = o;
    const fields = { main, secondary1, secondary2, draftedBy: o.drafterId, at: now };
    const where = { orgId: chart.data.orgId, month: o.month, existingId: existing?.id };
    const plan = await saveFocusDraft(unit, { ...where, fields, rows: o.rows });
    await queueDraftCard(unit, chart, { id: plan.id, draftOutboxId: plan.draftOutboxId, drafterId: o.drafterId }, now);
    const approvers = approverNames(chart, o.drafterId);
    const text = t(localeOf(chart, o.drafterId), 'focus.saved', { month: o.month, approvers });
    await queueDirectMessage(unit, o.drafterId, { text }, now);
    return plan.id;
  });
}

/** The draft's card in the leadership conversation: posted the first time, rewritten on each later save. */
async function queueDraftCard(
  unit: Unit,
  chart: OrgChart,
  plan: { id: number; draftOutboxId: number | null; drafterId: string },
  now: Date,
): Promise<void> {
  const locale = localeOf(chart, '');
  const content = await loadContent(unit, chart, plan.id, locale);
  const card = focusDraftCard(content, {
    locale,
    timeZone: chart.data.timezone,
    site: isSite(chart),
    drafter: chart.nameOf(plan.drafterId),
    approvers: approverNames(chart, plan.drafterId),
  });
  if (plan.draftOutboxId) {
    await enqueueMessage(unit, { method: 'chat.update', channel: '', args: card, updateOfId: plan.draftOutboxId }, now);
    return;
  }
  const channel = leadershipConversation(chart, plan.drafterId);
  const message = await enqueueMessage(unit, { method: 'chat.postMessage', channel, args: card }, now);
  await setFocusDraftMessage(unit, plan.id, message.id);
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
  return transaction(o.db, async (unit) => {
    const approved = await approveFocusPlan(unit, {
      id: o.focusId,
      orgId: chart.data.orgId,
      by: o.approverId,
      at: now,
    });
    if (!approved) throw await focusAlreadyDecided(unit, chart, o.focusId, o.approverId);
    const locale = localeOf(chart, '');
    const content = await loadContent(unit, chart, o.focusId, locale);
    const [year, month] = content.month.split('-').map(Number);
    const publish = focusPublishInstant(workingCalendarOf(o.config, chart.data.timezone), year, month);
    const publishedNow = now >= publish && (await publishInTx(unit, chart, o.focusId, now));
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
        unit,
        { method: 'chat.update', channel: '', args: card, updateOfId: content.draftOutboxId },
        now,
      );
    }
    await recordAudit(unit, {
      orgId: chart.data.orgId,
      actor: o.approverId,
      action: 'focus.approved',
      subject: content.month,
      at: now,
    });
    return { publishedNow };
  });
}

export async function acknowledgeFocus(o: Deps & { focusId: number; personId: string }): Promise<boolean> {
  const now = o.clock.now();
  return transaction(o.db, async (unit) => {
    const ack = await findFocusAck(unit, o.focusId, o.personId);
    if (!ack) throw new AppError(ErrorCode.Forbidden, {}, 'not in the audience');
    const acknowledged = await acknowledgeFocusAck(unit, o.focusId, o.personId, now);
    // a stale Acknowledge button: say when it was acknowledged rather than nothing
    if (!acknowledged) {
      throw alreadyHandled(o.chart, { by: o.personId, at: ack.ackedAt, askerId: o.personId, detail: 'acknowledged' });
    }
    if (!ack.outboxId) return false;
    const locale = localeOf(o.chart, o.personId);
    const content = await loadContent(unit, o.chart, o.focusId, locale);
    const markets = focusAudience(o.chart).find((a) => a.personId === o.personId)?.markets ?? [];
    await enqueueMessage(
      unit,
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
async function focusAlreadyDecided(unit: DbLike, chart: OrgChart, focusId: number, askerId: string): Promise<AppError> {
  const plan = await findFocusPlanById(unit, chart.data.orgId, focusId);
  if (!plan?.approvedBy)
    return new AppError(ErrorCode.NotFound, { what: plan?.month ?? `#${focusId}` }, 'no such draft');
  const detail = `focus ${plan.month} is ${plan.status}`;
  return alreadyHandled(chart, { by: plan.approvedBy, at: plan.approvedAt, askerId, detail });
}

/** `/focus status`: who has acknowledged this month's focus and who has not (SLT only). */
export async function focusStatus(o: {
  db: DbLike;
  chart: OrgChart;
  askerId: string;
  month: string;
}): Promise<{ acked: string[]; pending: string[] } | null> {
  if (!mayReadFocusStatus(o.chart, o.askerId)) throw new AppError(ErrorCode.Forbidden);
  const plan = await focusPlanWithAcks(o.db, o.chart.data.orgId, o.month);
  if (plan?.status !== 'published') return null;
  return {
    acked: plan.acks.filter((a) => a.ackedAt).map((a) => a.personId),
    pending: plan.acks.filter((a) => !a.ackedAt).map((a) => a.personId),
  };
}
