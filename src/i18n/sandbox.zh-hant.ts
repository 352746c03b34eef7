/** 沙盒（h5）：組織面板、新手導覽、時鐘，以及 Slack 自己的回答。 */
export const sandboxZhHant = {
  'sandbox.team.leadership': '領導層',
  'sandbox.team.site_office': '案場辦公室',
  'sandbox.team.of_lead': '{name}組',
  'sandbox.team.slt': 'SLT 銷售領導',
  'sandbox.team.ssg': 'SSG 銷售秘書組',
  'sandbox.team.fsf': 'FSF 一線銷售',
  'sandbox.team.fsf_markets': 'FSF・{markets}',
  'sandbox.guide.property.1': '以銷售人員 {name} 的身分輸入 `/visit`，登記一組來訪客戶。',
  'sandbox.guide.property.2': '換成組長 {name}：打開與組員的群組訊息，在卡片的討論串回覆「通過」。',
  'sandbox.guide.property.3':
    '換成專案經理 {name}，輸入 `/targets` 查看目標與達成，或 `/visit export {from} {to}` 匯出本月登記表。',
  'sandbox.guide.property.4': '按上方時鐘的「下一個排程」，再換成女專 {name}，在與銷售小幫手的私訊看晚上的來訪匯總。',
  'sandbox.guide.property.5':
    '換回專案經理 {name}，輸入 `/task`，類型選「市調」、交給一位組長、範圍「此人的團隊」；' +
    '再換成組員，在私訊的任務卡片按「填寫市調結果…」與「完成」，經理卡片上的進度隨之更新。',
  'sandbox.guide.brand.1': '以銷售總監 {name} 的身分輸入 `/focus {month}`，擬定下月工作重點並送出。',
  'sandbox.guide.brand.approve':
    '擬稿人不能核准自己的草稿：換成 SLT 的 {name}，打開與 {drafter} 的群組訊息，按草稿上的「核准」。',
  'sandbox.guide.brand.2':
    '在上方時鐘選發佈日 {publish}，按「撥到」；換成銷售代表 {name}，在與銷售小幫手的私訊按「已讀確認」。',
  'sandbox.guide.brand.3':
    '換回 {name}，輸入 `/focus status {month}` 看誰已確認；再撥到提醒日 {remind}，未確認的人會收到提醒。',
  'sandbox.guide.brand.4': '換成市場經理 {name}，輸入 `/targets` 查看市場的目標。',
  'sandbox.unknown_command': '{command} 不是有效的指令。在 Slack 中，所有以「/」開頭的訊息都會被當作指令。',
  'sandbox.clock.nothing': '之後沒有排定的事。',
  'sandbox.clock.bad_time': '時間只能往後撥。',
} as const;
