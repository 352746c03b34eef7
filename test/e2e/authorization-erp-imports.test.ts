import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRAND_ACCOUNTS_ORG, csvOf, uploadInDm } from '../support/account-flow.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { chartFromFile } from '../support/org-fixtures.ts';
import { ONE_PROVIDER } from '../support/test-database.ts';

const FORBIDDEN = '只有 SSG 可以匯入 ERP 匯出的檔案（客戶、商品、訂單、發運、發票、收款、返利與折讓）。';

/** One row per ledger export: a file whose every row is bad, so that even an allowed upload writes nothing. */
const EXPORTS: { kind: string; what: string; rows: string[][] }[] = [
  {
    kind: 'products',
    what: '商品目錄',
    rows: [
      ['商品編碼', '商品名稱', '單位', '牌價'],
      ['!', '', '', ''],
    ],
  },
  {
    kind: 'orders',
    what: '訂單',
    rows: [
      ['訂單編號', '客戶編碼', '訂單日期', '商品編碼', '數量'],
      ['SO-1', 'NOPE', '', '', ''],
    ],
  },
  {
    kind: 'shipments',
    what: '發運單',
    rows: [
      ['出貨單號', '訂單編號', '出貨日期', '商品編碼', '數量'],
      ['DN-1', 'NOPE', '', '', ''],
    ],
  },
  {
    kind: 'invoices',
    what: '發票',
    rows: [
      ['發票號碼', '客戶編碼', '開票日期', '發票金額'],
      ['INV-1', 'NOPE', '', ''],
    ],
  },
  {
    kind: 'payments',
    what: '收款',
    rows: [
      ['收款單號', '客戶編碼', '收款日期', '收款金額'],
      ['RC-1', 'NOPE', '', ''],
    ],
  },
];

describe.each([ONE_PROVIDER])(
  'who may import the ERP ledger exports, everyone in the brand chart, on %s',
  (provider) => {
    let h: Harness;
    const chart = chartFromFile(BRAND_ACCOUNTS_ORG);
    beforeAll(async () => {
      h = await startHarness({ provider, orgFile: BRAND_ACCOUNTS_ORG });
    });
    afterAll(async () => {
      await h?.stop();
    });

    it.each(EXPORTS)(
      '$kind: the SSG only; everyone else is told so and nothing is read',
      async ({ kind, what, rows }) => {
        for (const person of chart.people) {
          const answer = await uploadInDm(h, person.slackId, `${kind}.csv`, csvOf(rows));
          if (chart.isSsg(person.slackId)) expect(answer.text, person.name).toContain(`${what} ${kind}.csv 未匯入`);
          else expect(answer.text, person.name).toBe(FORBIDDEN);
        }
        expect(await h.bot.db.product.count()).toBe(60); // the org file's catalogue only
        expect(await h.bot.db.order.count()).toBe(0);
        expect(await h.bot.db.invoice.count()).toBe(0);
      },
    );
  },
);
