/** The monthly scorecard (考評), on the 3rd working day. */
export const scorecardsZhHant = {
  'scorecard.working': '正在計算 {month} 的考評…',
  'scorecard.none': '{month} 你沒有考評（當月沒有目標）。',
  'scorecard.none_team': '{month} 你的直屬下屬沒有考評。',
  'scorecard.none_markets': '{month} 沒有市場考評（市場經理當月沒有目標）。',
  'scorecard.markets_only_slt': '抱歉，只有領導層可以查看各市場考評。',
  'scorecard.help':
    '用法：`/targets scorecard [2026-11]` 我的考評；`/targets scorecard team` 下屬考評；' +
    '`/targets scorecard markets` 各市場考評（領導層）。',
  'scorecard.title': '📋 {name} {month} 考評：總分 {score}（{role}第 {rank}/{peers}）',
  'scorecard.sales': '• 銷售達成：{value}（第 {rank}/{peers}，{change}）',
  'scorecard.expense': '• 費用：預算使用 {used}，費用率 {ratio}（第 {rank}/{peers}，{change}）',
  'scorecard.visits': '• 來訪：登記 {filed}，通過 {value}（第 {rank}/{peers}，{change}）',
  'scorecard.metric': '• {metric}達成：{value}（第 {rank}/{peers}，{change}）',
  'scorecard.osb': '• OSB 問題：月底未解決 {open}{oldest}（{change}）',
  'scorecard.osb_oldest': '，最久已 {days} 天',
  'scorecard.change': '較上月 {delta}',
  'scorecard.change_none': '上月無資料',
  'scorecard.team': '📋 {month} 下屬考評：\n{lines}',
  'scorecard.markets': '📋 {month} 各市場考評：\n{lines}',
  'scorecard.team_line': '• {name}：總分 {score}，銷售達成 {attainment}，費用率 {ratio}，來訪通過 {visits}',
} as const;
