import type { Config } from '../../config.ts';
import { findAccountByCode } from '../../db/accounts/account-repo.ts';
import {
  applyCreditLines,
  approveCreditReview,
  creditOf,
  creditTable,
  findCreditReview,
  findCreditReviewByMessage,
  openCreditReview,
  proposeCreditReview,
  setCreditReviewCard,
  type CreditRow,
} from '../../db/accounts/credit-repo.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import type { Db } from '../../db/unit-of-work.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import { transaction } from '../../db/unit-of-work.ts';
import { type CreditLine, type CreditLineProblem, parseCreditLines } from '../../domain/accounts/credit.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { meetingsFor, nextMeeting } from '../../domain/rhythm/rhythm-rules.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import { alreadyHandled } from '../org/already-handled.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDate, zonedParts } from '../../lib/format-time.ts';
import { paymentBehaviours } from '../../db/accounts/payment-behaviour-repo.ts';
import { behaviourWindow } from '../../domain/accounts/payment-behaviour.ts';
import {
  type CreditBefore,
  creditApprovalCard,
  creditDecidedCard,
  creditReviewMessage,
} from '../../views/accounts/credit-views.ts';
import { t } from '../../i18n/index.ts';
import { workingCalendarOf } from '../calendar/working-calendar-of.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf } from '../org/locale-of.ts';

/**
 * Who sees the credit and logistics tables: the SSG and the SLT all of them, a market's owner and its
 * market manager (who runs it) that market's rows only; undefined: all.
 */
export function creditMarketsFor(chart: OrgChart, askerId: string): string[] | undefined | false {
  const person = chart.person(askerId);
  if (chart.template !== 'brand-sales' || !person) return false;
  if (chart.isSsg(askerId) || chart.isLeadership(askerId)) return undefined;
  const run = person.role === 'market_manager' ? person.markets : [];
  const markets = [...new Set([...chart.marketsOwnedBy(askerId), ...run])];
  return markets.length > 0 ? markets : false;
}

/** `/account credit`: the credit-rating table as the asker may see it. */
export async function showCreditTable(o: { db: Db; chart: OrgChart; askerId: string }): Promise<CreditRow[]> {
  const markets = creditMarketsFor(o.chart, o.askerId);
  if (markets === false) throw new AppError(ErrorCode.Forbidden, {}, 'credit table', 'account.credit.forbidden');
  return creditTable(o.db, { orgId: o.chart.data.orgId, markets });
}

const ssgLeaderOf = (chart: OrgChart) => chart.firstWithRole('ssg_leader')?.slackId;

/**
 * On the SSG meeting's working day (from two hours before it; until JOB_CATCH_UP_HOURS after it when
 * the bot was down), the SSG leader gets the month's credit table to review, once per month whatever runs it.
 */
export async function startCreditReview(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  config: Pick<Config, 'calendar' | 'jobs'>;
}): Promise<number | null> {
  const { chart } = o;
  const leader = ssgLeaderOf(chart);
  const meeting = meetingsFor(chart.template, chart.data.meetings).find((m) => m.id === 'ssg');
  if (chart.template !== 'brand-sales' || !leader || !meeting) return null;
  const now = o.clock.now();
  const calendar = workingCalendarOf(o.config, chart.data.timezone);
  // until JOB_CATCH_UP_HOURS after the meeting, as any missed run: a bot down that day still sends it on restart
  const catchUpMs = o.config.jobs.catchUpHours * 3_600_000;
  const at = nextMeeting(meeting, calendar, new Date(now.getTime() - catchUpMs));
  if (now.getTime() < at.getTime() - 2 * 3_600_000 || now.getTime() > at.getTime() + catchUpMs) return null;
  const local = zonedParts(at, chart.data.timezone);
  const month = `${local.year}-${String(local.month + 1).padStart(2, '0')}`;
  const orgId = chart.data.orgId;
  const window = behaviourWindow(month);
  const today = formatDate(now, chart.data.timezone);
  const [table, behaviours] = await Promise.all([
    creditTable(o.db, { orgId }),
    paymentBehaviours(o.db, { orgId, ...window, today }),
  ]);
  const rows = table.map((row) => ({ ...row, behaviour: behaviours.get(row.accountId) }));
  return transaction(o.db, async (unit) => {
    const id = await openCreditReview(unit, { orgId, month, now });
    if (id === null) return null;
    const locale = localeOf(chart, leader);
    const message = creditReviewMessage({ reviewId: id, month, window, rows, chart, locale });
    await queueDirectMessage(unit, leader, message, now);
    return id;
  });
}

/** Who approves: the SLT member owning every changed account's market, else the sales director. */
function approverOf(chart: OrgChart, markets: string[]): string | undefined {
  const owners = [...new Set(markets.map((m) => chart.marketOwner(m)))];
  if (owners.length === 1 && owners[0]) return owners[0];
  return chart.firstWithRole('sales_director')?.slackId ?? owners.find(Boolean);
}

/** The SSG leader's proposed changes go to the approver as a card with a button; a reply 通過 approves too. */
export async function proposeCredit(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  askerId: string;
  reviewId: number;
  text: string;
}): Promise<{ problems: CreditLineProblem[] }> {
  const { chart, askerId } = o;
  if (askerId !== ssgLeaderOf(chart))
    throw new AppError(ErrorCode.Forbidden, {}, 'not the SSG leader', 'account.credit.leader_only');
  const review = await findCreditReview(o.db, o.reviewId);
  if (!review || review.orgId !== chart.data.orgId)
    throw new AppError(ErrorCode.NotFound, { what: `#${o.reviewId}` }, 'no review');
  const parsed = parseCreditLines(o.text);
  const problems = [...parsed.problems];
  const markets: string[] = [];
  const before = new Map<string, CreditBefore>();
  // every line of four parts is checked for its account, a bad one too: the leader sees all its reasons
  for (const { line, code } of parsed.codes) {
    const orgId = chart.data.orgId;
    const account =
      (await findAccountByCode(o.db, orgId, code)) ?? (await findAccountByCode(o.db, orgId, code.toUpperCase()));
    const good = parsed.lines[parsed.lineNumbers.indexOf(line)];
    if (account?.kind !== 'distributor') problems.push({ line, reason: 'credit_account', value: code });
    else if (good) {
      good.code = account.code;
      markets.push(account.market);
      before.set(account.code, await creditOf(o.db, account.id));
    }
  }
  if (parsed.lines.length === 0 && problems.length === 0) problems.push({ line: 1, reason: 'credit_empty' });
  if (problems.length > 0) return { problems: problems.sort((a, b) => a.line - b.line) };
  const approver = approverOf(chart, markets);
  if (!approver) throw new AppError(ErrorCode.NoApprover, {}, 'no SLT');
  const now = o.clock.now();
  await transaction(o.db, async (unit) => {
    const proposed = await proposeCreditReview(unit, {
      id: review.id,
      proposal: parsed.lines,
      proposerId: askerId,
      approverId: approver,
    });
    if (!proposed)
      throw alreadyHandled(chart, { by: review.decidedBy, at: review.decidedAt, askerId, detail: 'approved' });
    const card = creditApprovalCard({
      reviewId: review.id,
      month: review.month,
      lines: parsed.lines,
      chart,
      proposer: chart.nameOf(askerId),
      locale: localeOf(chart, approver),
      before,
    });
    const { id } = await queueDirectMessage(unit, approver, card, now);
    await setCreditReviewCard(unit, review.id, id);
    const sent = { month: review.month, count: parsed.lines.length, approver: chart.nameOf(approver) };
    await queueDirectMessage(
      unit,
      askerId,
      { text: t(localeOf(chart, askerId), 'account.credit.proposal_sent', sent) },
      now,
    );
  });
  return { problems: [] };
}

export async function creditReviewOfThread(o: {
  db: Db;
  channel: string;
  threadTs: string;
}): Promise<number | undefined> {
  return (await findCreditReviewByMessage(o.db, o.channel, o.threadTs))?.id;
}

/** The approver (or the sales director) approves: the lines go into the table with their history, once. */
export async function approveCredit(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  reviewId: number;
  deciderId: string;
}): Promise<void> {
  const { chart, deciderId } = o;
  const review = await findCreditReview(o.db, o.reviewId);
  if (!review || review.orgId !== chart.data.orgId)
    throw new AppError(ErrorCode.NotFound, { what: `#${o.reviewId}` }, 'no review');
  const mayApprove = deciderId === review.approverId || chart.person(deciderId)?.role === 'sales_director';
  if (!mayApprove) throw new AppError(ErrorCode.Forbidden, {}, 'not the approver', 'account.credit.approver_only');
  const lines = JSON.parse(review.proposal) as CreditLine[];
  const orgId = chart.data.orgId;
  const withIds: (CreditLine & { accountId: number })[] = [];
  for (const line of lines) {
    const account = await findAccountByCode(o.db, orgId, line.code);
    if (account) withIds.push({ ...line, accountId: account.id });
  }
  const now = o.clock.now();
  const done = await transaction(o.db, async (unit) => {
    if (!(await approveCreditReview(unit, { id: review.id, by: deciderId, now }))) return false;
    const proposedBy = review.proposerId ?? '';
    await applyCreditLines(unit, {
      orgId,
      lines: withIds,
      reviewId: review.id,
      proposedBy,
      approvedBy: deciderId,
      now,
    });
    await recordAudit(unit, {
      orgId,
      actor: deciderId,
      action: 'credit.approve',
      subject: review.month,
      detail: { lines: lines.length },
      at: now,
    });
    const card = creditDecidedCard({
      month: review.month,
      lines,
      chart,
      decider: chart.nameOf(deciderId),
      locale: localeOf(chart, review.approverId ?? deciderId),
    });
    if (review.outboxId !== null) {
      await enqueueMessage(unit, { method: 'chat.update', channel: '', args: card, updateOfId: review.outboxId }, now);
      await enqueueMessage(
        unit,
        { method: 'chat.postMessage', channel: '', args: { text: card.text }, threadOfId: review.outboxId },
        now,
      );
    }
    if (proposedBy) await queueDirectMessage(unit, proposedBy, { text: card.text }, now);
    return true;
  });
  if (!done) {
    // decided already (a second click) or meanwhile: who did it, and when, is on the row as it is now
    const fresh = (await findCreditReview(o.db, review.id)) ?? review;
    throw alreadyHandled(chart, { by: fresh.decidedBy, at: fresh.decidedAt, askerId: deciderId, detail: 'decided' });
  }
}
