import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import {
  approvalMessageOf,
  blocksText,
  dmsTo,
  fileVisitAs,
  openedView,
  untilStatus,
  visitValues,
} from '../support/visit-flow.ts';

// 撞單: another salesperson's registration still waiting for approval counts as much as an approved file.
describe.each(PROVIDERS)('duplicate customers (撞單) against undecided registrations on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock });
  });
  afterAll(async () => h?.stop());
  const visitsOf = (phone: string) => h.bot.db.visit.findMany({ where: { phone }, orderBy: { id: 'asc' } });
  const reviewsToPm = () => dmsTo(h, 'U0PROJMGR1').filter((m) => blocksText(m).includes('撞單裁定'));

  it(
    "sends a second salesperson's registration of a pending phone to the PM; approval never moves the owner, the " +
      'ruling does and tells the loser',
    async () => {
      await fileVisitAs(h, 'U0SALES001', { phone: '13599998888', customerName: '錢先生' });
      const reviewsBefore = reviewsToPm().length;
      await fileVisitAs(h, 'U0SALES003', { phone: '135 9999 8888', customerName: '錢先生' });
      const [first, second] = await visitsOf('+8613599998888');
      expect(first).toMatchObject({ filerId: 'U0SALES001', status: 'pending' });
      expect(second).toMatchObject({
        filerId: 'U0SALES003',
        status: 'ownership_review',
        contestedOwnerId: 'U0SALES001',
        approvalOutboxId: null,
      });
      expect(reviewsToPm()).toHaveLength(reviewsBefore + 1);
      expect(dmsTo(h, 'U0SALES003').at(-1)?.text).toContain('周子豪');

      await h.driver.clickButton('U0TLEAD001', approvalMessageOf(h, first.id), 'visit_approve');
      await untilStatus(h, first.id, 'approved');
      expect((await h.bot.db.customer.findFirstOrThrow({ where: { phone: '+8613599998888' } })).ownerId).toBe(
        'U0SALES001',
      );

      await h.driver.clickButton('U0PROJMGR1', reviewsToPm().at(-1)!, 'visit_give_filer');
      await untilStatus(h, second.id, 'pending');
      expect((await h.bot.db.customer.findFirstOrThrow({ where: { phone: '+8613599998888' } })).ownerId).toBe(
        'U0SALES003',
      );
      expect(dmsTo(h, 'U0SALES001').at(-1)?.text).toContain('裁定改歸 許家銘');

      await h.driver.clickButton('U0TLEAD002', approvalMessageOf(h, second.id), 'visit_approve');
      await untilStatus(h, second.id, 'approved');
      const customer = await h.bot.db.customer.findFirstOrThrow({ where: { phone: '+8613599998888' } });
      expect(customer).toMatchObject({ ownerId: 'U0SALES003', visitCount: 2 });
    },
  );

  it(
    "keeps a pending claimant's customer when the PM rules for them, and the claimant's later approval opens the " +
      'file in their name',
    async () => {
      await fileVisitAs(h, 'U0SALES002', { phone: '13677776666', customerName: '馮小姐' });
      await fileVisitAs(h, 'U0SALES003', { phone: '13677776666', customerName: '馮小姐' });
      const [first, second] = await visitsOf('+8613677776666');
      expect(second).toMatchObject({ status: 'ownership_review', contestedOwnerId: 'U0SALES002' });
      await h.driver.clickButton('U0PROJMGR1', reviewsToPm().at(-1)!, 'visit_keep_owner');
      await untilStatus(h, second.id, 'rejected');
      expect(await h.bot.db.customer.count({ where: { phone: '+8613677776666' } })).toBe(0);
      await h.driver.clickButton('U0TLEAD001', approvalMessageOf(h, first.id), 'visit_approve');
      await untilStatus(h, first.id, 'approved');
      expect((await h.bot.db.customer.findFirstOrThrow({ where: { phone: '+8613677776666' } })).ownerId).toBe(
        'U0SALES002',
      );
    },
  );

  it(
    'after the PM keeps the customer with its owner, the ruled card stops asking, and a bare /visit export (this ' +
      'month) names the PM as 審核人',
    async () => {
      await fileVisitAs(h, 'U0SALES001', { phone: '13511112222', customerName: '鄧先生' });
      await fileVisitAs(h, 'U0SALES003', { phone: '13511112222', customerName: '鄧先生' });
      const [, contested] = await visitsOf('+8613511112222');
      expect(contested).toMatchObject({ filerId: 'U0SALES003', approverId: 'U0TLEAD002', status: 'ownership_review' });
      const review = reviewsToPm().at(-1)!;
      expect(blocksText(review)).toContain('請裁定歸屬');
      await h.driver.clickButton('U0PROJMGR1', review, 'visit_keep_owner');
      await untilStatus(h, contested.id, 'rejected');
      await h.flushOutbox();
      const ruled = blocksText(h.fake.state.find(review.channel, review.ts));
      expect(ruled).toContain('已裁定');
      expect(ruled).not.toContain('請裁定歸屬');

      const before = h.fake.calls.length;
      await h.driver.command('U0PROJMGR1', '/visit', 'export');
      await expect.poll(() => h.fake.calls.slice(before).find((c) => c.method === 'file_upload')).toBeTruthy();
      const lines = String(h.fake.calls.slice(before).find((c) => c.method === 'file_upload')!.args.content).split(
        '\r\n',
      );
      expect(lines[0]).toContain('審核人');
      expect(lines[0]).not.toContain('經銷商'); // a brand's columns have no place on a site
      const row = lines.find((l) => l.includes('鄧先生') && l.includes('許家銘'))!;
      expect(row).toContain('王建國'); // who ruled, not the team lead who never saw it
      expect(row).not.toContain('吳佳玲');
      await expect
        .poll(() => h.fake.calls.slice(before).find((c) => c.method === 'response_url')?.args.text)
        .toContain('已匯出 2026-11-01 至 2026-11-30');
    },
  );

  it(
    "checks an edited phone on resubmission: a returned registration cannot slip onto another salesperson's " +
      'protected customer',
    async () => {
      await fileVisitAs(h, 'U0SALES003', { phone: '13655554444', customerName: '改號案' });
      const visit = await h.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
      const reasonView = await openedView(h, () =>
        h.driver.clickButton('U0TLEAD002', approvalMessageOf(h, visit.id), 'visit_return'),
      );
      await h.driver.submitView('U0TLEAD002', reasonView, { reason: '電話號碼有誤' });
      await untilStatus(h, visit.id, 'returned');
      const notice = dmsTo(h, 'U0SALES003').at(-1)!;
      const editView = await openedView(h, () => h.driver.clickButton('U0SALES003', notice, 'visit_edit'));
      const reviewsBefore = reviewsToPm().length;
      await h.driver.submitView(
        'U0SALES003',
        editView,
        visitValues(h, { phone: '13677776666', customerName: '馮小姐' }),
      );
      await untilStatus(h, visit.id, 'ownership_review');
      expect(await h.bot.db.visit.findUniqueOrThrow({ where: { id: visit.id } })).toMatchObject({
        contestedOwnerId: 'U0SALES002',
        phone: '+8613677776666',
      });
      expect(reviewsToPm()).toHaveLength(reviewsBefore + 1);
      expect(dmsTo(h, 'U0SALES003').at(-1)?.text).toContain('鄭欣怡');
    },
  );

  it('gives the PM exactly one ruling when two salespeople register one phone at the same instant', async () => {
    const rounds = 12;
    const reviewsBefore = reviewsToPm().length;
    for (let round = 0; round < rounds; round += 1) {
      const phone = `1370000${String(round).padStart(4, '0')}`;
      const [viewA, viewB] = [
        await openedView(h, () => h.driver.command('U0SALES001', '/visit')),
        await openedView(h, () => h.driver.command('U0SALES003', '/visit')),
      ];
      const answers = await Promise.all([
        h.driver.submitView('U0SALES001', viewA, visitValues(h, { phone, customerName: `同時${round}` })),
        h.driver.submitView('U0SALES003', viewB, visitValues(h, { phone, customerName: `同時${round}` })),
      ]);
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      const visits = await visitsOf(`+86${phone}`);
      expect(visits.map((v) => v.status).sort()).toEqual(['ownership_review', 'pending']);
      const contested = visits.find((v) => v.status === 'ownership_review')!;
      const other = visits.find((v) => v.status === 'pending')!;
      expect(contested.contestedOwnerId).toBe(other.filerId);
    }
    await h.flushOutbox();
    expect(reviewsToPm()).toHaveLength(reviewsBefore + rounds);
  });
});
