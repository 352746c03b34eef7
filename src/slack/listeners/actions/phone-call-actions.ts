import type { ListenerRouter } from '../listener-router.ts';
import { callToLog } from '../../../services/accounts/log-phone-call.ts';
import { OSB_FROM_CALL, osbFromCall } from '../../../services/accounts/osb-from-call.ts';
import { issueModal } from '../../../views/issues/issue-modals.ts';
import { phoneLogModal } from '../../../views/accounts/phone-call-views.ts';
import { PhoneCallIds } from '../../../views/ids.ts';
import type { AppContext } from '../../app-context.ts';
import { onButton } from '../on-button.ts';

/** 記錄 on a call of the week's list: its caller (or the SSG leader) gets the log modal, which names the list. */
export function registerPhoneCallActions(app: ListenerRouter, ctx: AppContext): void {
  onButton(app, ctx, PhoneCallIds.log, async ({ body, client, asker, value }) => {
    const call = await callToLog({ db: ctx.db, chart: asker.chart, askerId: body.user.id, callId: Number(value) });
    // the Monday DM is rewritten as the call is logged; an answer to `/account calls` (ephemeral) cannot be
    const channel = body.container?.channel_id ?? body.channel?.id;
    const ts = body.container?.message_ts ?? body.message?.ts;
    const list = channel && ts && !body.container?.is_ephemeral ? { channel, ts } : undefined;
    await client.views.open({ trigger_id: body.trigger_id, view: phoneLogModal({ locale: asker.locale, call, list }) });
  });

  // 開 OSB 問題 on the confirmation of a logged call: `/issue`'s modal, OSB, prefilled with the account
  onButton(app, ctx, PhoneCallIds.openOsb, async ({ body, client, asker, value }) => {
    const prefill = await osbFromCall({ db: ctx.db, chart: asker.chart, askerId: body.user.id, callId: Number(value) });
    await client.views.open({
      trigger_id: body.trigger_id,
      view: issueModal(asker.locale, OSB_FROM_CALL, { prefill }),
    });
  });
}
