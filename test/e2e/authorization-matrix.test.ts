import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgChart } from '../../src/domain/org/org-chart.ts';
import { mayExportVisits } from '../../src/services/visits/export-visits.ts';
import { mayAssignTasks } from '../../src/domain/tasks/task-rules.ts';
import { mayWritePlan, planKindsOf } from '../../src/domain/plans/plan-rules.ts';
import { canSeeIssue } from '../../src/services/issues/issue-access.ts';
import { leadsTargetCarriers, mayViewScope, splitPlanFor } from '../../src/services/targets/target-access.ts';
import { mayMarkPaid } from '../../src/domain/expenses/expense-rules.ts';
import { mayExportClaims } from '../../src/services/expenses/export-claims.ts';
import { isSiteOffice, mayManageUnits, maySeeDeal, mayViewBoard } from '../../src/services/deals/deal-access.ts';
import { mayUndoDealStep } from '../../src/services/deals/undo-deal-step.ts';
import { reserve } from '../support/deal-flow.ts';
import { BRAND_ORG, PROPERTY_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { ONE_PROVIDER } from '../support/test-database.ts';
import { mayViewAccount } from '../../src/domain/accounts/account-access.ts';
import { mayKeepLedger } from '../../src/domain/receivables/ledger-access.ts';
import { insertApprovedOrder } from '../support/ledger-flow.ts';
import {
  mayCancelOrder,
  mayEnterAnyOrder,
  mayEnterOrder,
  mayViewOrder,
  orderOwnersVisibleTo,
} from '../../src/domain/orders/order-access.ts';
import { chartFromFile } from '../support/org-fixtures.ts';
import { approvalMessageOf, blocksText, dmsTo, fileVisitAs, openedView, waitFor } from '../support/visit-flow.ts';

/** The credit and logistics tables: the SSG and the SLT, a market's owner and the MM who runs it (their rows). */
const maySeeMarketTables = (c: OrgChart, v: string) =>
  c.isSsg(v) ||
  c.isLeadership(v) ||
  c.marketsOwnedBy(v).length > 0 ||
  (c.person(v)?.role === 'market_manager' && (c.person(v)?.markets.length ?? 0) > 0);

const REFUSED = /沒有權限|不能查看|只有|尚未列入|找不到|沒有直屬下屬|沒有可以拆分/;
const STRANGER = 'U0STRANGER';

/** What the subject's records look like in the test's world: each is shown only to those allowed. */
interface World {
  issue: { number: string; reporterId: string; handlerId: string; assigneeId: string | null; category: string };
  /** The account of a figure recorded for the subject. */
  actualAccount: string;
  /** Who handed the subject the 市調 task whose result is searched. */
  researchAssigner: string;
  /** A customer file the subject owns (property sites only). */
  customerName?: string;
}

/** One row per command (and per form of it that shows or changes something). */
interface Cell {
  name: string;
  text: (subject: string, world: World) => [string, string];
  allowed: (chart: OrgChart, viewer: string, subject: string, world: World) => boolean;
  /** In an allowed answer; never in a refused one (no data leaked). */
  shows?: (chart: OrgChart, subject: string, world: World) => string;
  /** An allowed answer is a modal. */
  opensModal?: boolean;
  /** A list that leaves out what the viewer may not see, rather than refusing. */
  filters?: boolean;
  /** Rows that only one template has (a property site has no markets and no SSG; a brand no customer files). */
  only?: 'property site' | 'brand';
}

const CELLS: Cell[] = [
  {
    name: '/org @someone',
    text: (s) => ['/org', `<@${s}>`],
    allowed: (c, v, s) => v === s || c.isLeadership(v) || c.isAbove(v, s),
    shows: (c, s) => `${c.nameOf(s)}・`,
  },
  {
    name: '/org reload',
    text: () => ['/org', 'reload'],
    allowed: (c, v) => c.isLeadership(v) || c.isAdmin(v),
    shows: () => '組織架構已重新載入',
  },
  {
    name: '/org retry-failed',
    text: () => ['/org', 'retry-failed'],
    allowed: (c, v) => c.isLeadership(v) || c.isAdmin(v),
    shows: () => '則未送達的訊息',
  },
  { name: '/org lang', text: () => ['/org', 'lang 繁體中文'], allowed: () => true, shows: () => '繁體中文回覆你' },
  { name: '/org digest', text: () => ['/org', 'digest weekly'], allowed: () => true, shows: () => '摘要改為' },
  { name: '/visit (the form)', text: () => ['/visit', ''], allowed: () => true, opensModal: true },
  {
    name: '/visit export',
    text: () => ['/visit', 'export 2026-11-01 2026-11-30'],
    allowed: (c, v) => mayExportVisits(c, v),
    shows: () => '已匯出',
  },
  {
    name: '/visit a customer',
    text: (_s, w) => ['/visit', w.customerName!],
    allowed: (c, v, s) => c.canSee(v, s),
    shows: () => '137****5555',
    only: 'property site',
  },
  { name: '/issue (the form)', text: () => ['/issue', ''], allowed: () => true, opensModal: true },
  {
    name: '/issue NUMBER',
    text: (_s, w) => ['/issue', w.issue.number],
    allowed: (c, v, _s, w) => canSeeIssue(c, w.issue, v),
    shows: () => '倉庫漏水',
  },
  {
    name: '/issue list',
    text: () => ['/issue', 'list'],
    allowed: (c, v, _s, w) => canSeeIssue(c, w.issue, v),
    shows: (_c, _s, w) => w.issue.number,
    filters: true,
  },
  { name: '/feedback (the form)', text: () => ['/feedback', ''], allowed: () => true, opensModal: true },
  { name: '/targets', text: () => ['/targets', ''], allowed: () => true, shows: () => '目標與達成' },
  {
    name: '/targets @someone',
    text: (s) => ['/targets', `<@${s}>`],
    allowed: (c, v, s) => c.canSee(v, s),
    shows: (c, s) => `${c.nameOf(s)} 的目標與達成`,
  },
  { name: '/targets team', text: () => ['/targets', 'team'], allowed: (c, v) => leadsTargetCarriers(c, v) },
  {
    name: '/targets team chart',
    text: () => ['/targets', 'team chart'],
    allowed: (c, v) => leadsTargetCarriers(c, v),
    shows: () => '圖表產生中',
  },
  { name: '/targets scorecard', text: () => ['/targets', 'scorecard'], allowed: () => true, shows: () => '正在計算' },
  {
    name: '/targets scorecard team',
    text: () => ['/targets', 'scorecard team'],
    allowed: (c, v) => leadsTargetCarriers(c, v),
    shows: () => '正在計算',
  },
  {
    name: '/targets scorecard markets',
    text: () => ['/targets', 'scorecard markets'],
    allowed: (c, v) => c.isLeadership(v),
    // a site has no markets: told so at once, with where its scorecards are
    shows: (c) => (c.data.markets.length > 0 ? '正在計算' : '案場沒有市場'),
  },
  {
    name: '/targets a market',
    text: (s) => ['/targets', marketOf(s)],
    allowed: (c, v, s) => mayViewScope(c, v, { kind: 'market', id: c.marketsOf(s)[0] }),
    shows: (c, s) => `${c.data.markets.find((m) => m.code === c.marketsOf(s)[0])!.name} 市場的目標與達成`,
    only: 'brand',
  },
  {
    name: '/targets 全公司',
    text: () => ['/targets', '全公司'],
    allowed: (c, v) => c.isLeadership(v),
    shows: (c) => `${c.data.name} 全公司目標與達成`,
  },
  { name: '/sales (the form)', text: () => ['/sales', ''], allowed: () => true, opensModal: true },
  {
    name: '/sales list',
    text: () => ['/sales', 'list'],
    allowed: (c, v, s) => c.canSee(v, s),
    shows: (_c, _s, w) => w.actualAccount,
    filters: true,
  },
  {
    name: '/sales correct',
    text: () => ['/sales', 'correct 1'],
    allowed: (c, v) => c.isSsg(v),
    opensModal: true,
    only: 'brand',
  },
  { name: '/expense (the form)', text: () => ['/expense', ''], allowed: () => true, opensModal: true },
  {
    name: '/expense budget @someone',
    text: (s) => ['/expense', `budget <@${s}>`],
    allowed: (c, v, s) => mayViewScope(c, v, { kind: 'person', id: s }),
    shows: () => '費用預算與實際',
  },
  {
    name: '/expense budget 團隊 @someone',
    text: (s) => ['/expense', `budget 團隊 <@${s}>`],
    allowed: (c, v, s) => mayViewScope(c, v, { kind: 'person', id: s }),
    shows: () => '費用預算與實際',
  },
  {
    name: '/expense budget a market',
    text: (s) => ['/expense', `budget ${marketOf(s)}`],
    allowed: (c, v, s) => mayViewScope(c, v, { kind: 'market', id: c.marketsOf(s)[0] }),
    shows: () => '費用預算與實際',
    only: 'brand',
  },
  {
    name: '/expense budget set',
    text: () => ['/expense', 'budget set 差旅'],
    // no budget is set in this world: only the top, who sets the company's, has one to split
    allowed: (c, v) => splitPlanFor(c, v).children.length > 0 && splitPlanFor(c, v).parentEditable,
    opensModal: true,
  },
  { name: '/expense list', text: () => ['/expense', 'list'], allowed: () => true, shows: () => '我的報銷' },
  {
    name: '/expense paid',
    text: () => ['/expense', 'paid 1'],
    allowed: (c, v) => mayMarkPaid(c, v),
    shows: () => '標記報銷 #1 付款', // 已標記…, or 你已於…標記… to a second payer
  },
  {
    name: '/expense export',
    text: () => ['/expense', 'export'],
    allowed: (c, v) => mayExportClaims(c, v),
    shows: () => '已匯出',
  },
  { name: '/focus (the draft)', text: () => ['/focus', ''], allowed: (c, v) => c.isLeadership(v), opensModal: true },
  {
    name: '/account an account',
    text: () => ['/account', 'AUTH01'],
    allowed: (c, v, s) => mayViewAccount(c, v, { ownerId: s, market: marketOf(s) }),
    shows: () => '權限測試網點（AUTH01）',
    only: 'brand',
  },
  {
    name: '/order (the form)',
    text: () => ['/order', ''],
    allowed: (c, v) => mayEnterAnyOrder(c, v),
    opensModal: true,
    only: 'brand',
  },
  {
    name: '/order SO-000001',
    text: () => ['/order', 'SO-000001'],
    allowed: (c, v, s) => mayViewOrder(c, v, { ownerId: s, market: marketCode, enteredById: s }),
    shows: () => 'SO-000001',
    only: 'brand',
  },
  {
    name: '/order list',
    text: () => ['/order', 'list'],
    allowed: (c, v, s) => (orderOwnersVisibleTo(c, v) ?? [s]).includes(s),
    shows: () => 'SO-000001',
    filters: true,
    only: 'brand',
  },
  {
    name: '/order need',
    text: () => ['/order', 'need AUTH01 AUTHSKU1 急'],
    allowed: (c, v, s) => mayEnterOrder(c, v, { ownerId: s, market: marketCode }),
    shows: () => '已記錄 AUTHSKU1 的補貨需求',
    only: 'brand',
  },
  {
    name: '/order cancel',
    text: () => ['/order', 'cancel SO-000001 權限測試'],
    allowed: (c, v, s) => mayCancelOrder(c, v, { ownerId: s, market: marketCode }),
    only: 'brand',
  },
  {
    name: '/account new',
    text: () => ['/account', 'new'],
    allowed: (c, v) => c.isSsg(v) || c.person(v)?.role === 'key_account_manager',
    opensModal: true,
    only: 'brand',
  },
  {
    name: '/account credit',
    text: () => ['/account', 'credit'],
    allowed: (c, v) => maySeeMarketTables(c, v),
    shows: () => '客戶信用等級一覽表',
    only: 'brand',
  },
  {
    name: '/account credit export',
    text: () => ['/account', 'credit export'],
    allowed: (c, v) => maySeeMarketTables(c, v),
    shows: () => '已匯出客戶信用等級一覽表',
    only: 'brand',
  },
  {
    name: '/account logistics',
    text: () => ['/account', 'logistics'],
    allowed: (c, v) => maySeeMarketTables(c, v),
    shows: () => '客戶儲運信息維護表',
    only: 'brand',
  },
  {
    name: '/account logistics export',
    text: () => ['/account', 'logistics export'],
    allowed: (c, v) => maySeeMarketTables(c, v),
    shows: () => '已匯出客戶儲運信息維護表',
    only: 'brand',
  },
  {
    name: '/account logistics (set a line)',
    text: () => ['/account', 'logistics AUTH01 上海市 1 號｜王｜滬倉｜順豐｜1'],
    allowed: (c, v) => c.isSsg(v),
    shows: () => '已更新 AUTH01 的儲運信息',
    only: 'brand',
  },
  {
    name: '/order ship (the form)',
    text: () => ['/order', 'ship SO-900090'],
    allowed: (c, v) => mayKeepLedger(c, v),
    opensModal: true,
    only: 'brand',
  },
  {
    name: '/order pay',
    text: () => ['/order', 'pay AUTH01 0.01'],
    allowed: (c, v) => mayKeepLedger(c, v),
    shows: () => '權限測試網點（AUTH01）收款 PAY-',
    only: 'brand',
  },
  {
    name: '/order credit',
    text: () => ['/order', 'credit AUTH01 0.01 矩陣測試'],
    allowed: (c, v) => mayKeepLedger(c, v),
    shows: () => '權限測試網點（AUTH01）折讓 CN-',
    only: 'brand',
  },
  {
    name: '/account calls',
    text: () => ['/account', 'calls'],
    allowed: (c, v) => c.isSsg(v),
    shows: () => ' 週）',
    only: 'brand',
  },
  {
    name: '/account calls all',
    text: () => ['/account', 'calls all'],
    allowed: (c, v) => c.firstWithRole('ssg_leader')?.slackId === v || c.isLeadership(v),
    shows: () => '本週電話拜訪匯總（',
    only: 'brand',
  },
  {
    name: '/focus status',
    text: () => ['/focus', 'status'],
    allowed: (c, v) => c.isLeadership(v) || c.isSsg(v),
    shows: () => '尚未發佈',
  },
  { name: '/task (the form)', text: () => ['/task', ''], allowed: (c, v) => mayAssignTasks(c, v), opensModal: true },
  { name: '/task list', text: () => ['/task', 'list'], allowed: () => true, shows: () => '我的任務' },
  {
    name: '/task research NAME',
    text: () => ['/task', 'research 機密競品'],
    allowed: (c, v, s, w) => v === w.researchAssigner || c.canSee(v, s),
    shows: () => '機密競品樓盤',
    filters: true,
  },
  { name: '/task export', text: () => ['/task', 'export'], allowed: () => true, shows: () => '已匯出' },
  {
    name: "/task plan (the organisation's first kind: a stage plan, a brand's annual plan)",
    text: () => ['/task', 'plan'],
    allowed: (c, v) => mayWritePlan(c, v, planKindsOf(c.template)[0]),
    opensModal: true,
  },
  {
    name: '/task plan project (the project sales plan form)',
    text: () => ['/task', 'plan project 2027-01'],
    allowed: (c, v) => mayWritePlan(c, v, 'project'),
    opensModal: true,
    only: 'property site',
  },
  {
    name: '/task plan 季度 (the quarterly plan form)',
    text: () => ['/task', 'plan 季度'],
    allowed: (c, v) => mayWritePlan(c, v, 'quarterly'),
    opensModal: true,
    only: 'brand',
  },
  {
    name: '/deal new (the 認購 form)',
    text: () => ['/deal', 'new'],
    allowed: (c, v, s) => v === s || c.isAbove(v, s),
    opensModal: true,
    only: 'property site',
  },
  {
    name: '/deal list',
    text: () => ['/deal', 'list'],
    allowed: (c, v, s) => maySeeDeal(c, v, s),
    shows: () => '3棟 0101',
    filters: true,
    only: 'property site',
  },
  {
    name: '/deal list @someone',
    text: (s) => ['/deal', `list <@${s}>`],
    allowed: (c, v, s) => maySeeDeal(c, v, s),
    shows: () => '3棟 0101',
    only: 'property site',
  },
  {
    name: '/deal list overdue (within what the asker sees)',
    text: () => ['/deal', 'list overdue'],
    allowed: () => true,
    filters: true,
    only: 'property site',
  },
  {
    name: '/deal export',
    text: () => ['/deal', 'export 2026-01-01 2026-12-31'],
    allowed: (c, v) => isSiteOffice(c, v),
    shows: () => '已匯出',
    only: 'property site',
  },
  {
    name: '/deal export csv',
    text: () => ['/deal', 'export 2026-01-01 2026-12-31 csv'],
    allowed: (c, v) => isSiteOffice(c, v),
    shows: () => '已匯出',
    only: 'property site',
  },
  {
    name: '/deal arrears',
    text: () => ['/deal', 'arrears'],
    allowed: (c, v) => isSiteOffice(c, v),
    shows: () => '逾期欠款',
    only: 'property site',
  },
  {
    name: '/deal a customer',
    text: (_s, w) => ['/deal', w.customerName!],
    allowed: (c, v, s) => maySeeDeal(c, v, s),
    shows: () => '137****5555',
    only: 'property site',
  },
  {
    name: '/deal undo (nothing to undo is still an answer, never a refusal)',
    text: () => ['/deal', 'undo 1'],
    allowed: (c, v, s) => mayUndoDealStep(c, v, s),
    shows: () => '沒有可以退回的步驟',
    only: 'property site',
  },
  {
    name: '/units (the board)',
    text: () => ['/units', ''],
    allowed: (c, v) => mayViewBoard(c, v),
    shows: () => '可售：',
    only: 'property site',
  },
  {
    name: '/units history',
    text: () => ['/units', 'history 3棟 1401'],
    allowed: (c, v) => mayViewBoard(c, v),
    shows: () => '標價',
    only: 'property site',
  },
  {
    name: '/units hold',
    text: () => ['/units', 'hold 3棟 1402'],
    allowed: (c, v) => mayManageUnits(c, v),
    shows: () => '已改為「保留」',
    only: 'property site',
  },
  {
    name: '/units price',
    text: () => ['/units', 'price 3棟 1403 3,000,000'],
    allowed: (c, v) => mayManageUnits(c, v),
    shows: () => '標價已由',
    only: 'property site',
  },
];

let marketCode = '';
const marketOf = (_subject: string) => marketCode;

/** The answer a command got: in its ack, by response_url, or as a modal. */
async function commandAnswer(
  h: Harness,
  viewer: string,
  command: string,
  text: string,
): Promise<{ text: string; opened: boolean }> {
  const before = h.fake.calls.length;
  const response = await h.driver.command(viewer, command, text);
  expect(response.status, `${command} ${text} by ${viewer}`).toBe(200);
  const acked = answerText(response.json).trim();
  if (acked) return { text: acked, opened: false };
  const later = () =>
    h.fake.calls
      .slice(before)
      .filter((c) => (c.method === 'response_url' && c.args.user === viewer) || c.method === 'views.open');
  await waitFor(() => later().length > 0, `an answer to ${command} ${text} for ${viewer}`);
  const opened = later().some((c) => c.method === 'views.open');
  return {
    text: later()
      .map((c) => answerText(c.args))
      .join('\n'),
    opened,
  };
}

describe.each([
  ['property site', PROPERTY_ORG, 'U0SALES003'],
  ['brand', BRAND_ORG, 'U0SALREP01'],
] as const)(`authorization matrix of every command, %s (${ONE_PROVIDER})`, (label, orgFile, subject) => {
  let h: Harness;
  let world: World;
  const chart = chartFromFile(orgFile);
  const people = [...chart.people.map((p) => p.slackId), STRANGER];
  beforeAll(async () => {
    h = await startHarness({ provider: ONE_PROVIDER, orgFile });
    const db = h.bot.db;
    marketCode = chart.marketsOf(subject)[0] ?? '';
    const issueView = await openedView(h, () => h.driver.command(subject, '/issue'));
    await h.driver.submitView(subject, issueView, {
      category: 'market',
      severity: 'normal',
      title: '倉庫漏水',
      description: '細節',
      subject: '倉庫',
    });
    const issue = await db.issueReport.findFirstOrThrow({ where: { sourceViewId: issueView.id } });
    await db.actual.create({
      data: {
        orgId: 1,
        month: '2026-11',
        personId: subject,
        account: '機密客戶甲',
        metric: 'amount',
        value: 1000,
        source: 'manual',
        createdBy: subject,
        createdAt: h.clock.now(),
      },
    });
    const researchAssigner = chart.primaryApprover(subject)!;
    const taskView = await openedView(h, () => h.driver.command(researchAssigner, '/task'));
    await h.driver.submitView(researchAssigner, taskView, {
      title: '矩陣市調',
      kind: 'research',
      assignee: subject,
      scope: 'person',
      dueDate: '2026-12-31',
    });
    await h.flushOutbox();
    const card = h.fake.state
      .inChannel(subject)
      .find((m) => JSON.stringify(m.blocks ?? []).includes('task_research_open'))!;
    const form = await openedView(h, () => h.driver.clickButton(subject, card, 'task_research_open'));
    await h.driver.submitView(subject, form, { competitor: '機密競品樓盤', location: '東區', priceRange: '3 萬' });
    await waitFor(async () => (await db.researchResult.count()) === 1, 'the research result');
    world = { issue, actualAccount: '機密客戶甲', researchAssigner };
    // an approved claim #1 for /expense paid: the first payer pays it, the next find it paid already
    const now = new Date();
    await db.expenseClaim.create({
      data: {
        orgId: 1,
        number: 1,
        claimantId: subject,
        amountCents: 50_000,
        category: '其他',
        spentOn: '2026-11-02',
        month: '2026-11',
        description: '文具',
        status: 'approved',
        approvers: JSON.stringify([chart.primaryApprover(subject)]),
        sourceViewId: 'V-MATRIX',
        createdAt: now,
        updatedAt: now,
      },
    });
    if (label === 'brand') {
      const at = h.clock.now();
      await db.account.create({
        data: {
          ...{ orgId: 1, code: 'AUTH01', name: '權限測試網點', kind: 'outlet', market: marketCode, ownerId: subject },
          ...{ status: 'active', openedOn: '2026-01-01', source: 'ssg', createdAt: at, updatedAt: at },
        },
      });
      const lines = [{ sku: 'MB-001', quantity: 1, priceCents: 100 }];
      await insertApprovedOrder(db, { accountCode: 'AUTH01', number: 'SO-900090', now: at, lines });
      const account = await db.account.findFirstOrThrow({ where: { code: 'AUTH01' } });
      const product = {
        orgId: 1,
        sku: 'AUTHSKU1',
        name: '權限測試品',
        unit: '箱',
        listPriceCents: 1000n,
        updatedAt: at,
      };
      await db.product.create({ data: product });
      await db.order.create({
        data: {
          ...{ orgId: 1, number: 'SO-000001', accountId: account.id, market: marketCode, enteredById: subject },
          ...{ ownerId: subject, requestedOn: '2026-12-01', totalCents: 1000n, state: 'approved' },
          ...{ createdAt: at, updatedAt: at },
        },
      });
    }
    if (label === 'property site') {
      await fileVisitAs(h, subject, { phone: '137 1234 5555', customerName: '查詢測試客' });
      const visit = await db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
      await h.driver.clickButton(chart.primaryApprover(subject)!, approvalMessageOf(h, visit.id), 'visit_approve');
      await waitFor(async () => (await db.customer.count()) === 1, 'the customer file');
      world.customerName = '查詢測試客';
      await h.flushOutbox();
      const card = dmsTo(h, subject)
        .filter((m) => blocksText(m).includes('deal_new'))
        .at(-1)!;
      await reserve(h, subject, structuredClone(card), { building: '3棟', number: '0101' });
    }
  }, 60_000);
  afterAll(async () => h?.stop());

  for (const cell of CELLS) {
    it.skipIf(cell.only !== undefined && cell.only !== label)(
      `${cell.name}: every role allowed or refused as the rules say, with nothing leaked`,
      async () => {
        const allowedSomewhere = people.some(
          (viewer) => chart.person(viewer) && cell.allowed(chart, viewer, subject, world),
        );
        expect(allowedSomewhere, 'a row nobody may use proves nothing').toBe(true);
        for (const viewer of people) {
          const [command, text] = cell.text(subject, world);
          const answer = await commandAnswer(h, viewer, command, text);
          const member = chart.person(viewer) !== undefined;
          const expected = member && cell.allowed(chart, viewer, subject, world);
          const shown = cell.shows?.(chart, subject, world);
          if (expected) {
            if (cell.opensModal) expect(answer.opened, `${viewer} should get the modal`).toBe(true);
            else if (shown && !cell.filters) expect(answer.text, `${viewer} should be allowed`).toContain(shown);
            else expect(answer.text, `${viewer} should be allowed`).not.toMatch(REFUSED);
          } else {
            if (!cell.filters || !member) expect(answer.text, `${viewer} should be refused`).toMatch(REFUSED);
            expect(answer.opened, `${viewer} got a modal`).toBe(false);
            if (shown) expect(answer.text, `${viewer} saw data`).not.toContain(shown);
          }
        }
      },
      60_000,
    );
  }
});
