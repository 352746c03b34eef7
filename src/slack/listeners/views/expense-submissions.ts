import type { ListenerRouter } from '../listener-router.ts';
import { formatMoney } from '../../../domain/deals/money.ts';
import { currencyOf } from '../../../domain/org/currency-of.ts';
import { validateClaim, type RawClaim } from '../../../domain/expenses/claim-input.ts';
import { CLAIM_AMOUNT_MAX_CENTS, expenseCategories } from '../../../domain/expenses/expense-rules.ts';
import { t } from '../../../i18n/index.ts';
import { formatDate } from '../../../lib/format-time.ts';
import { claimAccount } from '../../../services/expenses/claim-account.ts';
import { returnClaim } from '../../../services/expenses/decide-claim.ts';
import { resubmitClaim } from '../../../services/expenses/resubmit-claim.ts';
import { submitClaim } from '../../../services/expenses/submit-claim.ts';
import { claimErrorText } from '../../../views/expenses/claim-modal.ts';
import { ExpenseIds } from '../../../views/ids.ts';
import type { AppContext } from '../../app-context.ts';
import type { Asker } from '../../middleware/identify-asker.ts';
import { askerOf, requireMember } from '../asker-of.ts';
import { readMetadata, readViewValues } from '../read-view-values.ts';
import { saveSubmission } from '../save-submission.ts';

/**
 * Reads a submitted claim; field errors in the asker's language, or the checked claim with its account
 * as the register names it (a brand's) or as typed (a site's).
 */
async function readClaim(
  ctx: AppContext,
  asker: Asker,
  view: Parameters<typeof readViewValues>[0],
  claimantId: string,
) {
  const { chart, locale } = asker;
  const checked = validateClaim(readViewValues(view) as RawClaim, {
    categories: expenseCategories(chart),
    today: formatDate(ctx.clock.now(), chart.data.timezone),
  });
  if (checked.ok) {
    const account = await claimAccount({ db: ctx.db, chart, claimantId, account: checked.input.account });
    if (account === null)
      return {
        ok: false as const,
        errors: { account: claimErrorText(locale, { field: 'account', problem: 'not_in_register' }, '') },
      };
    return { ok: true as const, input: { ...checked.input, account } };
  }
  const max = formatMoney(CLAIM_AMOUNT_MAX_CENTS, currencyOf(chart), locale);
  const errors: Record<string, string> = {};
  for (const problem of checked.problems) errors[problem.field] ??= claimErrorText(locale, problem, max);
  return { ok: false as const, errors };
}

/** A new claim, a returned claim resubmitted, and the reason a claim is returned with. */
export function registerExpenseSubmissions(app: ListenerRouter, ctx: AppContext): void {
  app.view(ExpenseIds.fileCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    await saveSubmission({ ack, ctx, asker, field: 'amount', unexpected: 'visit.error.save_failed' }, async () => {
      requireMember(asker);
      const read = await readClaim(ctx, asker, view, body.user.id);
      if (!read.ok) return read.errors;
      await submitClaim({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        claimantId: body.user.id,
        input: read.input,
        viewId: view.id,
      });
    });
  });

  app.view(ExpenseIds.resubmitCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    await saveSubmission({ ack, ctx, asker, field: 'amount', unexpected: 'visit.error.save_failed' }, async () => {
      requireMember(asker);
      const read = await readClaim(ctx, asker, view, body.user.id);
      if (!read.ok) return read.errors;
      const meta = readMetadata<{ claimId: number }>(view);
      await resubmitClaim({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        claimId: Number(meta?.claimId),
        editorId: body.user.id,
        input: read.input,
      });
    });
  });

  app.view(ExpenseIds.returnCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    const reason = String(readViewValues(view)[ExpenseIds.returnReasonBlock] ?? '').trim();
    if (!reason)
      return void (await ack({
        response_action: 'errors',
        errors: {
          [ExpenseIds.returnReasonBlock]: t(asker.locale, 'expense.error.required', {
            field: t(asker.locale, 'expense.return.reason'),
          }),
        },
      }));
    await saveSubmission({ ack, ctx, asker, field: ExpenseIds.returnReasonBlock }, async () => {
      const meta = readMetadata<{ claimId: number }>(view);
      await returnClaim({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        claimId: Number(meta?.claimId),
        deciderId: body.user.id,
        reason,
      });
    });
  });
}
