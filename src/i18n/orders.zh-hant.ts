/** 訂單、額度審核、補貨記錄。 */
export const ordersZhHant = {
  'order.products.done': '商品目錄 {file} 已匯入：共 {total} 個 SKU，新增 {added} 個，更新 {updated} 個。',
  'order.products.refused': '商品目錄 {file} 未匯入，沒有任何變更。請修正以下問題：\n{problems}',
  'order.products.line': '第 {line} 行：{reason}',
  'order.products.more': '…另有 {count} 個問題',
  'order.products.reason.missing_column': '缺少欄位：{value}',
  'order.products.reason.sku': 'SKU「{value}」無效（英文字母、數字、- _ .，最多 32 字）',
  'order.products.reason.name': '商品名稱必填，最多 80 字',
  'order.products.reason.unit': '單位必填，最多 10 字',
  'order.products.reason.pack': '包裝規格「{value}」應為 1 以上的整數',
  'order.products.reason.price': '牌價「{value}」無效（大於 0，最多兩位小數）',
  'order.products.reason.active': '狀態「{value}」無效，應為 啟用 或 停用',
  'order.products.reason.duplicate': 'SKU 重複：{value}',
  'order.products.reason.empty': '檔案沒有任何商品',
  'order.products.reason.file_type': '「{value}」不是 CSV 或 XLSX 檔',
  'order.products.reason.unreadable': '讀不到檔案「{value}」',
};
