import type { ListenerRouter } from '../listener-router.ts';
import { unitsBoard } from '../../../services/deals/units-board.ts';
import { UNITS_OPEN_ACTION, unitsBoardModal } from '../../../views/deals/units-home.ts';
import type { AppContext } from '../../app-context.ts';
import { onButton } from '../on-button.ts';

/** App Home's 查看 beside a building: that building's board in a modal, for those who may see the board. */
export function registerUnitsActions(app: ListenerRouter, ctx: AppContext): void {
  onButton(app, ctx, UNITS_OPEN_ACTION, async ({ body, client, asker, value }) => {
    const board = await unitsBoard({ db: ctx.db, chart: asker.chart, viewerId: body.user.id, words: [value] });
    await client.views.open({ trigger_id: body.trigger_id, view: unitsBoardModal(board, asker.locale) });
  });
}
