/** 成交的報表：每週回款與欠款、匯出、列表篩選。 */
export const dealReportsZhHant = {
  'deal.weekly.title': '每週回款與欠款・{scope}（{from} 至 {to}）',
  'deal.weekly.scope_site': '全案場',
  'deal.weekly.scope_team': '{lead} 組',
  'deal.weekly.collected': '本週回款 {amount}（{count} 筆）；退款 {refund}',
  'deal.weekly.overdue': '目前逾期 {amount}（{count} 項）',
  'deal.weekly.rate': '回款率 {rate}%（至週末到期應收 {due}，已收 {paid}）',
  'deal.weekly.rate_none': '回款率：尚無到期應收',
  'deal.weekly.owner': '• {owner}：回款 {collected}，逾期 {overdue}（{count} 項）',
  'deal.weekly.quiet': '本週沒有回款，也沒有逾期項目。',
  'deal.weekly.more_site': '逾期明細：`/deal arrears`；匯出：`/deal export 起日 迄日`',
  'deal.weekly.more_team': '逾期明細：`/deal list overdue`',
};
