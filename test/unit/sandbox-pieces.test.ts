import { describe, expect, it } from 'vitest';
import { nextOccurrence } from '../../src/domain/schedule/schedule-rules.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { FakeSlack } from '../../src/fake-slack/fake-slack-server.ts';
import { SlackDriver } from '../../src/fake-slack/slack-driver.ts';
import { slackCommandText, manifestCommands } from '../../src/sandbox/slash-commands.ts';

const people = [
  { slackId: 'U0PROJMGR1', name: '王建國' },
  { slackId: 'U0X', name: '王建' },
  { slackId: 'U0TLEAD001', name: '劉大偉' },
];

describe("a slash command's text as Slack sends it (should_escape)", () => {
  it('turns an @name of someone in the workspace into a mention, the longest name first', () => {
    expect(slackCommandText('@王建國 看一下', true, people)).toBe('<@U0PROJMGR1|王建國> 看一下');
    expect(slackCommandText('@王建 與 @劉大偉', true, people)).toBe('<@U0X|王建> 與 <@U0TLEAD001|劉大偉>');
  });

  it('links a typed URL, as Slack does', () => {
    expect(slackCommandText('看 https://example.com/a?b=1&c=2 吧', true, people)).toBe(
      '看 <https://example.com/a?b=1&amp;c=2> 吧',
    );
  });

  it('leaves an unknown @name and, without should_escape, every @name as typed; & < > are escaped always', () => {
    expect(slackCommandText('@nobody a&b <x>', true, people)).toBe('@nobody a&amp;b &lt;x&gt;');
    expect(slackCommandText('@王建國', false, people)).toBe('@王建國');
  });

  it("knows the manifest's commands, each with should_escape", () => {
    const commands = manifestCommands();
    expect(commands.get('/visit')).toEqual({ shouldEscape: true });
    expect(commands.has('/nosuch')).toBe(false);
  });
});

describe('the next occurrence of a schedule', () => {
  it("is strictly after the given instant, across a month end and in the organisation's zone", () => {
    const tz = 'Asia/Shanghai';
    expect(nextOccurrence({ kind: 'daily', time: '08:30' }, new Date('2026-11-27T00:30:00Z'), tz)).toEqual(
      new Date('2026-11-28T00:30:00Z'),
    );
    expect(nextOccurrence({ kind: 'daily', time: '08:30' }, new Date('2026-11-27T00:29:00Z'), tz)).toEqual(
      new Date('2026-11-27T00:30:00Z'),
    );
    expect(nextOccurrence({ kind: 'weekly', weekday: 1, time: '09:00' }, new Date('2026-11-27T00:00:00Z'), tz)).toEqual(
      new Date('2026-11-30T01:00:00Z'),
    );
    expect(nextOccurrence({ kind: 'monthly', day: 1, time: '08:30' }, new Date('2026-11-27T00:00:00Z'), tz)).toEqual(
      new Date('2026-12-01T00:30:00Z'),
    );
    expect(nextOccurrence({ kind: 'monthly', day: 31, time: '08:30' }, new Date('2027-01-31T01:00:00Z'), tz)).toEqual(
      new Date('2027-02-28T00:30:00Z'),
    );
  });
});

describe("the sandbox clock is the tests' FixedClock, running", () => {
  it('runs on from where it is set, and moves only where it is told', async () => {
    const clock = new FixedClock(new Date('2026-11-27T00:00:00Z'), { running: true });
    await new Promise((resolve) => setTimeout(resolve, 30));
    // a timer may fire a millisecond early by Date.now's rounding: 30 ms asked, at least 25 seen
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(new Date('2026-11-27T00:00:00.025Z').getTime());
    clock.set('2026-12-07T01:00:00Z');
    expect(clock.now().getTime() - new Date('2026-12-07T01:00:00Z').getTime()).toBeLessThan(20);
    const still = new FixedClock(new Date('2026-11-27T00:00:00Z'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(still.now()).toEqual(new Date('2026-11-27T00:00:00Z'));
  });
});

describe('a click on a button in an answer only its asker sees', () => {
  it('goes as Slack sends it: from an ephemeral message (is_ephemeral), a card in a channel not', async () => {
    const fake = await new FakeSlack({ botToken: 'xoxb-unit' }).start();
    try {
      const driver = new SlackDriver({ eventsUrl: 'http://127.0.0.1:9/slack/events', signingSecret: 'secret', fake });
      const blocks = [
        {
          type: 'actions',
          block_id: 'b1',
          elements: [{ type: 'button', action_id: 'customer_undo', value: '1:reserved' }],
        },
      ];
      const answer = {
        channel: 'D0TLEAD001',
        ts: '1.000001',
        user: fake.botUserId,
        text: '客戶檔案',
        blocks,
        onlyFor: 'U0TLEAD001',
      };
      const ephemeral = driver.clickButtonPayload('U0TLEAD001', answer, 'customer_undo') as {
        container: { is_ephemeral: boolean };
      };
      expect(ephemeral.container.is_ephemeral).toBe(true);
      const shared = driver.clickButtonPayload('U0TLEAD001', { ...answer, onlyFor: undefined }, 'customer_undo') as {
        container: { is_ephemeral: boolean };
      };
      expect(shared.container.is_ephemeral).toBe(false);
    } finally {
      await fake.stop();
    }
  });
});

describe('the sandbox shows tasks', () => {
  it('offers /task as the manifest declares it, and the property guide ends with a 市調 task handed down', async () => {
    const { guideSteps } = await import('../../src/sandbox/sandbox-org.ts');
    const { propertyChart } = await import('../support/org-fixtures.ts');
    expect(manifestCommands().get('/task')).toEqual({ shouldEscape: true });
    const steps = guideSteps(propertyChart(), 'zh-Hant', new Date('2026-11-26T02:00:00Z'));
    expect(steps.at(-1)).toMatchObject({ as: 'U0PROJMGR1', text: expect.stringContaining('`/task`') });
  });
});
