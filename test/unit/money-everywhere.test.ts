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
    account: blocksText(account),
    order: blocksText(order),
    payment,
    claim: blocksText(claimShown),
    budget: blocksText(budget),
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
