import {
  activeAccountsForCalls,
  callsOfWeek,
  carryOverCalls,
  lastContacts,
  openIssueSubjects,
  planWeekCalls,
  type PhoneCallRow,
  weekPlanned,
} from '../../db/accounts/phone-call-repo.ts';
import { firstTimeInTx } from '../../db/job-run-repo.ts';
import type { Db } from '../../db/unit-of-work.ts';
import { transaction } from '../../db/unit-of-work.ts';
import { responsibleCsr } from '../../domain/accounts/logistics.ts';
import { type CallCandidate, parseReasons, planCalls, QUIET_DAYS, weekOf } from '../../domain/accounts/phone-visits.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { type PhoneCallShown, phoneListMessage, phoneSummaryMessage } from '../../views/accounts/phone-call-views.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf } from '../org/locale-of.ts';
import { openReplenishmentNeedAccounts, type OpenReplenishmentNeeds } from './replenishment-needs.ts';

export type { PhoneCallShown };

export const shownCall = (row: PhoneCallRow): PhoneCallShown => ({ ...row, reasons: parseReasons(row.reasons) });

const latest = (...dates: (Date | undefined)[]) =>
  dates.reduce<Date | null>((best, d) => (d && (!best || d > best) ? d : best), null);

/** Every active account with what decides whether it is due a call. */
async function candidatesOf(o: {
  db: Db;
  orgId: number;
  now: Date;
  needs: OpenReplenishmentNeeds;
}): Promise<CallCandidate[]> {
  const since = new Date(o.now.getTime() - (QUIET_DAYS + 1) * 86_400_000);
  const accounts = await activeAccountsForCalls(o.db, o.orgId);
  const { visits, calls } = await lastContacts(o.db, { orgId: o.orgId, since });
  const issues = await openIssueSubjects(o.db, o.orgId);
  const needs = await o.needs(o.db, o.orgId);
  return accounts.map((a) => ({
    accountId: a.accountId,
    kind: a.kind,
    market: a.market,
    grade: a.grade,
    lastContact: latest(visits.get(a.name), visits.get(a.code), calls.get(a.accountId)),
    openIssues: (issues.get(a.name) ?? 0) + (a.code === a.name ? 0 : (issues.get(a.code) ?? 0)),
    replenishment: needs.has(a.accountId),
  }));
}

/**
 * Monday, at the phone-visit meeting: the week's calls are planned once (calls of earlier weeks not
 * made are carried over, marked) and each CSR gets their list in a DM. Run again that week, it adds
 * nothing and sends nothing.
 */
export async function planPhoneWeek(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  replenishmentNeeds?: OpenReplenishmentNeeds;
}): Promise<number> {
  const { chart } = o;
  if (chart.template !== 'brand-sales') return 0;
  const now = o.clock.now();
  const orgId = chart.data.orgId;
  const week = weekOf(now, chart.data.timezone);
  if (await weekPlanned(o.db, orgId, week)) return 0;
  const needs = o.replenishmentNeeds ?? openReplenishmentNeedAccounts;
  const candidates = await candidatesOf({ db: o.db, orgId, now, needs });
  return transaction(o.db, async (unit) => {
    const carried = (await carryOverCalls(unit, { orgId, week })).map((c) => ({
      ...c,
      reasons: parseReasons(c.reasons),
    }));
    const planned = planCalls({ candidates, carried, now, callerOf: (m) => responsibleCsr(chart.people, m) });
    const calls = planned.map((p) => ({ ...p, reasons: p.reasons.join(',') }));
    const added = await planWeekCalls(unit, { orgId, week, calls, now });
    if (added === 0) return 0;
    for (const callerId of new Set(planned.map((p) => p.callerId))) {
      const theirs = (await callsOfWeek(unit, { orgId, week, callerIds: [callerId] })).map(shownCall);
      const message = phoneListMessage({ week, calls: theirs, chart, locale: localeOf(chart, callerId) });
      await queueDirectMessage(unit, callerId, message, now);
    }
    return added;
  });
}

/** Whom the week's summary is for: the SSG leader and the SLT. */
const maySeeSummary = (chart: OrgChart, askerId: string) =>
  chart.firstWithRole('ssg_leader')?.slackId === askerId || chart.isLeadership(askerId);

/**
 * `/account calls`: the asker's list this week (an SSG member); `/account calls all`: the week's
 * summary (the SSG leader, the SLT).
 */
export async function showPhoneCalls(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  askerId: string;
  all: boolean;
}): Promise<ReturnType<typeof phoneListMessage>> {
  const { chart, askerId } = o;
  const allowed = o.all ? maySeeSummary(chart, askerId) : chart.isSsg(askerId);
  if (!allowed) throw new AppError(ErrorCode.Forbidden, {}, 'phone calls', 'phone.forbidden');
  const week = weekOf(o.clock.now(), chart.data.timezone);
  const orgId = chart.data.orgId;
  const locale = localeOf(chart, askerId);
  const calls = (await callsOfWeek(o.db, { orgId, week, callerIds: o.all ? undefined : [askerId] })).map(shownCall);
  return o.all ? phoneSummaryMessage({ week, calls, chart, locale }) : phoneListMessage({ week, calls, chart, locale });
}

/** Friday: the week's summary (planned, made and their outcomes, not made) to the SSG leader, once a week. */
export async function sendPhoneSummary(o: { db: Db; clock: Clock; chart: OrgChart }): Promise<boolean> {
  const { chart } = o;
  const leader = chart.firstWithRole('ssg_leader')?.slackId;
  if (chart.template !== 'brand-sales' || !leader) return false;
  const now = o.clock.now();
  const week = weekOf(now, chart.data.timezone);
  const calls = (await callsOfWeek(o.db, { orgId: chart.data.orgId, week })).map(shownCall);
  if (calls.length === 0) return false;
  const message = phoneSummaryMessage({ week, calls, chart, locale: localeOf(chart, leader) });
  // once a week, however many runs act within the catch-up window
  return transaction(o.db, async (unit) => {
    if (!(await firstTimeInTx(unit, chart.data.orgId, 'accounts.phone-summary', week, now))) return false;
    await queueDirectMessage(unit, leader, message, now);
    return true;
  });
}
