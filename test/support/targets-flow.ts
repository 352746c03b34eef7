import { expect } from 'vitest';
import type { FixedClock } from '../../src/lib/clock.ts';
import type { Harness } from './harness.ts';
import { dmsTo, openedView, settle } from './visit-flow.ts';

/** Opens App Home as the user (app_home_opened) and returns the view then published for them, as JSON text. */
export async function openedHome(h: Harness, userId: string): Promise<string> {
  const homes = () =>
    h.fake
      .callsTo('views.publish')
      .filter((c) => c.args.user_id === userId)
      .map((c) => JSON.stringify(c.args.view));
  const before = homes().length;
  await h.driver.event({ type: 'app_home_opened', user: userId, channel: `D${userId.slice(1)}`, tab: 'home' });
  await expect.poll(() => homes().length).toBeGreaterThan(before);
  return homes().at(-1) ?? '';
}

/** A person's target stored as `/targets set` stores it (whole units: a percent, or cents for money). */
export async function personTarget(
  h: Harness,
  o: { person: string; metric: string; value: number; period: string; setBy: string },
): Promise<void> {
  await h.bot.db.target.create({
    data: {
      ...{ orgId: 1, period: o.period, scopeKind: 'person', scopeId: o.person, metric: o.metric, value: o.value },
      ...{ setBy: o.setBy, setAt: h.clock.now() },
    },
  });
}

/** November's scorecards sent (Thursday 3 December, the 3rd working day): the 覆蓋率 line of the user's. */
export async function novemberCoverageLine(h: Harness, clock: FixedClock, userId: string): Promise<string> {
  clock.set('2026-12-03T01:05:00Z');
  await h.bot.scheduler.tick();
  await h.flushOutbox();
  await settle(h);
  const [card] = dmsTo(h, userId)
    .filter((m) => m.text.includes('考評'))
    .map((m) => m.text);
  return card?.split('\n').find((l) => l.includes('覆蓋率')) ?? '';
}

/** The GM's company target for November split across markets (`/targets set`), refused on nothing. */
export async function splitNovember(h: Harness, parent: string, markets: Record<string, string>): Promise<void> {
  const company = await openedView(h, () => h.driver.command('U0GENMGR01', '/targets', 'set 2026-11'));
  expect((await h.driver.submitView('U0GENMGR01', company, { parent, ...markets })).text).toBe('');
}

/** November's sales amount for an account recorded with `/sales` by the person themselves. */
export async function recordNovemberSale(h: Harness, user: string, account: string, value: string): Promise<void> {
  const view = await openedView(h, () => h.driver.command(user, '/sales'));
  const figure = { person: user, account, month: '2026-11', metric: 'amount', value };
  expect((await h.driver.submitView(user, view, figure)).text).toBe('');
}
