import { countCollection } from './deal-targets.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { isUniqueViolation, type Db } from '../../db/database.ts';
import { findDeal, recordDealChange, type Deal } from '../../db/deals/deal-repo.ts';
import { insertPayment, setDealPlan, setStepDone } from '../../db/deals/payment-repo.ts';
import { transaction, type Unit as Tx } from '../../db/unit-of-work.ts';
import { CONTRACT_AMOUNT_MAX_CENTS, parseMoneyCents } from '../../domain/deals/money.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDate } from '../../lib/format-time.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { mayRecordPayment } from './deal-access.ts';
import { noteInDealThread, refreshDealCard } from './deal-messages.ts';
import { approvedLoanCents, nextStep, planOf } from './deal-plan.ts';
import { closeAsSold, reapplyPayments } from './record-payment.ts';
import { actableDeal } from './sign-contract.ts';
import { tFor } from '../../i18n/index.ts';
import { localeOf } from '../org/locale-of.ts';

/**
 * The next step of the mortgage (documents collected → submitted → approved → disbursed) or of the
 * registration (submitted → registered), with its date. At disbursement the loan amount is received
 * as a payment; collected documents and a registered contract close their due items.
 */
export async function advanceDealStep(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  actorId: string;
  dealId: number;
  track: 'mortgage' | 'registration';
  date: string;
  amount?: string;
  viewId?: string;
}): Promise<
  { ok: true; step: string } | { ok: false; errors: Record<string, string>; params?: Record<string, string> }
> {
  const { chart } = o;
  const found = await findDeal(o.db, chart.data.orgId, o.dealId);
  // the same modal submitted again (a double click, a retry): the step was taken once
  const taken = o.viewId ? planOf(found?.plan ?? null)[o.track].find((e) => e.viewId === o.viewId) : undefined;
  if (taken) return { ok: true, step: taken.step };
  // the site office (the secretary) chases these with the owner's chain; a sold deal may still be registered
  const stages = o.track === 'registration' ? ['contracted', 'sold'] : ['contracted'];
  const deal =
    found && mayRecordPayment(chart, o.actorId, found.ownerId) && stages.includes(found.stage)
      ? found
      : await actableDeal(o, stages);
  if (o.track === 'mortgage' && deal.paymentMethod !== 'mortgage')
    throw new AppError(ErrorCode.InvalidInput, {}, 'no mortgage', 'deal.wrong_stage');
  const plan = planOf(deal.plan);
  const step = nextStep(plan, o.track);
  if (!step) throw new AppError(ErrorCode.InvalidInput, {}, 'track complete', 'deal.wrong_stage');
  const now = o.clock.now();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.date) || o.date > formatDate(now, chart.data.timezone))
    return { ok: false, errors: { date: 'date' } };
  let loanCents: number | undefined;
  if (step === 'disbursed') {
    const disbursed = await disbursedAmount(o.db, deal.id, o.amount);
    if (!disbursed.ok) return disbursed;
    loanCents = disbursed.cents;
  }
  const entry = {
    step,
    date: o.date,
    by: o.actorId,
    ...(loanCents ? { amountCents: loanCents } : {}),
    ...(o.viewId ? { viewId: o.viewId } : {}),
  };
  await transaction(o.db, async (tx) => {
    const next = { ...plan, [o.track]: [...plan[o.track], entry] };
    await setDealPlan(tx, deal.id, JSON.stringify(next));
    await recordDealChange(tx, {
      dealId: deal.id,
      from: deal.stage,
      to: deal.stage,
      by: o.actorId,
      at: now,
      note: `${o.track}:${step}`,
    });
    if (step === 'docs_collected') await setStepDone(tx, deal.id, 'mortgage_docs', now);
    if (o.track === 'registration' && step === 'registered') await setStepDone(tx, deal.id, 'registration', now);
    if (loanCents)
      await receiveLoan(tx, { chart, deal, loanCents, date: o.date, by: o.actorId, now, viewId: o.viewId });
    await recordAudit(tx, {
      orgId: deal.orgId,
      actor: o.actorId,
      action: `deal.${o.track}`,
      subject: `deal:${deal.id}`,
      detail: entry,
      at: now,
    });
    const params = {
      step: stepLabel(chart, deal.ownerId, o.track, step),
      date: o.date,
      by: escapeMrkdwn(chart.nameOf(o.actorId)),
    };
    await noteInDealThread(tx, chart, deal, { key: 'deal.step.noted', params }, now);
    await refreshDealCard(tx, chart, deal.id, now);
  }).catch((error: unknown) => {
    // two submits of the disbursement at once: the loan's payment is unique to its modal
    if (!(o.viewId && isUniqueViolation(error))) throw error;
  });
  return { ok: true, step };
}

/** The loan amount typed at 銀行已放款: an amount, and never more than the contract's loan. */
async function disbursedAmount(
  db: Db,
  dealId: number,
  amount: string | undefined,
): Promise<
  { ok: true; cents: number } | { ok: false; errors: Record<string, string>; params?: Record<string, string> }
> {
  const parsed = parseMoneyCents(amount, CONTRACT_AMOUNT_MAX_CENTS);
  if (!parsed.ok) return { ok: false, errors: { amount: `money.${parsed.error}` } };
  // more than the loan would quietly pay part of the buyer's own down payment
  const loan = await approvedLoanCents(db, dealId);
  if (parsed.cents > loan)
    return { ok: false, errors: { amount: 'loan_above_approved' }, params: { maxCents: String(loan) } };
  return { ok: true, cents: parsed.cents };
}

function stepLabel(chart: OrgChart, personId: string, track: 'mortgage' | 'registration', step: string): string {
  return tFor(localeOf(chart, personId), `deal.step.${track}`, step);
}

/** The loan disbursed is received as a payment (and counts toward 回款金額); paid up, the deal is sold. */
async function receiveLoan(
  tx: Tx,
  o: { chart: OrgChart; deal: Deal; loanCents: number; date: string; by: string; now: Date; viewId?: string },
): Promise<void> {
  const now = o.now;
  const paymentId = await insertPayment(tx, {
    sourceViewId: o.viewId,
    orgId: o.deal.orgId,
    dealId: o.deal.id,
    amountCents: o.loanCents,
    receivedOn: o.date,
    kind: 'payment',
    payer: 'bank',
    by: o.by,
    at: now,
  });
  await countCollection(tx, { chart: o.chart, deal: o.deal, paymentId, cents: o.loanCents, by: o.by, now });
  const left = await reapplyPayments(tx, o.deal.id, now);
  if (left < 0) throw new AppError(ErrorCode.InvalidInput, {}, 'loan above owed', 'deal.payment.concurrent');
  if (left === 0) await closeAsSold(tx, o.chart, o.deal, o.by, now);
}
