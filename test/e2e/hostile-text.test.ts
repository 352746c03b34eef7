import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { approvalMessageOf, fileVisitAs, untilStatus } from '../support/visit-flow.ts';

const RLO = '\u202E';
const ZWSP = '\u200B';

describe.each(PROVIDERS)('hostile text in names, notes and exports on %s', (provider) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provider });
  });
  afterAll(async () => h?.stop());

  it('strips bidi and zero-width characters from a typed name and notes before storing them', async () => {
    await fileVisitAs(h, 'U0SALES001', {
      phone: '13877770001',
      customerName: `林${RLO}小${ZWSP}姐\u2066`,
      notes: `想看${'\u200D'}南向\uFEFF戶型${'\u200F'}`,
    });
    const visit = await h.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(visit.customerName).toBe('林小姐');
    expect(visit.notes).toBe('想看南向戶型');
    await h.driver.clickButton('U0TLEAD001', approvalMessageOf(h, visit.id), 'visit_approve');
    await untilStatus(h, visit.id, 'approved');
    const customer = await h.bot.db.customer.findFirstOrThrow({ where: { phone: '+8613877770001' } });
    expect(customer.name).toBe('林小姐');
  });

  it('finds a customer when the command text carries invisible characters', async () => {
    const found = answerText((await h.driver.command('U0SALES001', '/visit', `138${ZWSP}7777${RLO}0001`)).json);
    expect(found).toContain('客戶檔案：林小姐');
  });

  it('neutralises formulas for Excel with a comma or semicolon separator in the export', async () => {
    await fileVisitAs(h, 'U0SALES001', {
      phone: '13877770002',
      customerName: '=1+1',
      notes: 'x;=HYPERLINK("http://evil.example","點我")',
      budget: '300, -1',
      unitType: '\t=cmd',
    });
    const before = h.fake.calls.length;
    await h.driver.command('U0PROJMGR1', '/visit', 'export 2026-11-01 2026-11-30');
    await expect.poll(() => h.fake.calls.slice(before).find((c) => c.method === 'file_upload')).toBeTruthy();
    const content = String(h.fake.calls.slice(before).find((c) => c.method === 'file_upload')!.args.content);
    const row = content.split('\r\n').find((line) => line.includes('13877770002'))!;
    expect(row).toContain(`'=1+1`);
    expect(row).toContain(`"'x;=HYPERLINK(""http://evil.example"",""點我"")"`);
    expect(row).toContain(`"'300, -1"`);
    expect(row).toContain(`,'=cmd,`);
    // plain text stays as typed
    expect(content).toContain(',林小姐,');
  });
});
