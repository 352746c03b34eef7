import type { ListenerRouter } from '../listener-router.ts';
import { t } from '../../../i18n/index.ts';
import { logCall } from '../../../services/accounts/log-phone-call.ts';
import { PhoneCallIds } from '../../../views/ids.ts';
import type { PhoneListMessageRef } from '../../../views/accounts/phone-call-views.ts';
import { saveSubmission } from '../save-submission.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, requireMember } from '../asker-of.ts';
import { readMetadata, readViewValues } from '../read-view-values.ts';

/** A phone call logged from the week's list: a bad field is named under it, and nothing is stored. */
export function registerPhoneCallSubmissions(app: ListenerRouter, ctx: AppContext): void {
  app.view(PhoneCallIds.logCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    await saveSubmission({ ack, ctx, asker, field: PhoneCallIds.outcomeBlock }, async () => {
      requireMember(asker);
      const meta = readMetadata<{ callId: number; list?: PhoneListMessageRef }>(view);
      const values = readViewValues(view);
      const read = (block: string) =>
        values[block] === null || values[block] === undefined ? '' : String(values[block]);
      const result = await logCall({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        askerId: body.user.id,
        callId: meta?.callId ?? 0,
        list: meta?.list,
        fields: {
          outcome: read(PhoneCallIds.outcomeBlock),
          notes: read(PhoneCallIds.notesBlock),
          next: read(PhoneCallIds.nextBlock),
          replenishment: read(PhoneCallIds.replenishmentBlock),
        },
      });
      if (result.kind === 'logged') return;
      const message = result.max
        ? t(asker.locale, 'phone.too_long', { max: result.max })
        : t(asker.locale, 'phone.outcome_required');
      return { [result.field]: message };
    });
  });
}
