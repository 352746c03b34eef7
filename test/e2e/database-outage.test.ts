import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChild } from '../../bench/children.ts';
import { FakeSlack } from '../../src/fake-slack/fake-slack-server.ts';
import { SlackDriver } from '../../src/fake-slack/slack-driver.ts';
import { systemClock } from '../../src/lib/clock.ts';
import { answerText, BOT_TOKEN, PROPERTY_ORG, SIGNING_SECRET } from '../support/harness.ts';
import { startTempPostgres, type TempPostgres } from '../support/postgres-server.ts';
import { approvalMessageOf, openedView, visitValues, waitFor } from '../support/visit-flow.ts';
import { POSTGRES_AVAILABLE } from '../support/test-database.ts';

const UNAVAILABLE = '暫時無法儲存，請稍後再試';
/** Slack shows "didn't respond" when the ack takes longer than this. */
const SLACK_ACK_LIMIT_MS = 3_000;

/**
 * Two bot processes share a PostgreSQL of their own, which is stopped with `pg_ctl stop -m fast`
 * (every session terminated by the administrator) for about ten seconds and started again.
 */
describe.skipIf(!POSTGRES_AVAILABLE)('two bot processes through a PostgreSQL restart', () => {
  let server: TempPostgres;
  let fake: FakeSlack;
  let driver: SlackDriver;
  const children: ChildProcess[] = [];
  const acceptedPhones: string[] = [];
  let phoneSeq = 0;

  beforeAll(async () => {
    server = await startTempPostgres();
    fake = await new FakeSlack({ botToken: BOT_TOKEN }).start();
    const env = {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      DATABASE_URL: server.url,
      ORG_FILE: PROPERTY_ORG,
      LOG_LEVEL: 'silent',
    };
    const first = await startChild('bench/serve-bot.ts', env); // one migrates first, then the other starts
    const second = await startChild('bench/serve-bot.ts', env);
    children.push(first.child, second.child);
    driver = new SlackDriver({
      eventsUrl: [first.port, second.port].map((p) => `http://127.0.0.1:${p}/slack/events`),
      signingSecret: SIGNING_SECRET,
      fake,
    });
  }, 60_000);
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await fake?.stop();
    server?.stop();
  });

  const h = () => ({ fake, clock: systemClock });
  /** Opens the /visit modal and submits it; a plain ack (the modal closes) means the registration was accepted. */
  const fileVisit = async (): Promise<{ accepted: boolean; text: string }> => {
    const view = await openedView(h(), () => driver.command('U0SALES001', '/visit'));
    return submit(view);
  };
  const submit = async (view: Awaited<ReturnType<typeof openedView>>) => {
    phoneSeq += 1;
    const phone = `1380000${String(phoneSeq).padStart(4, '0')}`;
    const response = await driver.submitView(
      'U0SALES001',
      view,
      visitValues(h(), { phone, customerName: `客戶${phoneSeq}` }),
    );
    expect(response.status).toBe(200);
    const accepted = !response.json?.response_action;
    if (accepted) acceptedPhones.push(`+86${phone}`);
    return { accepted, text: JSON.stringify(response.json ?? {}) };
  };
  const alive = () => children.map((child) => child.exitCode === null && child.signalCode === null);

  it('survives the restart, answers at once while the database is away, and loses nothing it accepted', async () => {
    expect((await fileVisit()).accepted).toBe(true);
    expect((await fileVisit()).accepted).toBe(true);
    await waitFor(
      () => fake.state.messages.some((m) => JSON.stringify(m.blocks ?? []).includes('#1 ')),
      'the first approval message',
    );
    const approval = approvalMessageOf(h(), 1);
    const openBeforeOutage = await openedView(h(), () => driver.command('U0SALES001', '/visit'));

    server.pause();
    const outageEnds = Date.now() + 10_000;
    let answeredDuringOutage = 0;
    while (Date.now() < outageEnds) {
      const started = Date.now();
      const org = await driver.command('U0SALES002', '/org');
      expect(Date.now() - started).toBeLessThan(SLACK_ACK_LIMIT_MS);
      expect(org.status).toBe(200);
      expect(answerText(org.json)).toContain(UNAVAILABLE);
      answeredDuringOutage += 1;
      expect(alive()).toEqual([true, true]);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // a modal submitted while the database is away stays open with the reason, its input kept
    const refused = await submit(openBeforeOutage);
    expect(refused.accepted).toBe(false);
    expect(refused.text).toContain(UNAVAILABLE);
    expect(answeredDuringOutage).toBeGreaterThan(5);
    // a click is acked, and the clicker alone is told it did not happen
    expect((await driver.clickButton('U0TLEAD001', approval, 'visit_approve')).status).toBe(200);
    await waitFor(
      () =>
        fake
          .callsTo('chat.postEphemeral')
          .some((c) => c.args.user === 'U0TLEAD001' && String(c.args.text).includes(UNAVAILABLE)),
      'the clicker to be told',
    );
    server.resume();

    // both reconnect by themselves: each answers /org normally again (requests alternate between them)
    await waitFor(
      async () => !answerText((await driver.command('U0SALES002', '/org')).json).includes(UNAVAILABLE),
      'the first instance back',
      15_000,
    );
    await waitFor(
      async () => !answerText((await driver.command('U0SALES002', '/org')).json).includes(UNAVAILABLE),
      'the second instance back',
      15_000,
    );
    expect((await fileVisit()).accepted).toBe(true);
    expect((await fileVisit()).accepted).toBe(true);
    await driver.clickButton('U0TLEAD001', approval, 'visit_approve'); // the click again, now it counts
    expect(alive()).toEqual([true, true]);

    const db = new pg.Client({ connectionString: server.url });
    await db.connect();
    try {
      const stored = await db.query<{ phone: string }>('SELECT phone FROM "Visit"');
      expect(stored.rows.map((r) => r.phone).sort()).toEqual([...acceptedPhones].sort());
      await waitFor(
        async () => (await db.query('SELECT status FROM "Visit" WHERE id = 1')).rows[0].status === 'approved',
        'the approval clicked again',
      );
      // and every accepted registration reaches its team lead's approval message
      await waitFor(
        async () =>
          Number((await db.query('SELECT count(*) AS n FROM "OutboxMessage" WHERE status <> \'sent\'')).rows[0].n) ===
          0,
        'delivery',
        20_000,
      );
    } finally {
      await db.end();
    }
    expect(acceptedPhones).toHaveLength(4);
  }, 90_000);
});
