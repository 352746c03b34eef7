import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { waitFor } from '../support/visit-flow.ts';

// a trial: a stale button on App Home or inside a modal was acknowledged and answered nowhere
describe.each(PROVIDERS.slice(0, 1))('a click on a button no listener knows, in a view, on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock });
  }, 60_000);
  afterAll(async () => h?.stop());

  /** What reached the clicker privately since `before`: only what Slack delivered. */
  const answersTo = (user: string, before: number) =>
    h.fake.calls
      .slice(before)
      .filter((c) => c.method === 'chat.postEphemeral' && c.args.user === user && c.response.ok === true)
      .map((c) => ({ channel: String(c.args.channel), text: String(c.args.text) }));

  /** A click from a view (App Home or a modal): it names no conversation, as Slack sends it. */
  const viewClick = (user: string, viewType: 'home' | 'modal', actionId: string) => ({
    type: 'block_actions',
    team: { id: 'T0FAKE0001', domain: 'fake' },
    user: { id: user, team_id: 'T0FAKE0001' },
    api_app_id: 'A0FAKE0001',
    trigger_id: `${Date.now()}.trigger`,
    container: { type: 'view', view_id: `V0${viewType.toUpperCase()}0001` },
    view: { id: `V0${viewType.toUpperCase()}0001`, type: viewType, callback_id: 'old_view', blocks: [] },
    actions: [{ type: 'button', action_id: actionId, block_id: 'old', value: '1', action_ts: '1.0' }],
  });

  it('answers a stale button on App Home and in a modal in the clicker’s DM, in their language', async () => {
    for (const viewType of ['home', 'modal'] as const) {
      const before = h.fake.calls.length;
      const response = await h.driver.interaction(viewClick('U0TLEAD001', viewType, 'home_refresh_v0'));
      expect(response.status).toBe(200);
      await waitFor(() => answersTo('U0TLEAD001', before).length > 0, `the ${viewType} click answered`);
      expect(answersTo('U0TLEAD001', before)).toEqual([
        { channel: 'D0TLEAD001', text: '這個按鈕已不再使用：這則訊息已經變更，請以最新的訊息為準。' },
      ]);
    }
    await h.driver.command('U0DEPUTY01', '/org', 'lang en');
    for (const viewType of ['home', 'modal'] as const) {
      const before = h.fake.calls.length;
      await h.driver.interaction(viewClick('U0DEPUTY01', viewType, 'visit_approve_v0'));
      await waitFor(() => answersTo('U0DEPUTY01', before).length > 0, `the deputy's ${viewType} click answered`);
      expect(answersTo('U0DEPUTY01', before)).toEqual([
        {
          channel: 'D0DEPUTY01',
          text: 'This button is no longer in use: the message has changed since; please go by the latest one.',
        },
      ]);
    }
  });
});
