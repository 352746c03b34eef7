import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { fileSharedEvent, uploadAsUser } from '../../src/fake-slack/fake-files.ts';
import { FIXTURES, type Harness } from './harness.ts';
import { waitFor } from './visit-flow.ts';

export const BRAND_ACCOUNTS_ORG = path.join(FIXTURES, 'org-brand-accounts.yml');
export const ACCOUNTS_CSV = path.join(FIXTURES, 'accounts-brand.csv');

export const HEADING = [
  '客戶編碼',
  '客戶名稱',
  '客戶類型',
  '所屬經銷商',
  '渠道類型',
  '市場',
  '區域',
  '地址',
  '負責人',
  '狀態',
  '開戶日期',
  '聯繫人',
  '聯繫電話',
];

export function sampleCsv(): Buffer {
  return readFileSync(ACCOUNTS_CSV);
}

const csvCell = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

export function csvOf(rows: string[][]): Buffer {
  return Buffer.from(`\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`);
}

export async function xlsxOf(rows: (string | Date)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('客戶');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * A person uploads a file in their DM with the bot and Slack sends `file_shared`; resolves with the
 * bot's message in that DM once it has its last word (not "importing…").
 */
export async function uploadInDm(h: Harness, userId: string, name: string, data: Buffer) {
  const before = h.fake.state.messages.length;
  const upload = uploadAsUser(h.fake.state, { userId, name, data });
  const response = await h.driver.event(fileSharedEvent({ userId, ...upload }));
  if (response.status !== 200) throw new Error(`file_shared answered ${response.status}`);
  const answer = () =>
    h.fake.state.messages
      .slice(before)
      .find((m) => m.channel === upload.channel && m.user === h.fake.botUserId && !/正在匯入|Importing/.test(m.text));
  await waitFor(async () => answer() !== undefined, `the import of ${name}`, 60_000);
  return answer()!;
}
