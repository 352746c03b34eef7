import type { StoredView } from '../../src/fake-slack/workspace-state.ts';
import type { DriverResponse } from '../../src/fake-slack/slack-driver.ts';
import type { Harness } from './harness.ts';
import { openedView, waitFor } from './visit-flow.ts';

export const SSG_CHANNEL = 'C0SSGDESK1';

export interface OrderFields {
  account: string;
  lines: string;
  requested_on?: string;
  note?: string;
}

/** `/order`, the form filled and submitted: the confirmation that opened, or the form's refusal. */
export async function enterOrder(
  h: Harness,
  userId: string,
  fields: OrderFields,
  form?: StoredView,
): Promise<{ confirm?: StoredView; refused?: Record<string, string> }> {
  const entry = form ?? (await openedView(h, () => h.driver.command(userId, '/order')));
  const values = { requested_on: '2026-12-01', note: '', ...fields };
  const before = h.fake.callsTo('views.open').length;
  const answer = await h.driver.submitView(userId, entry, values);
  if (answer.json?.response_action === 'errors') return { refused: answer.json.errors as Record<string, string> };
  await waitFor(() => h.fake.callsTo('views.open').length > before, 'the confirmation to open');
  const call = h.fake.callsTo('views.open')[before];
  return { confirm: h.fake.state.views.get(String((call.response.view as { id: string }).id))! };
}

/** The confirmation submitted: the order is placed (or held) in one unit of work. */
export async function confirmOrder(h: Harness, userId: string, confirm: StoredView): Promise<DriverResponse> {
  return h.driver.submitView(userId, confirm, {});
}

/** Enters and confirms an order; returns the stored order. */
export async function placeOrderAs(h: Harness, userId: string, fields: OrderFields) {
  const { confirm, refused } = await enterOrder(h, userId, fields);
  if (!confirm) throw new Error(`order refused: ${JSON.stringify(refused)}`);
  await confirmOrder(h, userId, confirm);
  await h.flushOutbox();
  return h.bot.db.order.findFirstOrThrow({ orderBy: { id: 'desc' } });
}

/** Gives an account a credit line (the credit review's result) in integer cents. */
export async function setLimit(h: Harness, code: string, limitCents: number) {
  const account = await h.bot.db.account.findFirstOrThrow({ where: { code } });
  const row = { grade: 'B', limitCents: BigInt(limitCents), termsDays: 30, updatedAt: h.clock.now() };
  await h.bot.db.accountCredit.upsert({
    where: { accountId: account.id },
    create: { accountId: account.id, orgId: account.orgId, ...row },
    update: row,
  });
  return account;
}
