import type { ListenerRouter } from '../listener-router.ts';
import { t } from '../../../i18n/index.ts';
import { decideDiscount } from '../../../services/deals/decide-discount.ts';
import { DealIds } from '../../../views/deals/deal-ids.ts';
import { saveSubmission } from '../save-submission.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf } from '../asker-of.ts';
import { readMetadata, readViewValues } from '../read-view-values.ts';

/** The PM's 不核准 modal: the discount is declined with the reason given, or the modal asks for one. */
export function registerDealDiscountSubmissions(app: ListenerRouter, ctx: AppContext): void {
  app.view(DealIds.declineDiscountCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    const field = DealIds.declineReasonBlock;
    const reason = String(readViewValues(view)[field] ?? '').trim();
    if (!reason)
      return void (await ack({
        response_action: 'errors',
        errors: { [field]: t(asker.locale, 'deal.discount.reason_missing') },
      }));
    await saveSubmission({ ack, ctx, asker, field }, async () => {
      const meta = readMetadata<{ dealId: number }>(view);
      await decideDiscount({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        dealId: Number(meta?.dealId),
        deciderId: body.user.id,
        approve: false,
        reason,
      });
    });
  });
}
