import { scorecardsZhHant } from './scorecards.zh-hant.ts';
import { expensesZhHant } from './expenses.zh-hant.ts';
import { issuesZhHant } from './issues.zh-hant.ts';
import { targetsZhHant } from './targets.zh-hant.ts';
import { rhythmZhHant } from './rhythm.zh-hant.ts';
import { sandboxZhHant } from './sandbox.zh-hant.ts';
import { dealsZhHant } from './deals.zh-hant.ts';
import { dealReportsZhHant } from './deal-reports.zh-hant.ts';
import { visitsZhHant } from './visits.zh-hant.ts';
import { deliveryZhHant } from './delivery.zh-hant.ts';
import { chartsZhHant } from './charts.zh-hant.ts';
import { tasksZhHant } from './tasks.zh-hant.ts';
import { plansZhHant } from './plans.zh-hant.ts';
import { accountsZhHant } from './accounts.zh-hant.ts';
import { phoneCallsZhHant } from './phone-calls.zh-hant.ts';
import { receivablesZhHant } from './receivables.zh-hant.ts';
import { erpZhHant } from './erp.zh-hant.ts';
import { ordersZhHant } from './orders.zh-hant.ts';

/** 繁體中文（預設）。Terms follow DOMAIN.md, as the users say them. */
export const zhHant = {
  ...dealsZhHant,
  ...dealReportsZhHant,
  ...visitsZhHant,
  ...issuesZhHant,
  ...targetsZhHant,
  ...expensesZhHant,
  ...scorecardsZhHant,
  ...rhythmZhHant,
  ...deliveryZhHant,
  ...chartsZhHant,
  ...tasksZhHant,
  ...plansZhHant,
  ...sandboxZhHant,
  ...accountsZhHant,
  ...phoneCallsZhHant,
  ...receivablesZhHant,
  ...erpZhHant,
  ...ordersZhHant,
  'role.marketing_director': '營銷總監',
  'role.vp_business': '業務副總',
  'role.sales_director': '銷售總監',
  'role.project_manager': '專案經理',
  'role.deputy_manager': '副專',
  'role.site_secretary': '女專',
  'role.team_lead': '組長',
  'role.salesperson': '銷售人員',
  'role.trainee': '見習銷售人員',
  'role.general_manager': '總經理',
  'role.deputy_sales_director': '銷售副總監',
  'role.ssg_leader': '銷售秘書組組長',
  'role.customer_service_rep': '客服代表',
  'role.market_manager': '市場經理',
  'role.unit_manager': '區域經理',
  'role.key_account_manager': '客戶經理',
  'role.sales_rep': '當地銷售代表',

  'error.not_in_org': '你尚未列入「{org}」的組織架構，所以無法使用這個指令。請聯絡 {contacts} 把你加入組織檔。',
  'error.forbidden': '抱歉，你沒有權限進行這個操作。',
  /** a 通過 in the thread of a DM with the bot that is no approval card (a reminder, a notice) */
  'approval.reply_not_here':
    '這則訊息不是審核卡，在這裡回覆「通過」不會核准任何事項。' +
    '請在審核卡上按「核准」，或在該卡的討論串回覆「通過」；等你審核的事項都列在 App Home 的「待我審核」。',
  'approval.return_reply_not_here':
    '回覆「退回：原因」只會退回等待審核的來訪／拜訪登記；這則訊息不是，所以沒有退回任何事項。' +
    '其他審核請用卡片上的按鈕。',
  /** between the reasons of one line of an import's file */
  'import.reasons_separator': '；',
  'error.invalid_input': '輸入有誤：{reason}',
  'error.not_found': '找不到 {what}。',
  'error.already_decided': '這件事已經由 {by} 於 {at} 處理，不需要再操作。',
  'error.already_decided_by_you': '你已於 {at} 處理過這件事，不需要再操作。',
  'error.no_approver': '組織檔中沒有你的上級可以審核，請聯絡管理員。',
  'error.org_file_invalid': '組織檔有誤，未載入，現行架構維持不變：\n{problems}',
  'error.org_file_unreadable': '無法讀取組織檔 {file}，現行架構維持不變。',
  'error.internal': '系統暫時出了點問題，你的資料沒有遺失。請稍後再試一次。',

  'org.file.line': '第 {line} 行：{reason}',
  'org.file.reason.yaml': 'YAML 格式錯誤（{value}）',
  'org.file.reason.shape': '檔案結構不正確',
  'org.file.reason.field': '欄位「{value}」的值不正確',
  'org.file.reason.unknown_key': '不認得的欄位「{value}」',
  'org.file.reason.timezone': '不認得的時區「{value}」',
  'org.file.reason.duplicate_person': '人員 {value} 重複出現',
  'org.file.reason.unknown_role': '不認得的職位「{value}」',
  'org.file.reason.unknown_manager': 'reports_to 指向不存在的人員 {value}',
  'org.file.reason.unknown_market': '不存在的市場代碼「{value}」',
  'org.file.reason.unknown_admin': 'admins 指向不存在的人員 {value}',
  'org.file.reason.market_without_owner': '市場 {value} 沒有負責人（owner 必須是組織內的人員）',
  'org.file.reason.cycle': '匯報鏈形成循環：{value}',
  'org.file.reason.unknown_meeting':
    '不認得的會議「{value}」（可用：slt、quarterly、annual、osb、communication、ssg、phone_visits；案場為 site）',
  'org.file.reason.meeting_field': '會議設定「{value}」不適用：每月的會議用 day，每週的會議用 weekday',
  // hardening (h4): limits on the org file
  'org.file.reason.too_deep': '匯報鏈超過 50 層（{value} 在第 51 層以下），請檢查 reports_to',
  'org.file.reason.yaml_aliases': 'YAML 別名（*）展開過多（上限 {value} 次），檔案不予讀取',

  'org.profile.header': '{name}・{role}',
  'org.profile.org': '組織：{org}',
  'org.profile.chain': '*匯報鏈*',
  'org.profile.reports': '*直屬下屬*',
  'org.profile.markets': '*負責市場*：{markets}',
  'org.profile.area': '*區域*：{area}',
  'org.profile.accounts': '*客戶*：{accounts}',
  'org.profile.none': '（無）',
  'org.profile.top': '（最高層，無上級）',
  'org.profile.more': '……另有 {count} 人',
  'org.lang.set': '好的，之後會用繁體中文回覆你。',
  'org.lang.usage': '用法：`/org lang zh-Hant` 或 `/org lang en`',
  'org.reload.done': '組織架構已重新載入：共 {people} 人，新增 {added} 人，更新 {updated} 人，停用 {deactivated} 人。',
  'org.person_not_found': '{who} 不在組織架構中。',
  'org.help':
    '用法：\n• `/org`：我的職位、匯報鏈與直屬下屬\n• `/org @某人`：查看某人（限我的下屬，或領導層）\n' +
    '• `/org lang zh-Hant|en`：設定語言\n• `/org digest daily|weekly|monthly|off`：摘要頻率\n' +
    '• `/org reload`：重新載入組織檔（領導層或管理員）\n' +
    '• `/org retry-failed`：重新送出未送達的訊息（領導層或管理員）',

  'home.title': '銷售小幫手',
  'home.me': '*{name}*・{role}・{org}',
  'home.commands':
    '*常用指令*\n• `/visit` 客戶來訪登記\n• `/issue` 問題回報\n• `/feedback` 銷售信息反饋\n• `/targets` ' +
    '我的目標與達成{focus}\n• `/deal` 成交、回款與催收\n• `/task` 任務、市調與計劃書\n' +
    '• `/expense` 報銷與費用預算\n• `/org` 組織架構與設定',
  'home.not_in_org': '你尚未列入組織架構。請聯絡 {contacts}。',
  // h7 cards: a click on a button that is gone
  'error.stale_button': '這個按鈕已不再使用：這則訊息已經變更，請以最新的訊息為準。',
  'error.stale_form': '這個表單已不再使用，內容沒有儲存。請用指令重新開啟。',

  // database outages and scheduled runs that finally failed
  'error.database_unavailable': '暫時無法儲存，請稍後再試。',
  'job.failed.admin': '⚠️ 排程工作「{job}」（{period}）重試 {attempts} 次仍失敗，已停止重試：{reason}',

  // App Home on a brand: its own word for a visit (f4)
  'home.commands_brand':
    '*常用指令*\n• `/visit` 拜訪登記\n• `/issue` 問題回報（含 OSB）\n• `/feedback` 銷售信息反饋\n• `/targets` ' +
    '我的目標與達成{focus}\n• `/account` 客戶檔案、信用與儲運\n• `/order` 訂單、發運與應收款\n' +
    '• `/task` 任務、市調與計劃書\n• `/expense` 報銷與費用預算\n• `/org` 組織架構與設定',
  // a direct message to the bot that is not a command (f1)
  'dm.help':
    '我看不懂一般訊息，請用指令（在訊息框輸入「/」開頭）：\n• `/visit` 登記客戶來訪或拜訪\n• `/issue` 回報問題\n' +
    '• `/targets` 我的目標與達成\n• `/org` 組織架構與設定（`/org lang en` 改用英文）\n' +
    '打開 App Home 可以看到所有指令。',
  // App Home lists /focus only to those it answers (g2)
  'home.commands.focus_draft': '\n• `/focus` 本月工作重點',
  'home.commands.focus_status': '\n• `/focus status` 本月工作重點確認情況',
} as const;

export type MessageKey = keyof typeof zhHant;
