import type { ListenerRouter } from '../listener-router.ts';
import { tFor } from '../../../i18n/index.ts';
import { reserveUnit } from '../../../services/deals/reserve-unit.ts';
import { currencyOf } from '../../../services/deals/deal-messages.ts';
import { CONTRACT_AMOUNT_MAX_CENTS, formatMoney } from '../../../domain/deals/money.ts';
import { DealIds } from '../../../views/deals/deal-ids.ts';
import { saveSubmission } from '../save-submission.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, requireMember } from '../asker-of.ts';
import { readMetadata, readViewValues } from '../read-view-values.ts';

/** The 認購 modal: saved before the ack; a taken unit or bad input stays in the modal with the reason. */
export function registerDealSubmissions(app: ListenerRouter, ctx: AppContext): void {
  app.view(DealIds.reserveCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    const { locale, chart } = asker;
    await saveSubmission({ ack, ctx, asker, field: DealIds.unitBlock }, async () => {
      requireMember(asker);
      const values = readViewValues(view);
      const meta = readMetadata<{ customerId: number }>(view);
      const result = await reserveUnit({
        db: ctx.db,
        clock: ctx.clock,
        chart,
        actorId: body.user.id,
        customerId: Number(meta?.customerId ?? values[DealIds.customerBlock]),
        unitId: Number(values[DealIds.unitBlock]),
        input: {
          price: values[DealIds.priceBlock] as string | null,
          discount: values[DealIds.discountBlock] as string | null,
          deposit: values[DealIds.depositBlock] as string | null,
          depositDate: values[DealIds.depositDateBlock] as string | null,
          signBy: values[DealIds.signByBlock] as string | null,
        },
      });
      if (result.ok) return;
      // the upper bound of an amount, in the site's currency as the reader writes it
      const params = { max: formatMoney(CONTRACT_AMOUNT_MAX_CENTS, currencyOf(chart), locale), ...result.params };
      return Object.fromEntries(
        Object.entries(result.errors).map(([field, reason]) => [field, tFor(locale, 'deal.error', reason, params)]),
      );
    });
  });
}
