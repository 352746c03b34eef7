import type { ModalView } from '@slack/types';
import type { ListenerRouter } from '../listener-router.ts';
import { randomUUID } from 'node:crypto';
import { t, tFor, type Locale } from '../../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../../lib/text.ts';
import { checkOrderEntry, type EntryProblem, type OrderDraft } from '../../../services/orders/check-order.ts';
import { rejectOrder } from '../../../services/orders/decide-order.ts';
import { placeOrder } from '../../../services/orders/place-order.ts';
import { closeNeed } from '../../../services/orders/replenishment.ts';
import { OrderIds } from '../../../views/ids.ts';
import { orderConfirmModal } from '../../../views/orders/order-modal.ts';
import { saveSubmission } from '../save-submission.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, requireMember } from '../asker-of.ts';
import { readMetadata, readViewValues } from '../read-view-values.ts';

/** What the confirmation carries to the placing, compactly (private_metadata holds 3,000 characters). */
interface ConfirmMeta {
  a: number;
  l: [string, number, number][];
  d: string;
  n: string;
  k: string;
  e?: number;
}

const metaOf = (draft: OrderDraft): string =>
  JSON.stringify({
    a: draft.accountId,
    l: draft.lines.map((l) => [l.sku, l.quantity, l.priceCents]),
    d: draft.requestedOn,
    n: draft.note,
    k: randomUUID(),
    ...(draft.needId ? { e: draft.needId } : {}),
  } satisfies ConfirmMeta);

const draftOf = (m: ConfirmMeta): OrderDraft => ({
  accountId: Number(m.a),
  lines: (m.l ?? []).map(([sku, quantity, priceCents]) => ({ sku: String(sku), quantity, priceCents })),
  requestedOn: String(m.d),
  note: String(m.n ?? ''),
  ...(m.e ? { needId: Number(m.e) } : {}),
});

export const problemText = (p: EntryProblem, locale: Locale): string =>
  tFor(locale, 'order.reason', p.reason, {
    line: 1,
    names: '',
    ...p.params,
    value: escapeMrkdwn(truncate(String(p.params?.value ?? ''), 60)),
  });

/** The order form, its confirmation, and the reasons asked by a rejection or a need closed. */
export function registerOrderSubmissions(app: ListenerRouter, ctx: AppContext): void {
  app.view(OrderIds.entryCallback, async ({ ack, view, body, context, client }) => {
    const asker = askerOf(context);
    let confirm: ModalView | undefined;
    await saveSubmission({ ack, ctx, asker, field: OrderIds.linesBlock }, async () => {
      requireMember(asker);
      const values = readViewValues(view);
      const text = (id: string) => String(values[id] ?? '');
      const checked = await checkOrderEntry({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        askerId: body.user.id,
        fields: {
          account: text(OrderIds.accountBlock),
          lines: text(OrderIds.linesBlock),
          requestedOn: text(OrderIds.dateBlock),
          note: text(OrderIds.noteBlock),
        },
        needId: readMetadata<{ needId?: number }>(view)?.needId,
      });
      if (checked.kind === 'problem') return { [checked.field]: problemText(checked, asker.locale) };
      confirm = orderConfirmModal({ locale: asker.locale, preview: checked.preview, metadata: metaOf(checked.draft) });
    });
    const trigger = 'trigger_id' in body ? String(body.trigger_id) : '';
    if (confirm) await client.views.open({ trigger_id: trigger, view: confirm });
  });

  app.view(OrderIds.confirmCallback, async ({ ack, view, body, context, client }) => {
    const asker = askerOf(context);
    let refused: string | undefined;
    await saveSubmission({ ack, ctx, asker, field: OrderIds.linesBlock }, async () => {
      requireMember(asker);
      const meta = readMetadata<ConfirmMeta>(view);
      if (!meta) return;
      const draft = draftOf(meta);
      const placed = await placeOrder({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        askerId: body.user.id,
        draft,
        key: meta.k,
      });
      if (placed.kind === 'problem') refused = problemText(placed, asker.locale);
    });
    // the confirmation has no field to show it under: the refusal comes as a DM
    if (refused)
      await client.chat.postMessage({
        channel: body.user.id,
        text: t(asker.locale, 'order.refused_at_confirm', { why: refused }),
      });
  });

  app.view(OrderIds.rejectCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    await saveSubmission({ ack, ctx, asker, field: OrderIds.reasonBlock }, async () => {
      const reason = String(readViewValues(view)[OrderIds.reasonBlock] ?? '').trim();
      if (!reason) return { [OrderIds.reasonBlock]: t(asker.locale, 'order.reason.required') };
      const orderId = Number(view.private_metadata);
      await rejectOrder({ db: ctx.db, clock: ctx.clock, chart: asker.chart, orderId, deciderId: body.user.id, reason });
    });
  });

  app.view(OrderIds.closeNeedCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    await saveSubmission({ ack, ctx, asker, field: OrderIds.reasonBlock }, async () => {
      const reason = String(readViewValues(view)[OrderIds.reasonBlock] ?? '').trim();
      if (!reason) return { [OrderIds.reasonBlock]: t(asker.locale, 'order.reason.required') };
      const needId = Number(view.private_metadata);
      await closeNeed({ db: ctx.db, clock: ctx.clock, chart: asker.chart, askerId: body.user.id, needId, reason });
    });
  });
}
