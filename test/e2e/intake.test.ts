import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';

describe.each(PROVIDERS)('intake and health on %s', (provider) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provider });
  });
  afterAll(async () => h?.stop());

  it('acts once on an event that Slack retries', async () => {
    const event = { type: 'app_home_opened', user: 'U0SALES001', channel: 'DSALES001', tab: 'home' };
    const first = await h.driver.event(event, { eventId: 'Ev0RETRY0001' });
    const retry = await h.driver.event(event, { eventId: 'Ev0RETRY0001', retryNum: 1 });
    const secondRetry = await h.driver.event(event, { eventId: 'Ev0RETRY0001', retryNum: 2 });
    expect([first.status, retry.status, secondRetry.status]).toEqual([200, 200, 200]);
    await expect.poll(() => h.fake.callsTo('views.publish').length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.fake.callsTo('views.publish')).toHaveLength(1);
    const home = h.fake.state.homes.get('U0SALES001');
    expect(JSON.stringify(home)).toContain('周子豪');
  });

  it('refuses forged, stale and unsigned requests with 401, doing nothing', async () => {
    const before = h.fake.calls.length;
    const body = h.driver.eventBody({ type: 'app_home_opened', user: 'U0SALES002', channel: 'D1', tab: 'home' });
    const forged = await h.driver.send(body, 'application/json', { signature: 'v0=deadbeef' });
    const stale = await h.driver.send(body, 'application/json', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    const unsigned = await h.driver.send(body, 'application/json', { signature: null });
    expect([forged.status, stale.status, unsigned.status]).toEqual([401, 401, 401]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.fake.calls.slice(before)).toEqual([]);
    expect(await h.bot.db.intakeKey.count({ where: { key: { contains: 'U0SALES002' } } })).toBe(0);
  });

  it('refuses a signed request whose timestamp is six minutes in the future', async () => {
    const before = h.fake.calls.length;
    const future = Math.floor(Date.now() / 1000) + 6 * 60;
    const res = await h.driver.send(h.driver.commandBody('U0SALES001', '/org'), 'application/x-www-form-urlencoded', {
      timestamp: future,
    });
    expect(res.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.fake.calls.slice(before)).toEqual([]);
  });

  it('serves a signed request once and drops its replay, even a minute later within the five minutes', async () => {
    const body = h.driver.commandBody('U0SALES001', '/org');
    const timestamp = Math.floor(Date.now() / 1000) - 60;
    const first = await h.driver.send(body, 'application/x-www-form-urlencoded', { timestamp });
    expect(first.status).toBe(200);
    expect(first.text).toContain('周子豪');
    // with two instances (E2E_INSTANCES=2) the replay reaches the other one, which shares the memory
    const replay = await h.driver.send(body, 'application/x-www-form-urlencoded', { timestamp });
    expect(replay.status).toBe(200);
    expect(replay.text).toBe('');
    const signature = h.driver.sign(body, timestamp);
    expect(await h.bot.db.intakeKey.count({ where: { key: `sig:${signature}` } })).toBe(1);
  });

  it('answers a signed payload=null with 400 and keeps serving', async () => {
    const res = await h.driver.send('payload=null', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(400);
    const scalar = await h.driver.send('payload=42', 'application/x-www-form-urlencoded');
    expect(scalar.status).toBe(400);
    const json = await h.driver.send('null', 'application/json');
    expect(json.status).toBe(400);
    expect((await fetch(`http://127.0.0.1:${h.bot.port}/healthz`)).status).toBe(200);
    expect(answerText((await h.driver.command('U0SALES001', '/org')).json)).toContain('周子豪');
  });

  it('answers a signed view_submission without a view with 400, not 500', async () => {
    const res = await h.driver.interaction({
      type: 'view_submission',
      user: { id: 'U0SALES001' },
      team: { id: h.driver.teamId },
    });
    expect(res.status).toBe(400);
  });

  it("answers Slack's unsigned SSL check with 200 and reads nothing sent with it", async () => {
    const before = h.fake.calls.length;
    const smuggled = JSON.stringify({
      type: 'block_actions',
      user: { id: 'U0SALES001' },
      team: { id: h.driver.teamId },
      actions: [{ action_id: 'home_refresh', value: 'x' }],
    });
    const body = `ssl_check=1&payload=${encodeURIComponent(smuggled)}`;
    const res = await h.driver.send(body, 'application/x-www-form-urlencoded', { signature: null });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.fake.calls.slice(before)).toEqual([]);
  });

  it('answers a signed url_verification with its challenge, and a signed body that is not JSON with 400', async () => {
    const verification = await h.driver.send(
      JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 't' }),
      'application/json',
    );
    expect(verification.status).toBe(200);
    expect(JSON.parse(verification.text)).toEqual({ challenge: 'c-123' });
    const malformed = await h.driver.send('{"type": "event_callback", ', 'application/json');
    expect(malformed.status).toBe(400);
    const badForm = await h.driver.send('payload=%7Bnot-json', 'application/x-www-form-urlencoded');
    expect(badForm.status).toBe(400);
  });

  it('reports the database state on GET /healthz', async () => {
    const res = await fetch(`http://127.0.0.1:${h.bot.port}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, any>;
    expect(body.database).toBe('ok');
    expect(body.outbox).toMatchObject({ pending: expect.any(Number), failed: expect.any(Number) });
  });
});
