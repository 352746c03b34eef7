import { type ErpProblem, rowsOf } from './erp-columns.ts';
import { type Checked, erpActive, erpMoney, erpQuantity } from './erp-values.ts';

/** A product of the catalogue as the ERP exports it. */
export interface ProductInput {
  sku: string;
  name: string;
  unit: string;
  packSize: number;
  listPriceCents: number;
  active: boolean;
}

export type ProductField = 'sku' | 'name' | 'unit' | 'pack' | 'price' | 'active';

/** The export's headings in traditional or simplified Chinese or English; the first names the column. */
export const PRODUCT_HEADINGS: Record<ProductField, string[]> = {
  sku: ['商品編碼', '商品编码', '產品編碼', '产品编码', '物料編碼', '物料编码', '料號', '料号', 'SKU', 'item code'],
  name: ['商品名稱', '商品名称', '產品名稱', '产品名称', '品名', 'name', 'product name', 'description'],
  unit: ['單位', '单位', 'unit', 'uom'],
  pack: ['包裝規格', '包装规格', '箱規', '箱规', '每箱數量', '每箱数量', 'pack size', 'pack'],
  price: ['牌價', '牌价', '標準價', '标准价', '定價', '定价', 'list price', 'price'],
  active: ['狀態', '状态', '啟用', '启用', 'active', 'status'],
};
const REQUIRED: ProductField[] = ['sku', 'name', 'unit', 'price'];

const SKU = /^[A-Za-z0-9][A-Za-z0-9_.\-/]{0,39}$/;

function checkProduct(f: Partial<Record<ProductField, string>>): Checked<ProductInput> {
  const sku = f.sku ?? '';
  if (!SKU.test(sku)) return { ok: false, reason: 'sku', value: sku };
  const name = f.name ?? '';
  if (!name || name.length > 80) return { ok: false, reason: 'product_name', value: name };
  const unit = f.unit ?? '';
  if (!unit || unit.length > 10) return { ok: false, reason: 'unit', value: unit };
  const pack = f.pack ? erpQuantity(f.pack, 'pack') : ({ ok: true, value: 1 } as const);
  if (!pack.ok) return pack;
  const price = erpMoney(f.price, 'price');
  if (!price.ok) return price;
  const active = erpActive(f.active);
  if (!active.ok) return active;
  return {
    ok: true,
    value: { sku, name, unit, packSize: pack.value, listPriceCents: price.value, active: active.value },
  };
}

/** Every row checked; any problem refuses the whole file. A SKU twice is a problem. */
export function checkProductRows(
  rows: string[][],
): { ok: true; products: ProductInput[] } | { ok: false; problems: ErpProblem[] } {
  const read = rowsOf(rows, PRODUCT_HEADINGS, REQUIRED);
  if (!read.ok) return read;
  const problems: ErpProblem[] = [];
  const products: ProductInput[] = [];
  const lineOf = new Map<string, number>();
  for (const { line, fields } of read.rows) {
    const checked = checkProduct(fields);
    if (!checked.ok) {
      problems.push({ line, reason: checked.reason, value: checked.value });
      continue;
    }
    const earlier = lineOf.get(checked.value.sku);
    if (earlier !== undefined) problems.push({ line, reason: 'doc_twice', value: String(earlier) });
    else lineOf.set(checked.value.sku, line);
    products.push(checked.value);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, products };
}
