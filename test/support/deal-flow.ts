import { formatMoney } from '../../src/domain/deals/money.ts';
import type { StoredMessage } from '../../src/fake-slack/workspace-state.ts';
import type { Harness } from './harness.ts';
import { approvalMessageOf, blocksText, dmsTo, fileVisitAs, openedView, settle, untilStatus } from './visit-flow.ts';

/** Opens a customer file for the salesperson, approved by their team lead; returns its card. */
export async function customerCardOf(
  h: Harness,
  salesperson: string,
  phone: string,
  name: string,
): Promise<StoredMessage> {
  await fileVisitAs(h, salesperson, { phone, customerName: name });
  const visit = await h.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
  await h.driver.clickButton(visit.approverId!, approvalMessageOf(h, visit.id), 'visit_approve');
  await untilStatus(h, visit.id, 'approved');
  return structuredClone(
    dmsTo(h, salesperson)
      .filter((m) => blocksText(m).includes('deal_new') && blocksText(m).includes(name))
      .at(-1)!,
  );
}

/** Reserves a unit from a customer card through the modal; returns the deal's id. */
export async function reserve(
  h: Harness,
  user: string,
  card: StoredMessage,
  unit: { building: string; number: string },
  more: Record<string, string> = {},
): Promise<number> {
  const row = await h.bot.db.unit.findFirstOrThrow({ where: unit });
  const view = await openedView(h, () => h.driver.clickButton(user, card, 'deal_new'));
  const answer = await h.driver.submitView(user, view, {
    unit: String(row.id),
    deposit: '50,000',
    depositDate: '2026-11-26',
    signBy: '2026-12-03',
    ...more,
  });
  if (answer.json?.errors) throw new Error(JSON.stringify(answer.json.errors));
  await settle(h);
  return (await h.bot.db.deal.findFirstOrThrow({ where: { unitId: row.id }, orderBy: { id: 'desc' } })).id;
}

/** The deal's card as its owner sees it now. */
export function dealCardOf(h: Harness, owner: string, dealId: number): StoredMessage {
  const card = dmsTo(h, owner).find((m) => m.text?.includes(`成交 #${dealId}*`) && !m.threadTs);
  if (!card) throw new Error(`no card for deal ${dealId}`);
  return structuredClone(card);
}

/** Clicks a button on the deal's card and submits the modal it opens; returns the modal's answer. */
export async function actOnDeal(
  h: Harness,
  user: string,
  owner: string,
  dealId: number,
  actionId: string,
  values: Record<string, string>,
): Promise<Record<string, string> | undefined> {
  const view = await openedView(h, () => h.driver.clickButton(user, dealCardOf(h, owner, dealId), actionId));
  const answer = await h.driver.submitView(user, view, values);
  await settle(h);
  return answer.json?.errors as Record<string, string> | undefined;
}

/** The owner asks to cancel (退訂) the deal for `reason`; the PM approves it with the button on the request. */
export async function cancelApprovedByPm(
  h: Harness,
  o: { owner: string; pm: string; dealId: number; reason: string },
): Promise<void> {
  await actOnDeal(h, o.owner, o.owner, o.dealId, 'deal_cancel', { reason: o.reason });
  const request = dmsTo(h, o.pm)
    .filter((m) => blocksText(m).includes('deal_cancel_approve'))
    .at(-1)!;
  await h.driver.clickButton(o.pm, request, 'deal_cancel_approve');
  await settle(h);
}

/** An amount in cents as typed in a modal (yuan), and as the site's cards print it (CNY, zh-Hant). */
export const yuan = (cents: number): string => String(cents / 100);
export const cny = (cents: number): string => formatMoney(cents, 'CNY', 'zh-Hant');

/** The visit analyses posted to the site's planning channel that carry the deals' 成交轉化, as text. */
export const dealAnalyses = (h: Harness): string[] =>
  h.fake.state
    .inChannel('C0PLANNING1')
    .map((m) => blocksText(m))
    .filter((text) => text.includes('成交轉化'));

/** Moves the clock to `iso` and runs what is due then, as the scheduler would, and delivers it. */
export async function tickAt(h: Harness, clock: { set(iso: string): void }, iso: string): Promise<void> {
  clock.set(iso);
  await h.bot.scheduler.tick();
  await h.flushOutbox();
}

/** The PM declines a discount: 不核准 on the request opens the modal asking why, submitted with `reason`. */
export async function declineDiscount(h: Harness, pm: string, request: StoredMessage, reason: string) {
  const view = await openedView(h, () => h.driver.clickButton(pm, structuredClone(request), 'deal_discount_decline'));
  const answer = await h.driver.submitView(pm, view, { reason });
  await settle(h);
  return answer.json?.errors as Record<string, string> | undefined;
}
