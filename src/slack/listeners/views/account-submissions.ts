import type { ListenerRouter } from '../listener-router.ts';
import { tFor } from '../../../i18n/index.ts';
import { newAccount } from '../../../services/accounts/new-account.ts';
import { fieldOfReason } from '../../../views/accounts/account-modal.ts';
import { AccountIds } from '../../../views/ids.ts';
import { saveSubmission } from '../save-submission.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, requireMember } from '../asker-of.ts';
import { readViewValues } from '../read-view-values.ts';

/** The `/account new` form: added by the SSG, or sent to the SSG for approval by a KAM. */
export function registerAccountSubmissions(app: ListenerRouter, ctx: AppContext): void {
  app.view(AccountIds.newCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    await saveSubmission({ ack, ctx, asker, field: 'code', unexpected: 'visit.error.save_failed' }, async () => {
      requireMember(asker);
      const values = readViewValues(view);
      const fields = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === null ? '' : String(v)]));
      const result = await newAccount({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        askerId: body.user.id,
        fields,
        viewId: view.id,
      });
      if (result.kind !== 'problem') return;
      const reason = tFor(asker.locale, 'account.reason', result.reason, { value: result.value ?? '' });
      return { [fieldOfReason(result.reason, result.value)]: reason };
    });
  });
}
