import type { ListenerRouter } from '../listener-router.ts';
import { tFor, type Locale } from '../../../i18n/index.ts';
import { requestCancellation } from '../../../services/deals/cancel-deal.ts';
import { advanceDealStep } from '../../../services/deals/deal-steps.ts';
import { recordPayment } from '../../../services/deals/record-payment.ts';
import { signContract } from '../../../services/deals/sign-contract.ts';
import { currencyOf } from '../../../services/deals/deal-messages.ts';
import { CONTRACT_AMOUNT_MAX_CENTS, formatMoney } from '../../../domain/deals/money.ts';
import { DealIds } from '../../../views/deals/deal-ids.ts';
import { saveSubmission } from '../save-submission.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, requireMember } from '../asker-of.ts';
import { readMetadata, readViewValues } from '../read-view-values.ts';

type Answer = { ok: true } | { ok: false; errors: Record<string, string | undefined>; params?: Record<string, string> };

/** Field errors in the reader's language (deal.error.<reason>); the upper bound in the site's currency. */
function fieldErrors(result: Answer, locale: Locale, currency: string): Record<string, string> | undefined {
  if (result.ok) return undefined;
  // a bound in cents (maxCents) is named in the site's currency, as max
  const { maxCents, ...rest } = result.params ?? {};
  const max = maxCents === undefined ? CONTRACT_AMOUNT_MAX_CENTS : Number(maxCents);
  const params = { max: formatMoney(max, currency, locale), ...rest };
  return Object.fromEntries(
    Object.entries(result.errors)
      .filter((entry): entry is [string, string] => Boolean(entry[1]))
      .map(([field, reason]) => [field, tFor(locale, 'deal.error', reason, params)]),
  );
}

const str = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

/** The modals a deal card's buttons open: 簽約, 回款, a mortgage or registration step, 退訂. */
export function registerDealStepSubmissions(app: ListenerRouter, ctx: AppContext): void {
  const forms: [string, string][] = [
    [DealIds.signCallback, 'contractNo'],
    [DealIds.payCallback, 'amount'],
    [DealIds.stepCallback, 'date'],
    [DealIds.cancelCallback, 'reason'],
  ];
  for (const [callbackId, field] of forms) {
    app.view(callbackId, async ({ ack, view, body, context }) => {
      const asker = askerOf(context);
      const { locale, chart } = asker;
      await saveSubmission({ ack, ctx, asker, field }, async () => {
        requireMember(asker);
        const v = readViewValues(view);
        const meta = readMetadata<{ dealId: number; track?: 'mortgage' | 'registration' }>(view);
        const base = { db: ctx.db, clock: ctx.clock, chart, actorId: body.user.id, dealId: Number(meta?.dealId) };
        let result: Answer;
        if (callbackId === DealIds.signCallback) {
          const input = Object.fromEntries(
            Object.entries(v).map(([k, value]) => [k, value === null ? null : String(value)]),
          );
          result = await signContract({ ...base, input });
        } else if (callbackId === DealIds.payCallback)
          result = await recordPayment({
            ...base,
            amount: str(v.amount),
            receivedOn: str(v.receivedOn),
            note: str(v.note) || undefined,
            viewId: view.id,
          });
        else if (callbackId === DealIds.stepCallback)
          result = await advanceDealStep({
            ...base,
            track: meta?.track ?? 'registration',
            date: str(v.date),
            amount: str(v.amount),
            viewId: view.id,
          });
        else result = await requestCancellation({ ...base, reason: str(v.reason), refund: str(v.refund) });
        return fieldErrors(result, locale, currencyOf(chart));
      });
    });
  }
}
