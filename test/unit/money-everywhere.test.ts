import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/db/expenses/claim-repo.ts';
import { formatMoney } from '../../src/domain/deals/money.ts';
import { emptyAging } from '../../src/domain/receivables/aging.ts';
import type { Locale } from '../../src/i18n/index.ts';
import { accountCard } from '../../src/views/accounts/account-card.ts';
import { budgetMessage } from '../../src/views/expenses/budget-views.ts';
import { claimCard } from '../../src/views/expenses/claim-card.ts';
import { orderCard } from '../../src/views/orders/order-card.ts';
import { paymentAnswer } from '../../src/views/receivables/ledger-answers.ts';
import { progressOf } from '../../src/domain/targets/progress.ts';
import { SCORE_FIGURES, UNRANKED } from '../../src/domain/scorecards/scorecard-rules.ts';
import { digestAttainmentLine, scopeReportBlocks, teamMessage } from '../../src/views/targets/target-views.ts';
import { splitModal, splitSumText } from '../../src/views/targets/target-modals.ts';
import { scorecardText, teamScorecardText, type Scorecard } from '../../src/views/scorecards/scorecard-views.ts';

/** One amount, ¥4,320.50, on each of the main cards. */
const CENTS = 432_050;
const at = new Date('2026-11-18T02:00:00Z');

const blocksText = (out: { text: string; blocks: unknown[] }) => `${out.text}\n${JSON.stringify(out.blocks)}`;

function cards(locale: Locale, currency: string): Record<string, string> {
  const account = accountCard(
    {
      account: {
        ...{ code: 'ED01', name: '滬東分銷', kind: 'distributor', distributorCode: '', channelType: '' },
        ...{ market: 'east', area: '', address: '', ownerId: '', status: 'active', openedOn: '2026-01-01' },
      },
      ...{ contacts: [], visits: [], issues: [] },
      ledger: { receivableCents: CENTS, openOrdersCents: 0, aging: emptyAging() },
    },
    { locale, timeZone: 'Asia/Shanghai', nameOf: (id) => id, marketName: (code) => code, currency },
  );
  const order = orderCard(
    {
      ...{ id: 1, number: 'SO-1', state: 'confirmed', approvalStep: '', currency, owner: '', enteredBy: 'KAM' },
      account: { code: 'ED01', name: '滬東分銷', market: '華東' },
      lines: [{ sku: 'TEA001', name: '烏龍茶', unit: '箱', quantity: 1, priceCents: CENTS }],
      ...{ totalCents: CENTS, requestedOn: '2026-11-20', note: '', excessCents: 0, overdueCents: 0 },
      ...{ overdueDays: 0, cancelReason: '' },
    },
    locale,
    false,
  );
  const payment = paymentAnswer(locale, {
    ...{ payment: 'RC-1', account: '滬東分銷', code: 'ED01', amountCents: CENTS, receivedOn: '2026-11-18' },
    ...{ applied: [], unappliedCents: CENTS, balanceCents: 0, currency },
  });
  const claim: Claim = {
    ...{ id: 1, orgId: 1, number: 7, claimantId: 'U1', amountCents: CENTS, category: '招待', spentOn: '2026-11-18' },
    ...{ month: '2026-11', account: '', description: '午餐', receipt: '', status: 'pending', approvers: ['U2'] },
    ...{ step: 0, overBudget: false, returnReason: null, decidedBy: null, decidedAt: null, paidBy: null },
    ...{ paidAt: null, version: 1, sourceViewId: '', approvalOutboxId: null, createdAt: at, updatedAt: at },
    earlierCardIds: [],
  };
  const claimShown = claimCard(claim, { locale, timeZone: 'Asia/Shanghai', nameOf: (id) => id, currency });
  const budget = budgetMessage(
    {
      ...{ scope: { kind: 'person', id: 'U1' }, period: { kind: 'month', year: 2026, month: 11 }, elapsed: 0.5 },
      ...{ lines: [{ category: '招待', budgetCents: null, spentCents: CENTS }], budgetCents: null },
      ...{ spentCents: CENTS, salesCents: 0 },
    },
    { locale, name: 'U1', periodLabel: '2026-11', currency },
  );
  return {
    ...targetTexts(locale, currency),
    account: blocksText(account),
    order: blocksText(order),
    payment,
    claim: blocksText(claimShown),
    budget: blocksText(budget),
  };
}

/** /targets (and App Home, which shows the same blocks), /targets team, the digest line and the scorecards. */
function targetTexts(locale: Locale, currency: string): Record<string, string> {
  const month = { kind: 'month', year: 2026, month: 11 } as const;
  const progress = progressOf(CENTS, CENTS, 0.5);
  const report = {
    scope: { kind: 'person' as const, id: 'U1' },
    period: month,
    lines: [{ metric: 'amount' as const, progress }],
  };
  const blocks = scopeReportBlocks(report, { locale, periodLabel: '2026-11', currency });
  const team = teamMessage({
    ...{ locale, managerName: 'M', periodLabel: '2026-11', labelOf: () => 'U1', currency },
    reports: [
      {
        ...{ metric: 'amount', total: { metric: 'amount', progress }, ownTarget: CENTS, rowsTarget: CENTS },
        lines: [{ kind: 'person', id: 'U1', target: CENTS, actual: CENTS, progress }],
      },
    ],
  });
  const deals = { reserved: 1, reservedCents: CENTS, contracted: 1, contractedCents: CENTS, cancelled: 0 };
  const card: Scorecard = {
    ...{ personId: 'U1', role: 'sales', month: '2026-11', before: undefined, ranks: UNRANKED },
    figures: {
      ...{ attainment: 90, budgetUsed: null, ratioTenths: 12, visitsFiled: 3, visitsApproved: 2, otherMetrics: {} },
      ...{ osbOpen: null, osbOldestDays: null, share: null, marketShares: null },
      deals: { ...deals, collectedCents: CENTS, arrearsCents: CENTS },
    },
    tied: Object.fromEntries(SCORE_FIGURES.map((f) => [f, false])) as Scorecard['tied'],
    peers: Object.fromEntries(SCORE_FIGURES.map((f) => [f, 0])) as Scorecard['peers'],
    ...{ metricRanks: {}, score: 80, scoreRank: null, scoreTied: false, scorePeers: 0 },
  };
  // /targets set: the parent shown, the running sum and its gap (a sum half the parent's)
  const split = splitModal({
    ...{ locale, period: '2026-11', metric: 'amount', parentLabel: 'P', parentValue: CENTS, parentEditable: false },
    ...{ rows: [{ key: 'person:U1', label: 'U1', value: CENTS }], currency, metadata: '{}' },
  });
  return {
    split: JSON.stringify(split.blocks),
    splitSum: splitSumText({ locale, currency }, 'amount', CENTS, CENTS * 2),
    targets: JSON.stringify(blocks),
    team: blocksText(team),
    digest: digestAttainmentLine(locale, report.lines, currency),
    scorecard: scorecardText(card, { locale, name: 'U1', currency }),
    scorecardTable: teamScorecardText([card], { locale, month: '2026-11', nameOf: () => 'U1', currency }),
  };
}

/** Every way the amount is printed on a text: its digits with whatever symbol, sign or 元 sits around them. */
const printings = (text: string) =>
  [...text.matchAll(/(?:-|NT|CN|US)?[¥$]?4,320(?:\.\d+)?(?: ?元)?/g)].map((m) => m[0]);

describe('one money format on every card', () => {
  for (const locale of ['zh-Hant', 'en'] as Locale[])
    for (const currency of ['CNY', 'TWD'])
      it(`the main cards print it alike (${locale}, ${currency})`, () => {
        const expected = formatMoney(CENTS, currency, locale);
        for (const [name, text] of Object.entries(cards(locale, currency))) {
          const found = printings(text);
          expect(found.length, name).toBeGreaterThan(0);
          expect(new Set(found), name).toEqual(new Set([expected]));
        }
      });
});
