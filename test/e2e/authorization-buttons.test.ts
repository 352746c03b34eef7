import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgChart } from '../../src/domain/org/org-chart.ts';
import type { StoredMessage } from '../../src/fake-slack/workspace-state.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { formatDate } from '../../src/lib/format-time.ts';
import { canActOnIssue } from '../../src/services/issues/issue-access.ts';
import { mayWorkOnCustomer } from '../../src/services/visits/move-customer-stage.ts';
import { mayRuleOwnership } from '../../src/services/visits/rule-ownership.ts';
import { focusApprovers } from '../../src/services/rhythm/focus-roles.ts';
import { planApprovers } from '../../src/domain/plans/plan-rules.ts';
import { proposeCredit, startCreditReview } from '../../src/services/accounts/credit-review.ts';
import { mayDecideStep } from '../../src/domain/orders/order-access.ts';
import { placeOrder } from '../../src/services/orders/place-order.ts';
import { recordNeed } from '../../src/services/orders/replenishment.ts';
import { planPhoneWeek } from '../../src/services/accounts/phone-call-lists.ts';
import { logCall } from '../../src/services/accounts/log-phone-call.ts';
import {
  isProjectManager,
  mayActOnDeal,
  mayRecordPayment,
  mayViewBoard,
} from '../../src/services/deals/deal-access.ts';
import { actOnDeal, dealCardOf, reserve } from '../support/deal-flow.ts';
import { BRAND_ORG, PROPERTY_ORG, startHarness, type Harness } from '../support/harness.ts';
import { ONE_PROVIDER } from '../support/test-database.ts';
import { chartFromFile } from '../support/org-fixtures.ts';
import { approvalMessageOf, blocksText, fileVisitAs, openedView, waitFor } from '../support/visit-flow.ts';
import { mayConfirmDelivery } from '../../src/domain/receivables/ledger-access.ts';
import { insertApprovedOrder } from '../support/ledger-flow.ts';

const STRANGER = 'U0STRANGER';
const PHONE_DIGITS = '1111'; // the middle of every phone filed here: never in a refusal
const ISSUE_DETAIL = '倉庫漏水細節';

/**
 * One row per button: the message that carries it, who the rules say may press it, and how to
 * tell that a press acted. A row either changes a record or opens a modal.
 */
interface ButtonRow {
  actionId: string;
  message: () => StoredMessage;
  allowed: (clicker: string) => boolean;
  /** Whether the click acted; absent for buttons that open a modal. */
  acted?: (clicker: string) => Promise<boolean>;
  /** Puts the record back as it was before any click. */
  reset?: () => Promise<void>;
}

/** Every scalar column of a row as it is now; writing it back undoes what a click did. */
async function snapshot<T extends { id: number }>(
  read: () => Promise<T>,
  write: (data: Omit<T, 'id'>) => Promise<unknown>,
): Promise<() => Promise<void>> {
  const { id: _id, ...before } = await read();
  return async () => void (await write(before as Omit<T, 'id'>));
}

const messageWith = (
  h: Harness,
  actionId: string,
  extra: (m: StoredMessage) => boolean = () => true,
): StoredMessage => {
  const found = [...h.fake.state.messages]
    .reverse()
    .find((m) => !m.onlyFor && blocksText(m).includes(`"${actionId}"`) && extra(m));
  if (!found) throw new Error(`no message with ${actionId}`);
  // as it was when posted: an allowed click rewrites the live one without its buttons
  return structuredClone(found);
};

/** Clicks as each person; the allowed act, everyone else is answered privately and nothing changes. */
async function checkRow(h: Harness, row: ButtonRow, people: string[]): Promise<void> {
  expect(people.some(row.allowed), `${row.actionId}: a row nobody may press proves nothing`).toBe(true);
  for (const clicker of people) {
    await row.reset?.();
    const before = h.fake.calls.length;
    const response = await h.driver.clickButton(clicker, structuredClone(row.message()), row.actionId);
    expect(response.status, `${row.actionId} by ${clicker}`).toBe(200);
    const since = () => h.fake.calls.slice(before);
    // delivered, as Slack delivers an ephemeral message: only in a conversation the clicker is in
    const refusal = () =>
      since().find((c) => c.method === 'chat.postEphemeral' && c.args.user === clicker && c.response.ok === true);
    const opened = () => since().some((c) => c.method === 'views.open');
    const label = `${row.actionId} pressed by ${clicker}`;
    if (row.allowed(clicker)) {
      if (row.acted) await waitFor(() => row.acted!(clicker), `${label} to act`);
      else await waitFor(opened, `${label} to open its modal`);
      expect(refusal(), label).toBeUndefined();
    } else {
      await waitFor(() => refusal() !== undefined, `${label} to be refused`);
      const text = String(refusal()!.args.text ?? '') + JSON.stringify(refusal()!.args.blocks ?? '');
      expect(text.length, label).toBeGreaterThan(0);
      expect(text, `${label} leaked a phone`).not.toContain(PHONE_DIGITS);
      expect(text, `${label} leaked an issue`).not.toContain(ISSUE_DETAIL);
      if (row.acted) expect(await row.acted(clicker), `${label} changed something`).toBe(false);
      else expect(opened(), `${label} opened a modal`).toBe(false);
      expect(
        since().filter((c) => c.method === 'chat.postEphemeral' && c.args.user !== clicker),
        `${label} told someone else`,
      ).toEqual([]);
    }
  }
}

async function fileIssue(h: Harness, reporter: string): Promise<number> {
  const view = await openedView(h, () => h.driver.command(reporter, '/issue'));
  await h.driver.submitView(reporter, view, {
    category: 'market',
    severity: 'normal',
    title: '倉庫漏水',
    description: ISSUE_DETAIL,
    subject: '倉庫',
  });
  await h.flushOutbox();
  return (await h.bot.db.issueReport.findFirstOrThrow({ where: { sourceViewId: view.id } })).id;
}

async function fileFeedback(h: Harness, sender: string): Promise<number> {
  const view = await openedView(h, () => h.driver.command(sender, '/feedback'));
  await h.driver.submitView(sender, view, {
    type: 'competitor',
    content: '對面降價',
    subject: '競品',
    importance: 'normal',
  });
  await h.flushOutbox();
  return (await h.bot.db.feedback.findFirstOrThrow({ orderBy: { id: 'desc' } })).id;
}

/** A KAM's new-account request in the SSG's channel: only the SSG approves or refuses it. */
async function accountRequestRows(h: Harness, chart: OrgChart): Promise<ButtonRow[]> {
  const db = h.bot.db;
  const view = await openedView(h, () => h.driver.command('U0KEYACC01', '/account', 'new'));
  await h.driver.submitView('U0KEYACC01', view, {
    code: 'AUTH01',
    name: '權限測試經銷',
    kind: 'distributor',
    market: 'E',
    opened: '2026-11-20',
    contact: '王先生',
    phone: `1390000${PHONE_DIGITS}`,
  });
  await h.flushOutbox();
  const request = await db.accountRequest.findFirstOrThrow({ where: { proposal: { contains: 'AUTH01' } } });
  const card = messageWith(h, 'account_request_approve');
  const reset = async () => {
    await db.accountContact.deleteMany({ where: { account: { code: 'AUTH01' } } });
    await db.account.deleteMany({ where: { code: 'AUTH01' } });
    await db.accountRequest.update({
      where: { id: request.id },
      data: { status: 'pending', deciderId: null, decidedAt: null, accountId: null },
    });
  };
  const statusIs = (status: string) => async () =>
    (await db.accountRequest.findUniqueOrThrow({ where: { id: request.id } })).status === status;
  return [
    {
      actionId: 'account_request_approve',
      message: () => card,
      allowed: (c) => chart.isSsg(c),
      acted: statusIs('approved'),
      reset,
    },
    {
      actionId: 'account_request_refuse',
      message: () => card,
      allowed: (c) => chart.isSsg(c),
      acted: statusIs('refused'),
      reset,
    },
  ];
}

/** A shipment of the subject's account, posted to the SSG channel with its delivery button. */
async function ledgerRows(h: Harness, chart: OrgChart, owner: string): Promise<ButtonRow[]> {
  const db = h.bot.db;
  const at = h.clock.now();
  await db.account.create({
    data: {
      ...{ orgId: 1, code: 'LEDG01', name: '帳務測試經銷', kind: 'distributor', market: 'E', ownerId: owner },
      ...{ status: 'active', openedOn: '2026-01-01', source: 'ssg', createdAt: at, updatedAt: at },
    },
  });
  await insertApprovedOrder(db, {
    accountCode: 'LEDG01',
    number: 'SO-900091',
    now: at,
    lines: [{ sku: 'MB-001', quantity: 2, priceCents: 100_00 }],
  });
  const form = await openedView(h, () => h.driver.command('U0CSREP001', '/order', 'ship SO-900091'));
  const line = (form.view.blocks as { block_id: string }[]).find((b) => b.block_id.startsWith('ship_line_'))!;
  await h.driver.submitView('U0CSREP001', form, {
    ship_date: '2026-12-01',
    ship_carrier: '順豐',
    [line.block_id]: '2',
  });
  await h.flushOutbox();
  const message = messageWith(h, 'ledger_confirm_delivery');
  const shipment = await db.shipment.findFirstOrThrow({ where: { number: 'SH-000001' } });
  return [
    {
      actionId: 'ledger_confirm_delivery',
      message: () => message,
      allowed: (c) => mayConfirmDelivery(chart, c, { ownerId: owner }),
      acted: async (c) => (await db.shipment.findUniqueOrThrow({ where: { id: shipment.id } })).deliveredById === c,
      reset: async () => {
        await db.shipment.update({ where: { id: shipment.id }, data: { deliveredOn: '', deliveredById: '' } });
        await db.order.updateMany({ where: { number: 'SO-900091' }, data: { state: 'shipped' } });
      },
    },
  ];
}

/** A CSR's phone-visit list (planned on a Monday with a clock of its own): its caller or the SSG leader logs a call. */
async function phoneCallRows(h: Harness, chart: OrgChart): Promise<ButtonRow[]> {
  const db = h.bot.db;
  const monday = new FixedClock(new Date('2026-12-07T01:30:00Z'));
  await planPhoneWeek({ db, clock: monday, chart: await h.bot.context.directory.current() });
  await db.outboxMessage.updateMany({ where: { status: 'pending' }, data: { nextAttemptAt: h.clock.now() } });
  await h.flushOutbox();
  const list = messageWith(h, 'phone_call_log');
  const first = (list.blocks as { accessory?: { action_id: string; value: string } }[]).find(
    (b) => b.accessory?.action_id === 'phone_call_log',
  )!;
  const caller = (await db.phoneCall.findUniqueOrThrow({ where: { id: Number(first.accessory!.value) } })).callerId;
  const leader = chart.firstWithRole('ssg_leader')?.slackId;
  // a second call logged by its caller: the confirmation's 開 OSB 問題, for the caller or the SSG leader
  const second = (list.blocks as { accessory?: { action_id: string; value: string } }[]).filter(
    (b) => b.accessory?.action_id === 'phone_call_log',
  )[1];
  const callId = Number(second.accessory!.value);
  const fields = { outcome: 'reached', notes: '', next: '', replenishment: '' };
  await logCall({ db, clock: monday, chart: await h.bot.context.directory.current(), askerId: caller, callId, fields });
  await db.outboxMessage.updateMany({ where: { status: 'pending' }, data: { nextAttemptAt: h.clock.now() } });
  await h.flushOutbox();
  const confirmation = messageWith(h, 'phone_call_osb');
  const mayCall = (c: string) => c === caller || c === leader;
  return [
    { actionId: 'phone_call_log', message: () => list, allowed: mayCall },
    { actionId: 'phone_call_osb', message: () => confirmation, allowed: mayCall },
  ];
}

/** The monthly credit review (run on its day with a clock of its own): the leader proposes, the SLT approves. */
async function creditRows(h: Harness, chart: OrgChart): Promise<ButtonRow[]> {
  const db = h.bot.db;
  const at = new Date('2026-12-01T02:00:00Z');
  const common = {
    orgId: 1,
    kind: 'distributor',
    market: 'E',
    status: 'active',
    openedOn: '2026-01-01',
    source: 'ssg',
  };
  await db.account.create({ data: { ...common, code: 'CR01', name: '信用測試經銷', createdAt: at, updatedAt: at } });
  const onDay = new FixedClock(new Date('2026-12-08T00:30:00Z'));
  const current = await h.bot.context.directory.current();
  const reviewId = (await startCreditReview({ db, clock: onDay, chart: current, config: h.bot.context.config }))!;
  // queued on the review's day, a week ahead of this test's clock: sent now
  const due = async () =>
    void (await db.outboxMessage.updateMany({ where: { status: 'pending' }, data: { nextAttemptAt: h.clock.now() } }));
  await due();
  await h.flushOutbox();
  const leader = chart.firstWithRole('ssg_leader')!.slackId;
  const review = messageWith(h, 'credit_propose');
  await proposeCredit({ db, clock: onDay, chart: current, askerId: leader, reviewId, text: 'CR01 A 1000 30' });
  await due();
  await h.flushOutbox();
  const card = messageWith(h, 'credit_approve');
  const approver = (await db.creditReview.findUniqueOrThrow({ where: { id: reviewId } })).approverId;
  return [
    { actionId: 'credit_propose', message: () => review, allowed: (c) => c === leader },
    {
      actionId: 'credit_approve',
      message: () => card,
      allowed: (c) => c === approver || chart.person(c)?.role === 'sales_director',
      acted: async () => (await db.creditReview.findUniqueOrThrow({ where: { id: reviewId } })).status === 'approved',
      reset: async () => {
        await db.accountCreditChange.deleteMany();
        await db.accountCredit.deleteMany();
        await db.creditReview.update({
          where: { id: reviewId },
          data: { status: 'proposed', decidedBy: null, decidedAt: null },
        });
      },
    },
  ];
}

/** A site's stage plan on its approval card: its approvers approve or return it, its author revises it. */
async function planRows(h: Harness, chart: OrgChart): Promise<ButtonRow[]> {
  const db = h.bot.db;
  const author = chart.firstWithRole('project_manager')!.slackId;
  const view = await openedView(h, () => h.driver.command(author, '/task', 'plan'));
  await h.driver.submitView(author, view, {
    fromMonth: '2099-01',
    toMonth: '2099-02',
    goals: '權限測試目標',
    focusMain: '權限測試重點',
  });
  await h.flushOutbox();
  const plan = await db.salesPlan.findFirstOrThrow();
  const card = messageWith(h, 'plan_approve');
  const reset = async () => {
    await db.salesPlanApproval.deleteMany({ where: { planId: plan.id } });
    await db.salesPlan.update({
      where: { id: plan.id },
      data: { status: 'pending', decidedBy: null, decidedAt: null, publishedAt: null },
    });
  };
  const approver = (c: string) => planApprovers(chart, 'stage', author).includes(c);
  return [
    {
      actionId: 'plan_approve',
      message: () => card,
      allowed: approver,
      acted: async () => (await db.salesPlan.findUniqueOrThrow({ where: { id: plan.id } })).status === 'approved',
      reset,
    },
    { actionId: 'plan_return', message: () => card, allowed: approver, reset },
    { actionId: 'plan_revise', message: () => card, allowed: (c) => c === author, reset },
  ];
}

/** A held order (the desk card's Approve and Reject) and a replenishment need (轉為訂單, 關閉) for the SSG. */
async function orderRows(h: Harness, chart: OrgChart, subject: string): Promise<ButtonRow[]> {
  const db = h.bot.db;
  const at = h.clock.now();
  const market = chart.marketsOf(subject)[0];
  await db.account.create({
    data: {
      ...{ orgId: 1, code: 'ORD01', name: '訂單測試經銷商', kind: 'distributor', market, ownerId: subject },
      ...{ status: 'active', openedOn: '2026-01-01', source: 'ssg', createdAt: at, updatedAt: at },
    },
  });
  await db.product.create({
    data: { orgId: 1, sku: 'ORDSKU1', name: '訂單測試品', unit: '箱', listPriceCents: 10_000n, updatedAt: at },
  });
  const current = await h.bot.context.directory.current();
  const account = await db.account.findFirstOrThrow({ where: { code: 'ORD01' } });
  const draft = {
    accountId: account.id,
    lines: [{ sku: 'ORDSKU1', quantity: 2, priceCents: 10_000 }],
    requestedOn: '2026-12-31',
    note: '',
  };
  // a distributor with no credit rating: the order is held for the SSG leader (an outlet of none is not)
  await placeOrder({ db, clock: h.clock, chart: current, askerId: subject, draft, key: 'matrix' });
  await recordNeed({ db, clock: h.clock, chart: current, askerId: subject, words: ['ORD01', 'ORDSKU1', '急'] });
  await h.flushOutbox();
  const order = await db.order.findFirstOrThrow({ where: { accountId: account.id } });
  const card = messageWith(h, 'order_approve');
  const need = messageWith(h, 'order_need_to_order');
  const decides = (c: string) => mayDecideStep(chart, c, 'ssg_leader');
  return [
    {
      actionId: 'order_approve',
      message: () => card,
      allowed: decides,
      acted: async () => (await db.order.findUniqueOrThrow({ where: { id: order.id } })).state === 'approved',
      reset: async () =>
        void (await db.order.update({
          where: { id: order.id },
          data: { state: 'pending_credit', approvalStep: 'ssg_leader' },
        })),
    },
    { actionId: 'order_reject', message: () => card, allowed: decides },
    { actionId: 'order_need_to_order', message: () => need, allowed: (c) => chart.isSsg(c) },
    { actionId: 'order_need_close', message: () => need, allowed: (c) => chart.isSsg(c) },
  ];
}

/** Rows every template has: registrations, issue reports, feedback. */
async function commonRows(
  h: Harness,
  chart: OrgChart,
  subject: string,
  visitValues: Record<string, string>[],
): Promise<ButtonRow[]> {
  const db = h.bot.db;
  const approver = chart.primaryApprover(subject)!;
  // a pending registration: approve and return
  await fileVisitAs(h, subject, visitValues[0]);
  const pending = await db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
  const pendingMessage = structuredClone(approvalMessageOf(h, pending.id));
  const resetPending = await snapshot(
    () => db.visit.findUniqueOrThrow({ where: { id: pending.id } }),
    (data) => db.visit.update({ where: { id: pending.id }, data }),
  );
  // a returned registration: its filer edits it
  await fileVisitAs(h, subject, visitValues[1]);
  const returned = await db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
  const reason = await openedView(h, () =>
    h.driver.clickButton(approver, approvalMessageOf(h, returned.id), 'visit_return'),
  );
  await h.driver.submitView(approver, reason, { reason: '電話少一碼' });
  await waitFor(
    async () => (await db.visit.findUniqueOrThrow({ where: { id: returned.id } })).status === 'returned',
    'the return',
  );
  await h.flushOutbox();
  const editMessage = messageWith(h, 'visit_edit');

  const issueId = await fileIssue(h, subject);
  const issueRow = await db.issueReport.findUniqueOrThrow({ where: { id: issueId } });
  const issueCard = messageWith(h, 'issue_ack', (m) => blocksText(m).includes(issueRow.number));
  const resetIssue = await snapshot(
    () => db.issueReport.findUniqueOrThrow({ where: { id: issueId } }),
    (data) => db.issueReport.update({ where: { id: issueId }, data }),
  );
  const mayActOnIssue = (clicker: string) => canActOnIssue(chart, issueRow, clicker);

  const feedbackId = await fileFeedback(h, subject);
  const recipients = (await db.feedbackRecipient.findMany({ where: { feedbackId } })).map((r) => r.recipientId);
  expect(recipients.length).toBeGreaterThan(0);
  const feedbackMessage = messageWith(h, 'feedback_read');

  // a 市調 task handed to the subject by their manager: only the subject answers it
  const taskView = await openedView(h, () => h.driver.command(approver, '/task'));
  await h.driver.submitView(approver, taskView, {
    title: '授權測試市調',
    kind: 'research',
    assignee: subject,
    scope: 'person',
    dueDate: '2026-12-31',
  });
  await h.flushOutbox();
  const assignment = await db.taskAssignment.findFirstOrThrow({ where: { assigneeId: subject } });
  const taskCard = messageWith(h, 'task_done', (m) => blocksText(m).includes('授權測試市調'));
  const resetAssignment = async () =>
    void (await db.taskAssignment.update({
      where: { id: assignment.id },
      data: { status: 'open', finishedAt: null, reason: null },
    }));
  const taskRows: ButtonRow[] = ['task_cannot_open', 'task_comment_open', 'task_research_open'].map((actionId) => ({
    actionId,
    message: () => taskCard,
    allowed: (c: string) => c === subject,
    reset: resetAssignment,
  }));
  // a 培訓 session the manager handed down: they, or anyone above them, record its attendance
  const trainingView = await openedView(h, () => h.driver.command(approver, '/task'));
  await h.driver.submitView(approver, trainingView, {
    title: '授權測試培訓',
    kind: 'training',
    assignee: subject,
    scope: 'person',
    dueDate: '2026-12-31',
  });
  await h.flushOutbox();
  const trainingCard = messageWith(h, 'task_attendance_open', (m) => blocksText(m).includes('授權測試培訓'));
  taskRows.push({
    actionId: 'task_attendance_open',
    message: () => trainingCard,
    allowed: (c) => c === approver || chart.isAbove(c, approver),
  });
  // an expense claim waiting for its approver, and a returned one its claimant edits
  const today = formatDate(h.clock.now(), chart.data.timezone);
  const fileClaim = async () => {
    const view = await openedView(h, () => h.driver.command(subject, '/expense'));
    const values = { amount: '500', category: '其他', spentOn: today, description: '文具 1111' };
    await h.driver.submitView(subject, view, values);
    await h.flushOutbox();
    return db.expenseClaim.findFirstOrThrow({ where: { sourceViewId: view.id } });
  };
  const claim = await fileClaim();
  const claimApprover = (JSON.parse(claim.approvers) as string[])[0];
  const claimCard = messageWith(h, 'expense_approve', (m) => blocksText(m).includes(`#${claim.number}：`));
  const resetClaim = await snapshot(
    () => db.expenseClaim.findUniqueOrThrow({ where: { id: claim.id } }),
    (data) => db.expenseClaim.update({ where: { id: claim.id }, data }),
  );
  const returnedClaim = await fileClaim();
  const returnView = await openedView(h, () =>
    h.driver.clickButton(
      claimApprover,
      messageWith(h, 'expense_approve', (m) => blocksText(m).includes(`#${returnedClaim.number}：`)),
      'expense_return',
    ),
  );
  await h.driver.submitView(claimApprover, returnView, { reason: '請附單據' });
  await waitFor(
    async () => (await db.expenseClaim.findUniqueOrThrow({ where: { id: returnedClaim.id } })).status === 'returned',
    'the claim returned',
  );
  await h.flushOutbox();
  const claimEdit = messageWith(h, 'expense_edit');

  return [
    {
      actionId: 'task_done',
      message: () => taskCard,
      allowed: (c) => c === subject,
      acted: async () =>
        (await db.taskAssignment.findUniqueOrThrow({ where: { id: assignment.id } })).status === 'done',
      reset: resetAssignment,
    },
    ...taskRows,
    {
      actionId: 'visit_approve',
      message: () => pendingMessage,
      allowed: (c) => chart.mayApproveFor(c, subject),
      acted: async () => (await db.visit.findUniqueOrThrow({ where: { id: pending.id } })).status === 'approved',
      reset: resetPending,
    },
    {
      actionId: 'visit_return',
      message: () => pendingMessage,
      allowed: (c) => chart.mayApproveFor(c, subject),
      reset: resetPending,
    },
    { actionId: 'visit_edit', message: () => editMessage, allowed: (c) => c === subject },
    {
      actionId: 'issue_ack',
      message: () => issueCard,
      allowed: mayActOnIssue,
      acted: async () => (await db.issueReport.findUniqueOrThrow({ where: { id: issueId } })).status === 'acknowledged',
      reset: resetIssue,
    },
    {
      actionId: 'issue_escalate',
      message: () => issueCard,
      allowed: mayActOnIssue,
      acted: async () => (await db.issueReport.findUniqueOrThrow({ where: { id: issueId } })).escalationLevel > 0,
      reset: resetIssue,
    },
    { actionId: 'issue_assign_open', message: () => issueCard, allowed: mayActOnIssue, reset: resetIssue },
    { actionId: 'issue_resolve_open', message: () => issueCard, allowed: mayActOnIssue, reset: resetIssue },
    {
      actionId: 'expense_approve',
      message: () => claimCard,
      allowed: (c) => c === claimApprover,
      acted: async () => (await db.expenseClaim.findUniqueOrThrow({ where: { id: claim.id } })).status === 'approved',
      reset: resetClaim,
    },
    { actionId: 'expense_return', message: () => claimCard, allowed: (c) => c === claimApprover, reset: resetClaim },
    { actionId: 'expense_edit', message: () => claimEdit, allowed: (c) => c === subject },
    {
      actionId: 'feedback_read',
      message: () => feedbackMessage,
      allowed: (c) => recipients.includes(c),
      acted: async (c) =>
        (await db.feedbackRecipient.count({ where: { feedbackId, recipientId: c, readAt: { not: null } } })) === 1,
      reset: async () =>
        void (await db.feedbackRecipient.updateMany({ where: { feedbackId }, data: { readAt: null } })),
    },
  ];
}

describe(`authorization matrix of every button, property site (${ONE_PROVIDER})`, () => {
  let h: Harness;
  const chart = chartFromFile(PROPERTY_ORG);
  const people = [...chart.people.map((p) => p.slackId), STRANGER];
  const subject = 'U0SALES003';
  const rival = 'U0SALES001';
  let rows: ButtonRow[] = [];
  beforeAll(async () => {
    h = await startHarness({ provider: ONE_PROVIDER });
    const db = h.bot.db;
    rows = await commonRows(h, chart, subject, [{ phone: '137 1111 2222' }, { phone: '137 1111 3333' }]);
    rows.push(...(await planRows(h, chart)));
    // an approved registration opens a customer file, whose card carries the stage buttons
    await fileVisitAs(h, subject, { phone: '137 1111 4444' });
    const approved = await db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
    await h.driver.clickButton(chart.primaryApprover(subject)!, approvalMessageOf(h, approved.id), 'visit_approve');
    await waitFor(
      async () => (await db.visit.findUniqueOrThrow({ where: { id: approved.id } })).customerId !== null,
      'the customer file',
    );
    await h.flushOutbox();
    const customer = await db.customer.findUniqueOrThrow({
      where: { id: (await db.visit.findUniqueOrThrow({ where: { id: approved.id } })).customerId! },
    });
    const card = messageWith(h, 'customer_next');
    const resetCustomer = await snapshot(
      () => db.customer.findUniqueOrThrow({ where: { id: customer.id } }),
      (data) => db.customer.update({ where: { id: customer.id }, data }),
    );
    // another salesperson files the same customer inside the protection window: the PM rules
    await fileVisitAs(h, rival, { phone: '137 1111 4444', customerName: '同一位客戶' });
    const contested = await db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(contested.status).toBe('ownership_review');
    const review = messageWith(h, 'visit_keep_owner');
    const resetContested = await snapshot(
      () => db.visit.findUniqueOrThrow({ where: { id: contested.id } }),
      (data) => db.visit.update({ where: { id: contested.id }, data }),
    );
    const ruled = async () =>
      (await db.visit.findUniqueOrThrow({ where: { id: contested.id } })).status !== 'ownership_review';
    // a reservation with a discount beyond a salesperson's authority waits for the PM
    const reserveView = await openedView(h, () => h.driver.clickButton(subject, card, 'deal_new'));
    const unit = await db.unit.findFirstOrThrow({ where: { state: 'available' }, orderBy: { id: 'asc' } });
    await h.driver.submitView(subject, reserveView, {
      unit: String(unit.id),
      discount: '10,000',
      deposit: '50,000',
      depositDate: '2026-11-26',
      signBy: '2026-12-03',
    });
    await h.flushOutbox();
    const deal = await db.deal.findFirstOrThrow({ where: { unitId: unit.id } });
    expect(deal.stage).toBe('awaiting_discount');
    const discountRequest = messageWith(h, 'deal_discount_approve');
    const resetDealOnly = await snapshot(
      () => db.deal.findUniqueOrThrow({ where: { id: deal.id } }),
      (data) => db.deal.update({ where: { id: deal.id }, data }),
    );
    const resetUnit = await snapshot(
      () => db.unit.findUniqueOrThrow({ where: { id: unit.id } }),
      (data) => db.unit.update({ where: { id: unit.id }, data }),
    );
    const resetDeal = async () => {
      await resetDealOnly();
      await resetUnit();
    };
    const decided = async () => (await db.deal.findUniqueOrThrow({ where: { id: deal.id } })).stage !== deal.stage;
    // a reserved deal (sign, pay, cancel), one waiting for the PM to cancel, one contracted on a mortgage
    const reserved = await reserve(h, subject, card, { building: '2棟', number: '0101' });
    const reservedCard = dealCardOf(h, subject, reserved);
    const cancelling = await reserve(h, subject, card, { building: '2棟', number: '0102' });
    await actOnDeal(h, subject, subject, cancelling, 'deal_cancel', { reason: '客戶改變主意' });
    const cancelRequest = messageWith(h, 'deal_cancel_approve');
    const cancelDeal = await db.deal.findUniqueOrThrow({ where: { id: cancelling } });
    const resetCancelDeal = await snapshot(
      () => db.deal.findUniqueOrThrow({ where: { id: cancelling } }),
      (data) => db.deal.update({ where: { id: cancelling }, data }),
    );
    const resetCancelUnit = await snapshot(
      () => db.unit.findUniqueOrThrow({ where: { id: cancelDeal.unitId } }),
      (data) => db.unit.update({ where: { id: cancelDeal.unitId }, data }),
    );
    const resetCancel = async () => {
      await resetCancelDeal();
      await resetCancelUnit();
    };
    const cancelDecided = async () =>
      (await db.deal.findUniqueOrThrow({ where: { id: cancelling } })).stage !== 'cancel_requested';
    const contracted = await reserve(h, subject, card, { building: '2棟', number: '0103' });
    const total = Number((await db.deal.findUniqueOrThrow({ where: { id: contracted } })).priceCents);
    await actOnDeal(h, subject, subject, contracted, 'deal_sign', {
      contractNo: 'AUTH-1',
      total: String(total / 100),
      method: 'mortgage',
      down: '100000',
      downDate: '2026-12-10',
      bank: '建設銀行',
      loan: String((total - 5_000_000 - 10_000_000) / 100),
      loanDate: '2027-01-15',
    });
    const contractedCard = dealCardOf(h, subject, contracted);
    // App Home's 查看 beside a building, as the PM's home shows it (the button carries the building)
    const before = h.fake.calls.length;
    await h.driver.event({ type: 'app_home_opened', user: 'U0PROJMGR1', channel: 'D0PROJMGR1', tab: 'home' });
    await waitFor(() => h.fake.calls.slice(before).some((c) => c.method === 'views.publish'), 'the PM’s home');
    const home = h.fake.calls.slice(before).find((c) => c.method === 'views.publish')!.args.view as {
      blocks: { block_id?: string }[];
    };
    const homeBoard: StoredMessage = { ...card, blocks: home.blocks.filter((b) => b.block_id === 'home_units_0') };
    const mayActHere = (c: string) => mayActOnDeal(chart, c, subject);
    const mayChase = (c: string) => mayActHere(c) || mayRecordPayment(chart, c, subject);
    rows.push(
      { actionId: 'units_open', message: () => homeBoard, allowed: (c) => mayViewBoard(chart, c) },
      { actionId: 'deal_sign', message: () => reservedCard, allowed: mayActHere },
      { actionId: 'deal_pay', message: () => reservedCard, allowed: mayChase },
      { actionId: 'deal_cancel', message: () => reservedCard, allowed: mayActHere },
      { actionId: 'deal_mortgage_step', message: () => contractedCard, allowed: mayChase },
      { actionId: 'deal_registration_step', message: () => contractedCard, allowed: mayChase },
      {
        actionId: 'deal_cancel_approve',
        message: () => cancelRequest,
        allowed: (c) => isProjectManager(chart, c),
        acted: cancelDecided,
        reset: resetCancel,
      },
      {
        actionId: 'deal_cancel_decline',
        message: () => cancelRequest,
        allowed: (c) => isProjectManager(chart, c),
        acted: cancelDecided,
        reset: resetCancel,
      },
      {
        actionId: 'deal_new',
        message: () => card,
        allowed: (c) => mayActOnDeal(chart, c, subject),
      },
      {
        actionId: 'deal_discount_approve',
        message: () => discountRequest,
        allowed: (c) => isProjectManager(chart, c),
        acted: decided,
        reset: resetDeal,
      },
      {
        actionId: 'deal_discount_decline',
        message: () => discountRequest,
        allowed: (c) => isProjectManager(chart, c),
        reset: resetDeal,
      },
      {
        actionId: 'customer_next',
        message: () => card,
        allowed: (c) => mayWorkOnCustomer(chart, c, subject),
        acted: async () =>
          (await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).stage !== customer.stage,
        reset: resetCustomer,
      },
      {
        actionId: 'customer_lost',
        message: () => card,
        allowed: (c) => mayWorkOnCustomer(chart, c, subject),
        reset: resetCustomer,
      },
      {
        actionId: 'visit_keep_owner',
        message: () => review,
        allowed: (c) => mayRuleOwnership(chart, c, rival),
        acted: ruled,
        reset: resetContested,
      },
      {
        actionId: 'visit_give_filer',
        message: () => review,
        allowed: (c) => mayRuleOwnership(chart, c, rival),
        acted: ruled,
        reset: resetContested,
      },
    );
  }, 60_000);
  afterAll(async () => h?.stop());

  for (const actionId of [
    'visit_approve',
    'visit_return',
    'visit_edit',
    'visit_keep_owner',
    'visit_give_filer',
    'customer_next',
    'customer_lost',
    'deal_new',
    'deal_discount_approve',
    'deal_discount_decline',
    'deal_sign',
    'deal_pay',
    'deal_cancel',
    'deal_mortgage_step',
    'deal_registration_step',
    'deal_cancel_approve',
    'deal_cancel_decline',
    'units_open',
    'issue_ack',
    'issue_escalate',
    'issue_assign_open',
    'issue_resolve_open',
    'feedback_read',
    'task_done',
    'task_cannot_open',
    'task_comment_open',
    'task_research_open',
    'task_attendance_open',
    'expense_approve',
    'expense_return',
    'expense_edit',
    'plan_approve',
    'plan_return',
    'plan_revise',
  ]) {
    it(`${actionId}: each of the ${people.length} people allowed or refused as the rules say`, async () => {
      await checkRow(h, rows.find((r) => r.actionId === actionId)!, people);
    }, 60_000);
  }
});

describe(`authorization matrix of every button, brand sales department (${ONE_PROVIDER})`, () => {
  let h: Harness;
  const chart = chartFromFile(BRAND_ORG);
  const people = [...chart.people.map((p) => p.slackId), STRANGER];
  const subject = 'U0SALREP01';
  // Tuesday 1 December 2026: the focus for December is drafted now and published on Monday the 7th
  const clock = new FixedClock(new Date('2026-12-01T02:00:00Z'));
  let rows: ButtonRow[] = [];
  let draft: StoredMessage;
  beforeAll(async () => {
    h = await startHarness({ provider: ONE_PROVIDER, orgFile: BRAND_ORG, clock });
    const db = h.bot.db;
    rows = await commonRows(h, chart, subject, [
      { account: '滬東分銷', purpose: 'order', outcome: '訂貨 1111 件' },
      { account: '浦西門店', purpose: 'order', outcome: '再談' },
    ]);
    const drafter = chart.people.find((p) => chart.isLeadership(p.slackId))!.slackId;
    const draftView = await openedView(h, () => h.driver.command(drafter, '/focus'));
    await h.driver.submitView(drafter, draftView, { main: '華東新品鋪貨', secondary1: '回款', secondary2: '培訓' });
    await h.flushOutbox();
    const focus = await db.focusPlan.findFirstOrThrow();
    draft = messageWith(h, 'focus_approve');
    const resetFocus = await snapshot(
      () => db.focusPlan.findUniqueOrThrow({ where: { id: focus.id } }),
      (data) => db.focusPlan.update({ where: { id: focus.id }, data }),
    );
    rows.push({
      actionId: 'focus_approve',
      message: () => draft,
      allowed: (c) => focusApprovers(chart, drafter).includes(c),
      acted: async () => (await db.focusPlan.findUniqueOrThrow({ where: { id: focus.id } })).status === 'approved',
      reset: resetFocus,
    });
    rows.push(...(await accountRequestRows(h, chart)), ...(await creditRows(h, chart)));
    rows.push(...(await ledgerRows(h, chart, subject)));
    rows.push(...(await orderRows(h, chart, 'U0KEYACC01')));
    rows.push(...(await phoneCallRows(h, chart)));
  }, 60_000);
  afterAll(async () => h?.stop());

  for (const actionId of [
    'visit_approve',
    'visit_return',
    'visit_edit',
    'issue_ack',
    'issue_escalate',
    'issue_assign_open',
    'issue_resolve_open',
    'feedback_read',
    'task_done',
    'task_cannot_open',
    'task_comment_open',
    'task_research_open',
    'task_attendance_open',
    'focus_approve',
    'expense_approve',
    'expense_return',
    'expense_edit',
    'account_request_approve',
    'account_request_refuse',
    'credit_propose',
    'credit_approve',
    'ledger_confirm_delivery',
    'order_approve',
    'order_reject',
    'order_need_to_order',
    'order_need_close',
    'phone_call_log',
    'phone_call_osb',
  ]) {
    it(`${actionId}: each of the ${people.length} people allowed or refused as the rules say`, async () => {
      await checkRow(h, rows.find((r) => r.actionId === actionId)!, people);
    }, 60_000);
  }

  it('focus_ack: only the field people the focus went to acknowledge it, each their own', async () => {
    const db = h.bot.db;
    const approver = focusApprovers(chart, (await db.focusPlan.findFirstOrThrow()).draftedBy)[0];
    await h.bot.db.focusPlan.updateMany({ data: { status: 'draft', approvedBy: null, approvedAt: null } });
    await h.driver.clickButton(approver, draft, 'focus_approve');
    await waitFor(async () => (await db.focusPlan.findFirstOrThrow()).status === 'approved', 'the approval');
    clock.set('2026-12-07T01:00:00Z');
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    const audience = (await db.focusAck.findMany()).map((a) => a.personId);
    expect(audience.length).toBeGreaterThan(0);
    const copy = messageWith(h, 'focus_ack', (m) => m.channel === `D${audience[0].slice(1)}`);
    await checkRow(
      h,
      {
        actionId: 'focus_ack',
        message: () => copy,
        allowed: (c) => audience.includes(c),
        acted: async (c) => (await db.focusAck.count({ where: { personId: c, ackedAt: { not: null } } })) === 1,
        reset: async () => void (await db.focusAck.updateMany({ data: { ackedAt: null } })),
      },
      people,
    );
  }, 60_000);
});
