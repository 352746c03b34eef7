/** action_id, callback_id and block_id constants shared by views and listeners. */
export const VisitIds = {
  fileCallback: 'visit_file',
  resubmitCallback: 'visit_resubmit',
  returnCallback: 'visit_return_reason',
  approve: 'visit_approve',
  return: 'visit_return',
  edit: 'visit_edit',
  keepOwner: 'visit_keep_owner',
  giveFiler: 'visit_give_filer',
  decisionBlock: 'visit_decision',
  returnReasonBlock: 'reason',
} as const;

export const CustomerIds = {
  next: 'customer_next',
  lost: 'customer_lost',
  undo: 'customer_undo',
  lostCallback: 'customer_lost_reason',
  stageBlock: 'customer_stage',
  lostReasonBlock: 'reason',
} as const;

/** The input element inside an input block is named after its block. */
export const inputActionId = (blockId: string): string => `${blockId}_input`;

export const IssueIds = {
  fileCallback: 'issue_file',
  assignCallback: 'issue_assign',
  resolveCallback: 'issue_resolve',
  acknowledge: 'issue_ack',
  assign: 'issue_assign_open',
  resolve: 'issue_resolve_open',
  escalate: 'issue_escalate',
  actionsBlock: 'issue_actions',
  assigneeBlock: 'assignee',
  resolutionBlock: 'resolution',
} as const;

export const FeedbackIds = {
  fileCallback: 'feedback_file',
  markRead: 'feedback_read',
  actionsBlock: 'feedback_actions',
} as const;

export const TargetIds = {
  setCallback: 'targets_set',
  salesCallback: 'sales_record',
  correctCallback: 'sales_correct',
  contractCallback: 'customer_contract',
  rowChanged: 'target_row_changed',
  parentBlock: 'parent',
  rowPrefix: 'row:',
  sumBlock: 'running_sum',
  confirmGapBlock: 'confirm_gap',
} as const;

export const FocusIds = {
  draftCallback: 'focus_draft',
  approve: 'focus_approve',
  acknowledge: 'focus_ack',
  actionsBlock: 'focus_actions',
} as const;

export const TaskIds = {
  assignCallback: 'task_assign',
  cannotCallback: 'task_cannot',
  commentCallback: 'task_comment',
  researchCallback: 'task_research',
  done: 'task_done',
  cannot: 'task_cannot_open',
  comment: 'task_comment_open',
  research: 'task_research_open',
  attendance: 'task_attendance_open',
  attendanceCallback: 'task_attendance',
  actionsBlock: 'task_actions',
  reasonBlock: 'reason',
  commentBlock: 'comment',
} as const;

export const PlanIds = {
  draftCallback: 'plan_draft',
  returnCallback: 'plan_return_reason',
  approve: 'plan_approve',
  return: 'plan_return',
  revise: 'plan_revise',
  actionsBlock: 'plan_actions',
  reasonBlock: 'reason',
} as const;

export const ExpenseIds = {
  fileCallback: 'expense_file',
  resubmitCallback: 'expense_resubmit',
  returnCallback: 'expense_return_reason',
  approve: 'expense_approve',
  return: 'expense_return',
  edit: 'expense_edit',
  decisionBlock: 'expense_decision',
  returnReasonBlock: 'reason',
} as const;

export const AccountIds = {
  newCallback: 'account_new',
  approve: 'account_request_approve',
  refuse: 'account_request_refuse',
  requestBlock: 'account_request',
} as const;

export const PhoneCallIds = {
  log: 'phone_call_log',
  logCallback: 'phone_call_logged',
  outcomeBlock: 'outcome',
  notesBlock: 'notes',
  nextBlock: 'next',
  replenishmentBlock: 'replenishment',
  /** On the confirmation of a logged call: the issue modal, OSB, prefilled with the account */
  openOsb: 'phone_call_osb',
} as const;

export const CreditIds = {
  propose: 'credit_propose',
  proposeCallback: 'credit_propose_lines',
  approve: 'credit_approve',
  linesBlock: 'lines',
} as const;

export const OrderIds = {
  entryCallback: 'order_entry',
  confirmCallback: 'order_confirm',
  rejectCallback: 'order_reject_reason',
  closeNeedCallback: 'order_need_close_reason',
  approve: 'order_approve',
  reject: 'order_reject',
  needToOrder: 'order_need_to_order',
  closeNeed: 'order_need_close',
  decisionBlock: 'order_decision',
  needBlock: 'order_need',
  accountBlock: 'account',
  linesBlock: 'lines',
  dateBlock: 'requested_on',
  noteBlock: 'note',
  reasonBlock: 'reason',
} as const;
