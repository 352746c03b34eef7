/** 發運、發票、收款結算與應收款（訂單之後的帳）。 */
export const receivablesZhHant = {
  'ledger.help':
    '`/order ship 訂單號`：記錄發運（CSR、SSG）\n' +
    '`/order pay 客戶編碼 金額 [收款日期] [發票號…]`：記錄收款（日期預設今天）並沖銷發票，' +
    '未指定發票時由最早到期的開始\n' +
    '`/order credit 客戶編碼 金額 原因`：折讓或返利（原因必填）',
  'ledger.forbidden': '只有 SSG 與 SLT 可以記錄發運、收款與折讓。',
  'ledger.order_not_found': '找不到訂單 {number}。',
  'ledger.account_not_found': '找不到客戶「{code}」。',
  'ledger.ship.usage': '用法：`/order ship 訂單號`，例如 `/order ship SO-000001`',
  'ledger.ship.not_shippable': '訂單 {number} 目前為「{state}」，不能發運（須為已核准或部分發運）。',
  'ledger.ship.title': '記錄發運',
  'ledger.ship.submit': '記錄',
  'ledger.ship.close': '取消',
  'ledger.ship.order': '*{number}*｜{account}（{code}）',
  'ledger.ship.field.date': '發運日期',
  'ledger.ship.field.carrier': '承運商',
  'ledger.ship.field.waybill': '運單號',
  'ledger.ship.field.line': '{sku} {name}：訂 {ordered}，已發 {shipped}，本次數量',
  'ledger.ship.problem.not_whole': '數量須為 0 或正整數',
  'ledger.ship.problem.over': '超出訂單數量：最多還可發 {left}',
  'ledger.ship.problem.nothing': '請至少填一行的發運數量',
  'ledger.ship.problem.date': '發運日期不能晚於今天',
  'ledger.ship.problem.carrier': '請填寫承運商（最多 40 字）',
  'ledger.ship.problem.waybill': '運單號最多 64 字',
  'ledger.shipment.message':
    '🚚 *發運 {shipment}*｜訂單 {order}｜{account}（{code}）\n{date}｜{carrier}｜運單 {waybill}\n{lines}\n' +
    '發票 {invoice}：{amount}，到期 {due}',
  'ledger.shipment.line': '• {sku} {name} × {quantity}',
  'ledger.shipment.confirm': '確認送達',
  'ledger.shipment.delivered': '✅ {by} 於 {date} 確認送達',
  'ledger.shipment.recorded':
    '已記錄發運 {shipment}（訂單 {order}），已開發票 {invoice}：{amount}，到期 {due}。訂單狀態：{state}。',
  'ledger.order.shipped_thread': '{by} 記錄發運 {shipment}，發票 {invoice}：{amount}。訂單狀態：{state}。',
  'ledger.order.delivered_thread': '{by} 確認發運 {shipment} 已送達。訂單狀態：{state}。',
  'ledger.order.settled_thread': '訂單 {order} 的發票已全部結清。訂單狀態：{state}。',
  'ledger.money.required': '請填金額',
  'ledger.money.format': '金額「{value}」無效，應為 12,000.50 這樣的數字（最多兩位小數）',
  'ledger.money.not_positive': '金額須大於 0',
  'ledger.money.too_large': '金額「{value}」太大',
  'ledger.pay.usage':
    '用法：`/order pay 客戶編碼 金額 [收款日期] [發票號…]`，例如 `/order pay ED01 12,000.50` 或 ' +
    '`/order pay ED01 500 2026-11-20 INV-000003`',
  'ledger.pay.bad_date': '收款日期「{value}」無效，應為 2026-11-20 這樣的日期',
  'ledger.pay.future_date': '收款日期 {value} 還沒到，不能記錄未來的收款',
  'ledger.pay.unknown_invoice': '發票 {numbers} 不存在或不屬於客戶 {code}。',
  'ledger.pay.settled_invoice': '發票 {numbers} 已結清，無需沖銷。',
  'ledger.pay.recorded':
    '已記錄 {account}（{code}）收款 {payment}：{amount}，{on} 收到。\n{allocations}\n' +
    '未沖銷：{unapplied}｜應收餘額：{balance}',
  'ledger.pay.allocation': '• {invoice} 沖銷 {amount}，尚欠 {open}',
  'ledger.pay.none': '• 沒有可沖銷的未結發票',
  'ledger.credit.usage': '用法：`/order credit 客戶編碼 金額 原因`（原因必填），例如 `/order credit ED01 500 年度返利`',
  'ledger.credit.recorded':
    '已記錄 {account}（{code}）{kind} {note}：{amount}，原因：{reason}。\n{allocations}\n應收餘額：{balance}',
  'ledger.credit.kind.rebate': '返利',
  'ledger.credit.kind.credit_note': '折讓',
  'ledger.card.balance': '*應收餘額* {balance}｜*未開票訂單* {orders}',
  'ledger.card.aging': '*帳齡* 0–30 天 {d0_30}｜31–60 天 {d31_60}｜61–90 天 {d61_90}｜90 天以上 {d90_plus}',
  'ledger.reminder.header': '📌 *應收款提醒*（{date}）',
  'ledger.reminder.due_soon': '• {invoice}｜{account}（{code}）{amount} 將於 {due} 到期',
  'ledger.reminder.overdue': '• {invoice}｜{account}（{code}）{amount} 已逾期 {days} 天（到期 {due}）',
  'ledger.report.header': '📊 *{market}應收帳齡週報*（{date}）',
  'ledger.report.partial': '（只列你可查看的客戶）',
  'ledger.report.columns': '客戶｜0–30 天｜31–60 天｜61–90 天｜90 天以上',
  'ledger.report.row': '• {account}（{code}）：{d0_30}｜{d31_60}｜{d61_90}｜{d90_plus}',
  'ledger.report.total': '*合計*：{d0_30}｜{d31_60}｜{d61_90}｜{d90_plus}',
  'ledger.report.none': '沒有未結發票。',
  'ledger.report.more': '…另有 {count} 個客戶',
} as const;
