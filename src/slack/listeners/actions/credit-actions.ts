import type { ListenerRouter } from '../listener-router.ts';
import { AppError, ErrorCode } from '../../../lib/app-error.ts';
import { approveCredit } from '../../../services/accounts/credit-review.ts';
import { creditProposeModal } from '../../../views/accounts/credit-views.ts';
import { CreditIds } from '../../../views/ids.ts';
import type { AppContext } from '../../app-context.ts';
import { onButton } from '../on-button.ts';

/** The monthly review's buttons: the SSG leader proposes changes, the SLT approves them. */
export function registerCreditActions(app: ListenerRouter, ctx: AppContext): void {
  onButton(app, ctx, CreditIds.propose, async ({ body, client, asker, value }) => {
    if (asker.chart.firstWithRole('ssg_leader')?.slackId !== body.user.id)
      throw new AppError(ErrorCode.Forbidden, {}, 'not the SSG leader', 'account.credit.leader_only');
    await client.views.open({
      trigger_id: body.trigger_id,
      view: creditProposeModal({ locale: asker.locale, reviewId: Number(value) }),
    });
  });
  onButton(app, ctx, CreditIds.approve, ({ body, asker, value }) =>
    approveCredit({
      db: ctx.db,
      clock: ctx.clock,
      chart: asker.chart,
      reviewId: Number(value),
      deciderId: body.user.id,
    }),
  );
}
