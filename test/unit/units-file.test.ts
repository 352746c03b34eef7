import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { boardPages, parseBoardQuery } from '../../src/domain/deals/board-query.ts';
import { DEFAULT_DEAL_SETTINGS, discountNeedsApproval } from '../../src/domain/deals/deal-settings.ts';
import { formatMoney } from '../../src/domain/deals/money.ts';
import { parseUnitRows } from '../../src/domain/deals/units-file.ts';
import { readUnitsFile } from '../../src/services/deals/read-units-file.ts';

const rows = (...lines: string[][]) => lines.map((cells, i) => ({ line: i + 1, cells }));
const HEADER = ['building', 'unit', 'floor', 'layout', 'area', 'list_price'];

describe('the units file', () => {
  it('reads units with exact cents and hundredths of a m², in English or Chinese headers', () => {
    const parsed = parseUnitRows(
      rows(['棟', '房號', '樓層', '戶型', '面積', '標價'], ['1棟', '0801', '8', 'A', '89.5', '2,549,000.10']),
    );
    expect(parsed).toEqual({
      ok: true,
      units: [{ building: '1棟', number: '0801', floor: 8, layout: 'A', areaCenti: 8950, listPriceCents: 254_900_010 }],
    });
  });

  it('reports every bad row with its line and reason, and keeps none', () => {
    const parsed = parseUnitRows(
      rows(
        HEADER,
        ['1', '101', 'x', 'A', '80', '1'],
        ['1', '102', '1', 'A', '0', '1'],
        ['1', '103', '1', 'A', '80', '0'],
        ['1', '101', '1', 'A', '80', '1'],
        ['1', '', '1', 'A', '80', '1'],
      ),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => [p.line, p.reason])).toEqual([
      [2, 'unit_floor'],
      [3, 'unit_area'],
      [4, 'unit_price'],
      [6, 'unit_required'],
    ]);
    expect(
      parseUnitRows(rows(HEADER, ['1', '101', '1', 'A', '80', '1'], ['1', '101', '2', 'A', '80', '1'])),
    ).toMatchObject({
      ok: false,
      problems: [{ line: 3, reason: 'unit_duplicate', value: '1-101' }],
    });
    // every reason of one row, not only its first
    const many = parseUnitRows(rows(HEADER, ['1', '', 'x', '', '0', '1.234']));
    expect(many.ok ? [] : many.problems.map((p) => [p.line, p.reason])).toEqual([
      [2, 'unit_required'],
      [2, 'unit_floor'],
      [2, 'unit_required'],
      [2, 'unit_area'],
      [2, 'unit_price'],
    ]);
    expect(parseUnitRows(rows(['building', 'unit']))).toMatchObject({
      ok: false,
      problems: [{ reason: 'unit_columns' }],
    });
  });

  it('reads the first sheet of an XLSX file', async () => {
    const cell = (ref: string, v: string | number) =>
      typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const sheetRows = [HEADER, ['2棟', '1201', 12, 'B兩房', 72.3, 2037000]]
      .map((r, i) => `<row r="${i + 1}">${r.map((v, j) => cell(`${'ABCDEF'[j]}${i + 1}`, v)).join('')}</row>`)
      .join('');
    const files = {
      '[Content_Types].xml':
        `<?xml version="1.0"?><Types ` +
        `xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ` +
        `ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ` +
        `ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ` +
        `ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override ` +
        `PartName="/xl/worksheets/sheet1.xml" ` +
        `ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      '_rels/.rels':
        `<?xml version="1.0"?><Relationships ` +
        `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" ` +
        `Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" ` +
        `Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml':
        `<?xml version="1.0"?><workbook ` +
        `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
        `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="units" ` +
        `sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels':
        `<?xml version="1.0"?><Relationships ` +
        `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" ` +
        `Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" ` +
        `Target="worksheets/sheet1.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml':
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        `<sheetData>${sheetRows}</sheetData></worksheet>`,
    };
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'xlsx-')), 'units.xlsx');
    writeFileSync(file, zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))));
    expect(await readUnitsFile(file)).toEqual({
      ok: true,
      units: [
        { building: '2棟', number: '1201', floor: 12, layout: 'B兩房', areaCenti: 7230, listPriceCents: 203_700_000 },
      ],
    });
  });
});

describe('board, discount and money rules', () => {
  it('reads board filters and pages of whole floors', () => {
    const dims = { buildings: ['1棟'], layouts: ['A'] };
    expect(parseBoardQuery(['1棟', 'A', '已認購', 'p3'], dims)).toEqual({
      ok: true,
      query: { building: '1棟', layout: 'A', state: 'reserved', page: 3 },
    });
    expect(parseBoardQuery(['x'], dims)).toEqual({ ok: false, word: 'x' });
    const units = Array.from({ length: 10 }, (_, i) => ({ building: 'b', floor: Math.floor(i / 4) }));
    expect(boardPages(units, 3).map((p) => p.length)).toEqual([4, 4, 2]);
  });

  it('sends a discount beyond the role’s authority to the PM, in exact integers', () => {
    const settings = { ...DEFAULT_DEAL_SETTINGS, discount_authority: { salesperson: 1.5 } };
    expect(discountNeedsApproval(settings, 'salesperson', 100_000_00, 1_500_00)).toBe(false);
    expect(discountNeedsApproval(settings, 'salesperson', 100_000_00, 1_500_01)).toBe(true);
    expect(discountNeedsApproval(settings, 'team_lead', 100_000_00, 1)).toBe(true);
    expect(discountNeedsApproval(settings, 'project_manager', 100_000_00, 50_000_00)).toBe(false);
  });

  it('formats money in the organisation’s currency exactly, past a double’s cents', () => {
    expect(formatMoney(145_000_150, 'CNY', 'zh-Hant')).toBe('¥1,450,001.50');
    expect(formatMoney(1_000_000_000_000, 'CNY', 'en')).toBe('¥10,000,000,000');
  });
});

describe('the board of 3,000 units', () => {
  // its speed is measured in `npm run bench` (bench/deals.ts), not timed here: the machines are shared
  it('renders every page inside Block Kit’s limits, each unit once', async () => {
    const { unitsBoardBlocks } = await import('../../src/views/deals/units-board.ts');
    const { checkMessage } = await import('../../src/fake-slack/block-limits.ts');
    const states = ['available', 'held', 'reserved', 'contracted', 'sold'] as const;
    const units = Array.from({ length: 3000 }, (_, i) => ({
      building: `${1 + Math.floor(i / 300)}棟`,
      floor: 30 - Math.floor((i % 300) / 10),
      number: `${String(30 - Math.floor((i % 300) / 10)).padStart(2, '0')}${String((i % 10) + 1).padStart(2, '0')}`,
      state: states[i % 5],
    }));
    const pages = boardPages(units);
    for (const [index, page] of pages.entries()) {
      const board = unitsBoardBlocks(
        {
          units: page,
          totals: states.map((state) => ({ state, count: 600, amountCents: 600 * 250_000_000 })),
          page: index + 1,
          pages: pages.length,
          currency: 'CNY',
          query: {},
          buildings: ['1棟', '2棟'],
        },
        'zh-Hant',
      );
      expect(checkMessage({ text: board.text, blocks: board.blocks })).toBeNull();
      expect(JSON.stringify(board.blocks).match(/🟩|⬜|🟨|🟧|🟥/gu)!.length).toBe(page.length + 5);
    }
    expect(pages.length).toBe(8);
  });
});
