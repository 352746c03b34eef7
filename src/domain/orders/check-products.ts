import { parseMoneyCents } from '../deals/money.ts';

/** A product of the catalogue, as the file gives it; money in integer cents. */
export interface ProductInput {
  sku: string;
  name: string;
  unit: string;
  packSize: number;
  listPriceCents: number;
  active: boolean;
}

type ProductField = 'sku' | 'name' | 'unit' | 'pack' | 'price' | 'active';

/** The catalogue's headings, in traditional or simplified Chinese or English. */
const HEADINGS: Record<ProductField, string[]> = {
  sku: ['sku', '商品編碼', '商品编码', '產品編碼', '产品编码', '貨號', '货号', 'product code'],
  name: ['商品名稱', '商品名称', '產品名稱', '产品名称', '品名', 'name', 'product name'],
  unit: ['單位', '单位', 'unit'],
  pack: ['包裝規格', '包装规格', '箱規', '箱规', '裝箱數', '装箱数', 'pack size', 'pack'],
  price: ['牌價', '牌价', '標價', '标价', '單價', '单价', 'list price', 'price'],
  active: ['狀態', '状态', '啟用', '启用', 'active', 'status'],
};
const REQUIRED: ProductField[] = ['sku', 'name', 'unit', 'price'];
const ACTIVE = new Set(['', '是', 'y', 'yes', 'true', '1', '啟用', '启用', '上架', '在售', 'active']);
const INACTIVE = new Set(['否', 'n', 'no', 'false', '0', '停用', '下架', '停售', 'inactive']);
/** A unit price above 1,000,000 元 is a typo. */
const PRICE_MAX_CENTS = 1_000_000 * 100;

export interface ProductProblem {
  /** The line of the file (the heading is line 1); 0 for the file as a whole. */
  line: number;
  reason: string;
  value?: string;
}

export type ProductCheck = { ok: true; products: ProductInput[] } | { ok: false; problems: ProductProblem[] };

function columnsOf(heading: string[]): (ProductField | undefined)[] {
  const lookup = new Map<string, ProductField>();
  for (const [field, names] of Object.entries(HEADINGS) as [ProductField, string[]][])
    for (const name of names) lookup.set(name.toLowerCase(), field);
  return heading.map((cell) =>
    lookup.get(
      cell
        .replace(/^\uFEFF/, '')
        .trim()
        .toLowerCase(),
    ),
  );
}

/** One row, or every reason it is refused (an import reports them all). */
export function checkProductRow(
  fields: Partial<Record<ProductField, string>>,
): ProductInput | { problems: Omit<ProductProblem, 'line'>[] } {
  const problems: Omit<ProductProblem, 'line'>[] = [];
  const sku = (fields.sku ?? '').trim().toUpperCase();
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/.test(sku)) problems.push({ reason: 'sku', value: sku });
  const name = (fields.name ?? '').trim();
  if (name === '' || name.length > 80) problems.push({ reason: 'name', value: name });
  const unit = (fields.unit ?? '').trim();
  if (unit === '' || unit.length > 10) problems.push({ reason: 'unit', value: unit });
  const packText = (fields.pack ?? '').trim() || '1';
  if (!/^\d{1,5}$/.test(packText) || Number(packText) < 1) problems.push({ reason: 'pack', value: packText });
  const price = parseMoneyCents(fields.price, PRICE_MAX_CENTS);
  if (!price.ok) problems.push({ reason: 'price', value: (fields.price ?? '').trim() });
  const activeText = (fields.active ?? '').trim().toLowerCase();
  if (!ACTIVE.has(activeText) && !INACTIVE.has(activeText)) problems.push({ reason: 'active', value: activeText });
  if (!price.ok || problems.length > 0) return { problems };
  return { sku, name, unit, packSize: Number(packText), listPriceCents: price.cents, active: ACTIVE.has(activeText) };
}

/** Checks the whole file: every row, then a SKU twice. Any problem refuses the whole file. */
export function checkProducts(rows: string[][]): ProductCheck {
  const [heading = [], ...body] = rows;
  const columns = columnsOf(heading);
  const missing = REQUIRED.filter((field) => !columns.includes(field));
  if (missing.length > 0)
    return { ok: false, problems: [{ line: 1, reason: 'missing_column', value: missing.join(', ') }] };
  const problems: ProductProblem[] = [];
  const products: ProductInput[] = [];
  const lineOfSku = new Map<string, number>();
  for (const [index, cells] of body.entries()) {
    const line = index + 2;
    if (cells.every((cell) => cell.trim() === '')) continue;
    const fields: Partial<Record<ProductField, string>> = {};
    columns.forEach((field, i) => {
      if (field) fields[field] = cells[i] ?? '';
    });
    const checked = checkProductRow(fields);
    if ('problems' in checked) {
      problems.push(...checked.problems.map((problem) => ({ line, ...problem })));
      continue;
    }
    const first = lineOfSku.get(checked.sku);
    if (first !== undefined) problems.push({ line, reason: 'duplicate', value: `${checked.sku} (${first})` });
    else lineOfSku.set(checked.sku, line);
    products.push(checked);
  }
  if (problems.length > 0) return { ok: false, problems };
  if (products.length === 0) return { ok: false, problems: [{ line: 0, reason: 'empty' }] };
  return { ok: true, products };
}
