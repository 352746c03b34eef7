/** Charts in Slack (issue 18): titles, axes, alt text and the text beside each picture. */
export const chartsZhHant = {
  'charts.coming': '圖表產生中，稍後會出現在你和我的私訊裡。',
  'charts.pace': '時間進度 {pace}%',
  'charts.no_target': '未設目標',
  'charts.team.title': '{name} 團隊 {metric} 達成率 {period}',
  'charts.team.alt': '{title}。橫條是各直屬下屬的達成率，直線是本月時間進度 {pace}%。{lines}',
  'charts.team.line': '{name} {attainment}',
  'charts.team.none': '{period} 沒有可畫的目標或實績。',
  'charts.funnel.title': '來訪轉化漏斗 {from}～{to}',
  'charts.funnel.alt': '{title}：{lines}',
  'charts.funnel.visits': '來訪',
  'charts.brand.title': '拜訪目的 {from}～{to}',
  'charts.brand.alt': '{title}：{lines}',
  'charts.digest.title': '{name} 本月達成率',
  'charts.digest.alt': '{title}，時間進度 {pace}%：{lines}',
  'charts.item': '{label} {count}',
};
