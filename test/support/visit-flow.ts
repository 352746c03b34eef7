import type { StoredMessage, StoredView } from '../../src/fake-slack/workspace-state.ts';
import type { InputValue } from '../../src/fake-slack/slack-driver.ts';
import type { Harness } from './harness.ts';

/** Opens the modal a slash command (or a button) opens, and returns it as the fake holds it. */
export async function openedView(h: Pick<Harness, 'fake'>, action: () => Promise<unknown>): Promise<StoredView> {
  const before = h.fake.callsTo('views.open').length;
  await action();
  await waitFor(() => h.fake.callsTo('views.open').length > before, 'a modal to open');
  const call = h.fake.callsTo('views.open')[before];
  const id = String((call.response.view as { id: string }).id);
  return h.fake.state.views.get(id)!;
}

export function visitValues(
  h: Pick<Harness, 'clock'>,
  overrides: Record<string, InputValue> = {},
): Record<string, InputValue> {
  return {
    customerName: '林小姐',
    phone: '138 1234 5678',
    visitAt: Math.floor(h.clock.now().getTime() / 1000) - 3600,
    partySize: '2',
    source: 'referral',
    visitType: 'first',
    grade: 'A',
    budget: '300-400萬',
    unitType: '三房',
    notes: '想看南向戶型',
    ...overrides,
  };
}

/** Files a registration through /visit and the modal; returns the submission's HTTP answer. */
export async function fileVisitAs(h: Harness, userId: string, overrides: Record<string, InputValue> = {}) {
  const view = await openedView(h, () => h.driver.command(userId, '/visit'));
  const response = await h.driver.submitView(userId, view, visitValues(h, overrides));
  await h.flushOutbox();
  return { view, response };
}

/** The registration stored last. */
export const latestVisit = (h: Pick<Harness, 'bot'>) => h.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });

/** The message (kept in the fake workspace) whose header names this registration. */
export function approvalMessageOf(h: Pick<Harness, 'fake'>, visitId: number): StoredMessage {
  const found = h.fake.state.messages.find(
    (m) =>
      !m.onlyFor &&
      JSON.stringify(m.blocks ?? []).includes(`#${visitId} `) &&
      JSON.stringify(m.blocks ?? []).includes('visit_details'),
  );
  if (!found) throw new Error(`no approval message for #${visitId}`);
  return found;
}

export const blocksText = (message: { text?: string; blocks?: unknown[] } | undefined): string =>
  JSON.stringify(message?.blocks ?? []) + (message?.text ?? '');

/** DMs to a user (their D… channel), newest last. */
export function dmsTo(h: Harness, userId: string): StoredMessage[] {
  return h.fake.state.inChannel(userId);
}

/**
 * The private answers Slack delivered since call `from` (h.fake.calls.length then), in order: one to
 * someone outside the conversation fails there (and goes to their DM instead), so is not among them.
 */
export function ephemeralsSince(h: Pick<Harness, 'fake'>, from: number): { user: unknown; text: string }[] {
  return h.fake.calls
    .slice(from)
    .filter((c) => c.method === 'chat.postEphemeral' && c.response.ok)
    .map((c) => ({ user: c.args.user, text: String(c.args.text) }));
}

/** Lets the listeners that run after an ack finish, then delivers what they queued. */
export async function settle(h: Harness): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 150));
  await h.flushOutbox();
}

/** Waits until a registration reaches a status, then delivers what that queued. */
export async function untilStatus(h: Harness, visitId: number, status: string): Promise<void> {
  await waitFor(
    async () => (await h.bot.db.visit.findUniqueOrThrow({ where: { id: visitId } })).status === status,
    `visit ${visitId} to be ${status}`,
  );
  await h.flushOutbox();
}

/** Polls until a condition holds (usable in hooks, unlike expect.poll). */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
