import type { Claim } from '../../db/expenses/claim-repo.ts';
import { formatMoney } from '../../domain/deals/money.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { actions, button, context, section, type Block } from '../blocks.ts';
import { ExpenseIds } from '../ids.ts';

/** How a claim's messages read: the language, the time zone, people's names. */
export interface ClaimMessageContext {
  locale: Locale;
  timeZone: string;
  nameOf: (id: string) => string;
  /** the organisation's currency (currencyOf) */
  currency: string;
}

/** The claimant's budget line for the claim's category, as it stood when the claim was filed. */
export interface BudgetLine {
  period: string;
  budgetCents: number;
  /** Approved and paid claims on the line (what `/expense budget` counts), this one left out */
  usedCents: number;
  /** Claims on the line still waiting for approval, this one left out */
  pendingCents: number;
}

export type ClaimDecision =
  | { kind: 'approved'; by: string; at: Date }
  | { kind: 'step'; by: string; at: Date; next: string }
  | { kind: 'returned'; by: string; at: Date; reason: string }
  | { kind: 'paid'; by: string; at: Date };

/** Percent of the budget used after this claim, whole (rounded up so 100.2% never reads 100%). */
export const percentAfter = (line: BudgetLine, amountCents: number): number =>
  Math.ceil(((line.usedCents + amountCents) * 100) / line.budgetCents);

function budgetText(claim: Claim, c: ClaimMessageContext, line: BudgetLine | null | undefined): string | null {
  if (line === undefined) return null;
  if (line === null) return t(c.locale, 'expense.card.no_budget', { category: escapeMrkdwn(claim.category) });
  // one figure for the line and its warning: the routing's (goesOverBudget), which counts the claims still waiting
  const money = (cents: number) => formatMoney(cents, c.currency, c.locale);
  const params = {
    period: line.period,
    category: escapeMrkdwn(claim.category),
    used: money(line.usedCents),
    budget: money(line.budgetCents),
    after: percentAfter(line, claim.amountCents + line.pendingCents),
    pending: money(line.pendingCents),
  };
  const next = claim.approvers[1] ? escapeMrkdwn(c.nameOf(claim.approvers[1])) : '—';
  // when the claims still waiting are what takes the line over, say so
  const overKey =
    percentAfter(line, claim.amountCents) > 100 ? 'expense.card.over_budget' : 'expense.card.over_budget_pending';
  const over = claim.overBudget ? `\n${t(c.locale, overKey, { ...params, next })}` : '';
  const key = line.pendingCents > 0 ? 'expense.card.budget_pending' : 'expense.card.budget';
  return t(c.locale, key, params) + over;
}

function decisionText(c: ClaimMessageContext, d: ClaimDecision): string {
  const by = escapeMrkdwn(c.nameOf(d.by));
  const at = formatDateTime(d.at, c.timeZone);
  if (d.kind === 'returned') return t(c.locale, 'expense.card.returned', { by, at, reason: escapeMrkdwn(d.reason) });
  if (d.kind === 'step')
    return t(c.locale, 'expense.card.step_approved', { by, at, next: escapeMrkdwn(c.nameOf(d.next)) });
  return t(c.locale, d.kind === 'paid' ? 'expense.card.paid' : 'expense.card.approved', { by, at });
}

/**
 * The approval card in the claim's thread: the claim, its budget line (and a warning when it goes
 * over 100%), the approvers in order, and Approve / Return while it waits for this card's approver.
 */
export function claimCard(
  claim: Claim,
  c: ClaimMessageContext,
  o: { budget?: BudgetLine | null; decision?: ClaimDecision } = {},
): { text: string; blocks: Block[] } {
  const amount = formatMoney(claim.amountCents, c.currency, c.locale);
  const version = claim.version > 1 ? t(c.locale, 'expense.card.version', { version: claim.version }) : '';
  const title =
    t(c.locale, 'expense.card.title', {
      number: claim.number,
      claimant: escapeMrkdwn(c.nameOf(claim.claimantId)),
      amount,
    }) + version;
  const body = t(c.locale, 'expense.card.body', {
    category: escapeMrkdwn(claim.category),
    spentOn: claim.spentOn,
    // no account given: no line, rather than 客戶：—
    account: claim.account ? t(c.locale, 'expense.card.account', { account: escapeMrkdwn(claim.account) }) : '',
    description: escapeMrkdwn(claim.description),
    receipt: escapeMrkdwn(claim.receipt) || '—',
  });
  const blocks: Block[] = [section(`*${title}*\n${body}`, 'expense_details')];
  const budget = budgetText(claim, c, o.budget);
  if (budget) blocks.push(section(budget, 'expense_budget'));
  const steps = claim.approvers.map((id) => escapeMrkdwn(c.nameOf(id))).join(' → ');
  blocks.push(context(t(c.locale, 'expense.card.steps', { steps })));
  if (o.decision) blocks.push(section(decisionText(c, o.decision), ExpenseIds.decisionBlock));
  else {
    const approver = escapeMrkdwn(c.nameOf(claim.approvers[claim.step] ?? ''));
    blocks.push(context(t(c.locale, 'expense.card.waiting', { approver })));
    blocks.push(
      actions(ExpenseIds.decisionBlock, [
        button(t(c.locale, 'expense.card.approve'), ExpenseIds.approve, String(claim.id), 'primary'),
        button(t(c.locale, 'expense.card.return'), ExpenseIds.return, String(claim.id), 'danger'),
      ]),
    );
  }
  return { text: title, blocks };
}

/** To the claimant after a return: the reason, and a button to edit and resubmit the same claim. */
export function claimReturnedNotice(claim: Claim, c: ClaimMessageContext, by: string, reason: string) {
  const text = t(c.locale, 'expense.returned_notice', {
    number: claim.number,
    by: escapeMrkdwn(c.nameOf(by)),
    reason: escapeMrkdwn(reason),
  });
  return {
    text,
    blocks: [
      section(text),
      actions('expense_edit', [button(t(c.locale, 'expense.card.edit'), ExpenseIds.edit, String(claim.id))]),
    ],
  };
}
