import { callsOfWeek, findPhoneCall, logPhoneCall, type PhoneCallRow } from '../../db/accounts/phone-call-repo.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import type { Db, DbLike } from '../../db/unit-of-work.ts';
import { transaction } from '../../db/unit-of-work.ts';
import { isCallOutcome } from '../../domain/accounts/phone-visits.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t, tFor } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { escapeMrkdwn, stripInvisible } from '../../lib/text.ts';
import {
  type PhoneCallShown,
  type PhoneListMessageRef,
  phoneListMessage,
  phoneLoggedMessage,
} from '../../views/accounts/phone-call-views.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf } from '../org/locale-of.ts';
import { shownCall } from './phone-call-lists.ts';
import { findProducts } from '../../db/orders/product-repo.ts';
import { recordNeed } from '../orders/replenishment.ts';

/**
 * A replenishment need noted on a call is recorded when it starts with a SKU of the catalogue
 * (`JUC001 缺貨`): true; a note that does not: false; no note: undefined.
 */
async function needOfCall(db: Db, chart: OrgChart, note: string): Promise<boolean | undefined> {
  if (!note) return undefined;
  const sku = note.split(/\s+/)[0].toUpperCase();
  return (await findProducts(db, chart.data.orgId, [sku])).has(sku);
}

/** The longest each typed field may be. */
export const PHONE_FIELD_LIMITS = { notes: 500, next: 200, replenishment: 200 } as const;

/** A planned call the asker may log: its caller, or the SSG leader. */
export async function callToLog(o: {
  db: Db;
  chart: OrgChart;
  askerId: string;
  callId: number;
}): Promise<PhoneCallShown & { week: string }> {
  const call = await findPhoneCall(o.db, o.callId);
  if (!call || call.orgId !== o.chart.data.orgId)
    throw new AppError(ErrorCode.NotFound, {}, 'no call', 'phone.not_found');
  requireMayLog(o.chart, o.askerId, call);
  if (call.status === 'made') throw new AppError(ErrorCode.AlreadyDecided, {}, 'logged', 'phone.already_logged');
  return { ...shownCall(call), week: call.week };
}

export function requireMayLog(chart: OrgChart, askerId: string, call: PhoneCallRow): void {
  if (call.callerId === askerId || chart.firstWithRole('ssg_leader')?.slackId === askerId) return;
  throw new AppError(ErrorCode.Forbidden, { name: chart.nameOf(call.callerId) }, 'not theirs', 'phone.not_yours');
}

/** The caller's list of the call's week, shown again where it was posted (chat.update through the outbox). */
async function rewriteList(
  unit: DbLike,
  chart: OrgChart,
  call: { week: string; callerId: string },
  list: PhoneListMessageRef,
  now: Date,
): Promise<void> {
  if (typeof list.channel !== 'string' || typeof list.ts !== 'string') return;
  const orgId = chart.data.orgId;
  const calls = (await callsOfWeek(unit, { orgId, week: call.week, callerIds: [call.callerId] })).map(shownCall);
  const message = phoneListMessage({ week: call.week, calls, chart, locale: localeOf(chart, call.callerId) });
  await enqueueMessage(unit, { method: 'chat.update', channel: list.channel, args: { ...message, ts: list.ts } }, now);
}

export type PhoneLogResult =
  | { kind: 'logged' }
  | { kind: 'problem'; field: keyof typeof PHONE_FIELD_LIMITS | 'outcome'; max?: number };

/**
 * Logs a call from the list (outcome, notes, next step, a replenishment need), once: a second
 * submission is refused as already logged. The logger gets a confirmation in their DM.
 */
export async function logCall(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  askerId: string;
  callId: number;
  fields: { outcome: string; notes: string; next: string; replenishment: string };
  /** The list message it was logged from: rewritten with the call shown as made */
  list?: PhoneListMessageRef;
}): Promise<PhoneLogResult> {
  const call = await callToLog(o);
  const text = (field: keyof typeof PHONE_FIELD_LIMITS) => stripInvisible(o.fields[field]).trim();
  if (!isCallOutcome(o.fields.outcome)) return { kind: 'problem', field: 'outcome' };
  for (const field of ['notes', 'next', 'replenishment'] as const)
    if ([...text(field)].length > PHONE_FIELD_LIMITS[field])
      return { kind: 'problem', field, max: PHONE_FIELD_LIMITS[field] };
  const now = o.clock.now();
  const locale = localeOf(o.chart, o.askerId);
  const need = await needOfCall(o.db, o.chart, text('replenishment'));
  await transaction(o.db, async (unit) => {
    const done = await logPhoneCall(unit, {
      id: call.id,
      outcome: o.fields.outcome,
      notes: text('notes'),
      nextStep: text('next'),
      replenishment: text('replenishment'),
      by: o.askerId,
      now,
    });
    if (!done) throw new AppError(ErrorCode.AlreadyDecided, {}, 'logged', 'phone.already_logged');
    const confirmation = t(locale, 'phone.logged', {
      code: escapeMrkdwn(call.code),
      name: escapeMrkdwn(call.name),
      outcome: tFor(locale, 'phone.outcome', o.fields.outcome),
    });
    const needLine = need === undefined ? '' : t(locale, need ? 'phone.need_recorded' : 'phone.need_not_sku');
    const logged = phoneLoggedMessage({
      locale,
      callId: call.id,
      text: confirmation + needLine,
      reached: o.fields.outcome !== 'no_answer',
    });
    await queueDirectMessage(unit, o.askerId, logged, now);
    if (o.list) await rewriteList(unit, o.chart, call, o.list, now);
  });
  // the need goes to the SSG's desk as `/order need` would send it, by the one who heard it
  if (need) await recordNeed({ ...o, words: [call.code, ...text('replenishment').split(/\s+/)] });
  return { kind: 'logged' };
}
