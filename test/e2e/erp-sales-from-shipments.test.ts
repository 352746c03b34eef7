import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../support/test-database.ts';
import { FIXTURES, answerText, startHarness, type Harness } from '../support/harness.ts';
import { BRAND_ACCOUNTS_ORG, uploadInDm } from '../support/account-flow.ts';

const SSG_LEADER = 'U0SSGLEAD1';
const sample = (name: string) => readFileSync(path.join(FIXTURES, name));

/** The brand chart with its register, counting 銷售額 from shipments: `orders: { sales_from: shipments }`. */
function orgCountingShipments(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'erp-sales-from-'));
  for (const name of ['accounts-brand.csv', 'products-brand.csv'])
    copyFileSync(path.join(FIXTURES, name), path.join(dir, name));
  const file = path.join(dir, 'org.yml');
  const text = readFileSync(BRAND_ACCOUNTS_ORG, 'utf8').replace('sales_from: invoices', 'sales_from: shipments');
  if (!text.includes('sales_from: shipments')) throw new Error('the fixture no longer says sales_from');
  writeFileSync(file, text);
  return file;
}

describe.each(PROVIDERS)('銷售額 from shipments, as the org file says, on %s', (provider) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provider, orgFile: orgCountingShipments() });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('counts each imported shipment at its order’s prices on its date, and no invoice', async () => {
    for (const name of ['erp-products.csv', 'erp-orders.csv', 'erp-shipments.csv', 'erp-invoices.csv'])
      expect((await uploadInDm(h, SSG_LEADER, name, sample(name))).text).toContain('已匯入');
    const actuals = await h.bot.db.actual.findMany({ orderBy: { id: 'asc' } });
    expect(actuals.map((a) => [a.source, a.personId, a.month, Number(a.value)])).toEqual([
      ['shipment', 'U0KEYACC01', '2026-11', 742_500],
      ['shipment', 'U0KEYACC03', '2026-11', 120 * 4750],
      ['shipment', 'U0KEYACC02', '2026-11', 40 * 8800],
    ]);
    expect(answerText((await h.driver.command('U0KEYACC01', '/targets')).json)).toContain('實際 ¥7,425');
  });
});
