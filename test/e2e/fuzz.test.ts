import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateVisit } from '../../src/domain/visits/validate-visit.ts';
import { visitModal } from '../../src/views/visits/visit-modal.ts';
import { issueModal, feedbackModal } from '../../src/views/issues/issue-modals.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { ONE_PROVIDER } from '../support/test-database.ts';

/** Hostile text: empty, 3,000 characters, RTL, emoji, SQL and mrkdwn injection, mentions, odd numbers. */
const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom(
    '',
    ' ',
    '<!channel>',
    '<!here> 通過',
    '<@U0SALES002>',
    '<#C0PLANNING1>',
    '\'; DROP TABLE "Visit"; --',
    '‮ tfel-ot-thgir',
    '😀👍🏽‍',
    '13812345678',
    '+852 9123 4567',
    '0912-345-678',
    '9'.repeat(40),
    '-1',
    '1e309',
    'NaN',
    '2999-12-31',
    '<script>alert(1)</script>',
    '*bold* _it_ `code`',
    '\u0000\u0007',
  ),
  fc.string({ minLength: 2990, maxLength: 3010 }),
);

const PINGS = /<!(channel|here|everyone)>|<@U0SALES002>/;

/** The texts Slack reads as mrkdwn (where a mention pings); plain_text never does. */
function mrkdwnTexts(args: Record<string, any>): string[] {
  const out = [String(args.text ?? '')];
  const visit = (node: any): void => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'mrkdwn' && typeof node.text === 'string') out.push(node.text);
    for (const value of Object.values(node)) if (typeof value === 'object') visit(value);
  };
  visit(args.blocks);
  return out;
}

describe(`hostile input through the real app (${ONE_PROVIDER})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provider: ONE_PROVIDER });
  });
  afterAll(async () => h?.stop());

  it('answers every command text without a 5xx, and never echoes a ping', async () => {
    const commands = ['/org', '/visit', '/issue', '/feedback', '/targets', '/sales', '/focus', '/task'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...commands),
        hostile,
        fc.constantFrom('U0SALES001', 'U0PROJMGR1', 'U0STRANGER'),
        fc.boolean(),
        async (command, text, user, asSearch) => {
          // /task research echoes its query: hostile text goes there too
          const typed = command === '/task' && asSearch ? `research ${text}` : text;
          const res = await h.driver.command(user, command, typed);
          expect(res.status).toBeLessThan(500);
          expect(res.text).not.toMatch(PINGS);
        },
      ),
      { numRuns: 700 },
    );
  }, 120_000);

  it('answers any signed payload, however malformed, without a 5xx and keeps serving', async () => {
    const type = fc.constantFrom(
      'view_submission',
      'view_closed',
      'block_actions',
      'shortcut',
      'event_callback',
      'nonsense',
    );
    const payload = fc.oneof(
      fc.constantFrom(null, 0, 'x', true, [], {}),
      fc.jsonValue({ maxDepth: 3 }),
      fc.record(
        {
          type,
          view: fc.constantFrom(undefined, null, 0, 'v', {}),
          user: fc.constantFrom(undefined, null, { id: 'U0SALES001' }),
        },
        { requiredKeys: ['type'] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(payload, fc.boolean(), async (value, asForm) => {
        const json = JSON.stringify(value) ?? 'null';
        const res = asForm
          ? await h.driver.send(new URLSearchParams({ payload: json }).toString(), 'application/x-www-form-urlencoded')
          : await h.driver.send(json, 'application/json');
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 80 },
    );
    expect((await fetch(`http://127.0.0.1:${h.bot.port}/healthz`)).status).toBe(200);
  }, 120_000);

  it('stores a registration only when it is valid, and otherwise answers inline errors', async () => {
    const base = visitModal({
      locale: 'zh-Hant',
      kind: 'property',
      callbackId: 'visit_file',
      nowSeconds: Math.floor(h.clock.now().getTime() / 1000),
    });
    const number = fc.oneof(fc.integer({ min: -5, max: 100 }).map(String), hostile);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          customerName: hostile,
          phone: hostile,
          partySize: number,
          source: fc.oneof(fc.constantFrom('walk_in', 'referral'), hostile),
          visitType: fc.constantFrom('first', 'revisit', 'x'),
          grade: fc.constantFrom('A', 'D', 'Z', ''),
          notes: hostile,
          visitAt: fc.oneof(
            fc.integer({ min: 0, max: 4_102_444_800 }),
            fc.constant(Math.floor(h.clock.now().getTime() / 1000) - 60),
          ),
        }),
        async (values) => {
          n += 1;
          const view = { id: `VFUZZ${n}`, user: 'U0SALES001', hash: `h${n}`, view: { ...base, id: `VFUZZ${n}` } };
          const before = await h.bot.db.visit.count();
          const res = await h.driver.submitView('U0SALES001', view, values);
          expect(res.status).toBeLessThan(500);
          const expected = validateVisit('property', values, h.clock.now());
          if (expected.ok) {
            expect(res.text).toBe('');
            expect(await h.bot.db.visit.count()).toBe(before + 1);
          } else {
            expect(res.json?.response_action).toBe('errors');
            expect(Object.keys(res.json?.errors as object).length).toBeGreaterThan(0);
            expect(await h.bot.db.visit.count()).toBe(before);
          }
        },
      ),
      { numRuns: 400 },
    );
  }, 120_000);

  it('refuses or stores issue and feedback modals, never failing', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('issue', 'feedback'),
        hostile,
        hostile,
        fc.constantFrom('osb_order', 'market', '', 'bogus'),
        async (kind, title, content, category) => {
          n += 1;
          const modal = kind === 'issue' ? issueModal('zh-Hant') : feedbackModal('zh-Hant');
          const view = {
            id: `VFZ${kind}${n}`,
            user: 'U0SALES003',
            hash: 'h',
            view: { ...modal, id: `VFZ${kind}${n}` },
          };
          const values =
            kind === 'issue'
              ? { category, severity: 'normal', title, description: content }
              : { type: 'competitor', content, importance: 'normal' };
          const res = await h.driver.submitView('U0SALES003', view, values);
          expect(res.status).toBeLessThan(500);
          expect(res.text === '' || res.json?.response_action === 'errors').toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);

  it('never lets typed text ping anyone in what the bot posted', async () => {
    await h.flushOutbox();
    const posted = h.fake.calls.filter((c) => ['chat.postMessage', 'chat.update'].includes(c.method));
    expect(posted.length).toBeGreaterThan(0);
    for (const call of posted) for (const text of mrkdwnTexts(call.args)) expect(text).not.toMatch(PINGS);
  });
});
