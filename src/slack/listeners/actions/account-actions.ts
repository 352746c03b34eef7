import type { ListenerRouter } from '../listener-router.ts';
import { decideAccountRequest } from '../../../services/accounts/decide-account-request.ts';
import { AccountIds } from '../../../views/ids.ts';
import type { AppContext } from '../../app-context.ts';
import { onButton } from '../on-button.ts';

/** The SSG's buttons on a KAM's new-account request. */
export function registerAccountActions(app: ListenerRouter, ctx: AppContext): void {
  for (const [actionId, approve] of [
    [AccountIds.approve, true],
    [AccountIds.refuse, false],
  ] as const)
    onButton(app, ctx, actionId, ({ body, asker, value }) =>
      decideAccountRequest({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        requestId: Number(value),
        deciderId: body.user.id,
        approve,
      }),
    );
}
