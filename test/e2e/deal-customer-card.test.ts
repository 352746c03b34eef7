import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/fake-slack/workspace-state.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { customerCard } from '../../src/views/visits/customer-card.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { actOnDeal, customerCardOf, reserve } from '../support/deal-flow.ts';
import {
  approvalMessageOf,
  blocksText,
  dmsTo,
  fileVisitAs,
  openedView,
  settle,
  untilStatus,
} from '../support/visit-flow.ts';

const actionIds = (blocks: unknown): string[] =>
  ((blocks as { type: string; elements?: { action_id: string }[] }[]) ?? [])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []).map((e) => e.action_id));

describe.each(PROVIDERS)('the customer file of a customer with a deal on %s', (provider) => {
  let h: Harness;
  let card: StoredMessage;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));

  beforeAll(async () => {
    h = await startHarness({ provider, clock });
    card = await customerCardOf(h, 'U0SALES001', '13900007777', '馮先生');
  });
  afterAll(async () => h?.stop());

  it('offers no 推進 the deal owns: /visit shows the deal and where to act on it, at 認購 and at 簽約', async () => {
    const before = await h.driver.command('U0SALES001', '/visit', '13900007777');
    expect(actionIds(before.json?.blocks)).toContain('customer_next');
    const id = await reserve(h, 'U0SALES001', card, { building: '1棟', number: '0301' });
    const reserved = await h.driver.command('U0SALES001', '/visit', '13900007777');
    expect(actionIds(reserved.json?.blocks)).not.toContain('customer_next');
    expect(answerText(reserved.json)).toContain(`成交 #${id}*：已認購。之後的階段由成交推進：\`/deal #${id}\``);
    const price = (await h.bot.db.deal.findUniqueOrThrow({ where: { id } })).priceCents;
    const signed = await actOnDeal(h, 'U0SALES001', 'U0SALES001', id, 'deal_sign', {
      contractNo: 'HT-701',
      total: String(Number(price) / 100),
      method: 'lump_sum',
      downDate: '2026-12-10',
    });
    expect(signed).toBeUndefined();
    // the team lead, above the owner, sees no undo of 簽約 either: the deal's undo is on the deal
    const lead = await h.driver.command('U0TLEAD001', '/visit', '13900007777');
    expect(actionIds(lead.json?.blocks)).not.toContain('customer_next');
    expect(actionIds(lead.json?.blocks)).not.toContain('customer_undo');
    expect(answerText(lead.json)).toContain(`成交 #${id}*：已簽約`);
    // the owner's own card in their DMs reads the same
    const dm = dmsTo(h, 'U0SALES001')
      .filter((m) => blocksText(m).includes('customer_body') && blocksText(m).includes('馮先生'))
      .at(-1)!;
    expect(blocksText(dm)).toContain(`成交 #${id}*：已簽約`);
    expect(actionIds(dm.blocks)).not.toContain('customer_next');
  });

  it('refuses to mark lost a file whose deal is active, pointing to the deal, in both languages', async () => {
    const id = (await h.bot.db.deal.findFirstOrThrow({ where: { contractNo: 'HT-701' } })).id;
    const markLost = async () => {
      const json = (await h.driver.command('U0SALES001', '/visit', '13900007777')).json!;
      const shown = { channel: 'D0SALES001', ts: '1.000001', text: String(json.text), blocks: json.blocks };
      const view = await openedView(h, () =>
        h.driver.clickButton('U0SALES001', shown as StoredMessage, 'customer_lost'),
      );
      return (await h.driver.submitView('U0SALES001', view, { reason: '不買了' })).json?.errors;
    };
    expect(JSON.stringify(await markLost())).toContain(`這位客戶的成交 #${id} 仍在進行，不能標記流失`);
    await h.driver.command('U0SALES001', '/org', 'lang en');
    const english = JSON.stringify(await markLost());
    await h.driver.command('U0SALES001', '/org', 'lang zh-Hant');
    expect(english).toContain(`deal #${id} is still going on, so the file cannot be marked lost`);
    expect((await h.bot.db.customer.findFirstOrThrow({ where: { phone: '+8613900007777' } })).stage).toBe('contracted');
  });

  it('a revisit of the customer re-sends the card with the deal, not a 推進 button', async () => {
    await fileVisitAs(h, 'U0SALES001', { phone: '13900007777', customerName: '馮先生' });
    const visit = await h.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
    await h.driver.clickButton(visit.approverId!, approvalMessageOf(h, visit.id), 'visit_approve');
    await untilStatus(h, visit.id, 'approved');
    await settle(h);
    const cards = dmsTo(h, 'U0SALES001').filter(
      (m) => blocksText(m).includes('customer_body') && blocksText(m).includes('馮先生'),
    );
    expect(blocksText(cards.at(-1)!)).toContain('已簽約');
    expect(actionIds(cards.at(-1)!.blocks)).not.toContain('customer_next');
  });

  it('reads in English too', () => {
    const at = new Date('2026-11-26T02:00:00Z');
    const customer = {
      id: 1,
      orgId: 1,
      phone: '+8613900007777',
      name: 'Mr Feng',
      ownerId: 'U0SALES001',
      stage: 'reserved',
      stageChangedAt: at,
      lostReason: null,
      visitCount: 1,
      firstVisitAt: at,
      lastVisitAt: at,
      reminderLevel: 0,
      cardOutboxId: null,
      createdAt: at,
    };
    const shown = customerCard(customer, {
      locale: 'en',
      timeZone: 'Asia/Shanghai',
      ownerName: 'Zihao',
      deal: { id: 12, stage: 'reserved' },
    });
    expect(JSON.stringify(shown.blocks)).toContain('*Deal #12*: reserved. The deal moves this file on from here');
    expect(actionIds(shown.blocks)).not.toContain('customer_next');
  });
});
