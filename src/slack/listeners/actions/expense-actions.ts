import type { ListenerRouter } from '../listener-router.ts';
import { expenseCategories } from '../../../domain/expenses/expense-rules.ts';
import { figureInput } from '../../../domain/targets/figures.ts';
import { formatDate } from '../../../lib/format-time.ts';
import { approveClaim, loadDecidableClaim } from '../../../services/expenses/decide-claim.ts';
import { loadEditableClaim } from '../../../services/expenses/resubmit-claim.ts';
import { hasAccountRegister } from '../../../services/accounts/pick-account.ts';
import { claimModal } from '../../../views/expenses/claim-modal.ts';
import { ExpenseIds } from '../../../views/ids.ts';
import { reasonModal } from '../../../views/reason-modal.ts';
import type { AppContext } from '../../app-context.ts';
import { onButton } from '../on-button.ts';

/** The buttons on a claim's card: approve, return with a reason, and edit after a return. */
export function registerExpenseActions(app: ListenerRouter, ctx: AppContext): void {
  onButton(app, ctx, ExpenseIds.approve, ({ body, asker, value }) =>
    approveClaim({ db: ctx.db, clock: ctx.clock, chart: asker.chart, claimId: Number(value), deciderId: body.user.id }),
  );

  onButton(app, ctx, ExpenseIds.return, async ({ body, client, asker, value }) => {
    const claim = await loadDecidableClaim({
      db: ctx.db,
      chart: asker.chart,
      claimId: Number(value),
      deciderId: body.user.id,
    });
    const view = reasonModal({
      locale: asker.locale,
      callbackId: ExpenseIds.returnCallback,
      privateMetadata: JSON.stringify({ claimId: claim.id }),
      titleKey: 'expense.return.title',
      labelKey: 'expense.return.reason',
      submitKey: 'expense.return.submit',
      blockId: ExpenseIds.returnReasonBlock,
    });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });

  onButton(app, ctx, ExpenseIds.edit, async ({ body, client, asker, value }) => {
    const claim = await loadEditableClaim({
      db: ctx.db,
      chart: asker.chart,
      claimId: Number(value),
      editorId: body.user.id,
    });
    const view = claimModal({
      locale: asker.locale,
      categories: expenseCategories(asker.chart),
      today: formatDate(ctx.clock.now(), asker.chart.data.timezone),
      callbackId: ExpenseIds.resubmitCallback,
      privateMetadata: JSON.stringify({ claimId: claim.id }),
      initial: { ...claim, amount: figureInput('amount', claim.amountCents) },
      accountPicker: await hasAccountRegister({ db: ctx.db, chart: asker.chart }),
      site: asker.chart.template !== 'brand-sales',
    });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });
}
