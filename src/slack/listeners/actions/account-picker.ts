import type { ListenerRouter } from '../listener-router.ts';
import { pickAccounts } from '../../../services/accounts/pick-account.ts';
import { accountOptions } from '../../../views/accounts/account-options.ts';
import { inputActionId } from '../../../views/ids.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf } from '../asker-of.ts';

/** `/visit` on a brand: the account select's options, searched in the register as the asker types. */
export function registerAccountPicker(app: ListenerRouter, ctx: AppContext): void {
  app.options(inputActionId('account'), async ({ ack, options, context }) => {
    const asker = askerOf(context);
    try {
      const found = await pickAccounts({
        db: ctx.db,
        chart: asker.chart,
        askerId: options.user.id,
        query: options.value,
      });
      await ack(accountOptions(found));
    } catch (error) {
      await ack({ options: [] });
      throw error;
    }
  });
}
