import type { ordersZhHant } from './orders.zh-hant.ts';

export const ordersEn: Record<keyof typeof ordersZhHant, string> = {
  'order.products.done': 'Product catalogue {file} imported: {total} SKUs, {added} added, {updated} updated.',
  'order.products.refused':
    'Product catalogue {file} was not imported; nothing changed. Fix these and reload:\n{problems}',
  'order.products.line': 'Line {line}: {reason}',
  'order.products.more': '…and {count} more problems',
  'order.products.reason.missing_column': 'Missing column: {value}',
  'order.products.reason.sku': 'SKU "{value}" is not valid (letters, digits, - _ ., at most 32)',
  'order.products.reason.name': 'A product name is required, at most 80 characters',
  'order.products.reason.unit': 'A unit is required, at most 10 characters',
  'order.products.reason.pack': 'Pack size "{value}" must be a whole number of 1 or more',
  'order.products.reason.price': 'List price "{value}" is not valid (above 0, at most two decimals)',
  'order.products.reason.active': 'Status "{value}" is not valid: active or inactive',
  'order.products.reason.duplicate': 'SKU twice: {value}',
  'order.products.reason.empty': 'The file holds no products',
  'order.products.reason.file_type': '"{value}" is not a CSV or XLSX file',
  'order.products.reason.unreadable': 'Cannot read the file "{value}"',
  'order.brand_only': 'Orders are for a brand sales department only.',
  'order.help':
    '`/order`: enter an order (CSRs; a KAM or rep for their own accounts)\n' +
    '`/order SO-000001`: an order and its history\n' +
    '`/order list [pending credit approval|approved|cancelled…]`: my, my' +
    " team's or all orders\n" +
    '`/order cancel SO-000001 reason`: cancel an order (releases' +
    ' the credit)\n' +
    '`/order need ED01 TEA001 [urgent] [note]`: record a' +
    ' stock-out at an account\n' +
    '`/order needs`: open replenishment needs',
  'order.field.account': 'Account',
  'order.field.account_hint': 'Account code or name, e.g. ED01',
  'order.field.lines': 'Lines',
  'order.field.lines_hint':
    'One product a line: SKU quantity [price], e.g. "TEA001 100" or "TEA001 100 68.5"; no price means the list price',
  'order.field.requested_on': 'Requested delivery date',
  'order.field.note': 'Note',
  'order.modal.title': 'New order',
  'order.modal.next': 'Next',
  'order.confirm.title': 'Confirm order',
  'order.confirm.submit': 'Place order',
  'order.confirm.back': 'Back',
  'order.confirm.account': '*Account: {code} {name}*',
  'order.confirm.figures':
    '*Order total: {total}*  Delivery: {requestedOn}\n' +
    'Open receivables: {receivable}  Open orders: {open}\n' +
    'Credit limit: {limit}  Left after this order: *{remaining}*',
  'order.confirm.will_approve': 'Within the limit and nothing overdue: approved when placed.',
  'order.confirm.will_hold': 'Will be held ({why}): goes to the SSG leader for approval.',
  'order.confirm.will_hold_director':
    'Will be held ({why}): goes to the SSG leader, then to the sales director for approval.',
  'order.no_credit_check': 'n/a (no distributor)',
  'order.confirm.no_credit_check':
    'This outlet belongs to no distributor, so no credit check applies: approved on submitting.',
  'order.confirm.credit_of':
    "An outlet's order is checked against its distributor {code} {name}'s credit " +
    '(receivables and open orders of all its outlets included).',
  'order.no_limit': 'none set',
  'order.line': '{sku} {name} × {quantity} {unit} @ {price} = {amount}',
  'order.more_lines': '…and {count} more lines',
  'order.reason.unknown_account': 'No account "{value}", or you may not order for it',
  'order.reason.account_required': 'Enter the account (its code or name)',
  'order.reason.ambiguous': '"{value}" matches several accounts: {names}. Type the account code',
  'order.reason.not_yours': "You may not order for {value}: only CSRs and the account's KAM or rep may",
  'order.reason.closed': 'Account {value} is closed',
  'order.reason.empty': 'Add at least one line: SKU quantity [price]',
  'order.reason.format': 'Line {line} "{value}": write SKU quantity [price]',
  'order.reason.quantity': 'Line {line}: quantity "{value}" must be a whole number of 1 or more',
  'order.reason.quantity_max': 'Line {line}: quantity "{value}" is too large: at most 1,000,000 a line',
  'order.reason.duplicate_sku': 'Line {line}: SKU "{value}" already has a line above; put one product on one line',
  'order.reason.price': 'Line {line}: price "{value}" is not valid (above 0, at most two decimals)',
  'order.reason.too_many': 'At most {value} lines an order',
  'order.reason.unknown_sku': 'Line {line}: no SKU "{value}" in the catalogue',
  'order.reason.inactive': 'Line {line}: SKU "{value}" is inactive',
  'order.reason.below_floor': 'Line {line}: the price is under your floor of {value}',
  'order.reason.date': 'The delivery date cannot be before today ({value})',
  'order.reason.need_unknown_account': 'No account "{value}", or you may not record a replenishment need for it',
  'order.reason.need_unknown_sku': 'No SKU "{value}" in the product catalogue',
  'order.reason.need_usage': 'Usage: `/order need <account code> <SKU> [urgent] [note]`',
  'order.reason.label': 'Reason',
  'order.reason.required': 'A reason is required',
  'order.reason.submit': 'Send',
  'order.refused_at_confirm': 'The order was not placed: {why}',
  'order.state.draft': 'draft',
  'order.state.pending_credit': 'pending credit approval',
  'order.state.approved': 'approved',
  'order.state.partly_shipped': 'partly shipped',
  'order.state.shipped': 'shipped',
  'order.state.delivered': 'delivered',
  'order.state.invoiced': 'invoiced',
  'order.state.settled': 'settled',
  'order.state.cancelled': 'cancelled',
  'order.card.title': 'Order {number} | {state}',
  'order.card.summary':
    'Account {code} {name} ({market}) | owner {owner} | entered' +
    ' by {enteredBy}\n' +
    'Total *{total}* | delivery {requestedOn}',
  'order.card.held':
    '*Needs credit approval: {why}*\nWaiting for {approver} (Approve on the approval card, or reply "approve" in its ' +
    'thread)',
  'order.card.was_held': 'Was held: {why}',
  'order.card.cancelled': '*Cancelled:* {reason}',
  'order.card.last': '{actor} {at} → {state}{note}',
  'order.hold.excess': 'over the limit by {amount}',
  'order.hold.unrated': 'not rated / no credit limit set',
  'order.hold.overdue': '{amount} overdue {days, plural, one {# day} other {# days}}',
  'order.hold.separator': '; ',
  'order.approve': 'Approve',
  'order.reject': 'Reject…',
  'order.reject.title': 'Reject order',
  'order.history.from_erp': 'imported from the ERP',
  'order.history': 'History',
  'order.thread.ask': '{approver} please decide: {why}. Press Approve or reply "approve".',
  'order.thread.approved': '{decider} approved.',
  'order.thread.passed_on': '{decider} approved; the excess is above the threshold, on to the sales director.',
  'order.thread.refused': '{decider} rejected: {reason}',
  'order.thread.cancelled': '{decider} cancelled: {reason}',
  'order.change.to_director': 'on to the sales director',
  'home.pending.order': '• Order {number} ({account}, {amount}) awaits credit approval: {why}',
  'order.remind.held':
    'Reminder: {count, plural, one {# order has} other {# orders have}} waited over a day for your credit approval ' +
    '(Approve on its card, or reply "approve" in its thread):',
  'order.dm.held': 'Order {number} needs credit approval ({why}); sent to the SSG leader.',
  'order.dm.released': 'Order {number} passed credit approval and is approved.',
  'order.dm.refused': 'Order {number} was refused credit approval: {reason}',
  'order.not_held': 'Order {number} is no longer waiting for approval ({state}).',
  'order.decide.forbidden': 'This order waits for {approver}; you may not approve or reject it.',
  'order.not_found': 'No order {number}.',
  'order.view.forbidden':
    "You may not see this order: only who entered it, the account's owner and their managers, the SSG and the SLT may.",
  'order.cancel.forbidden': "You may not cancel this order: only CSRs, the account's KAM or rep, and the SLT may.",
  'order.cancel.already': 'Order {number} was already cancelled by {name} on {at}.',
  'order.cancel.too_late': 'Order {number} has shipped or is closed; it cannot be cancelled.',
  'order.cancel.usage': 'Usage: `/order cancel SO-000001 reason`',
  'order.cancel.done': 'Order {number} is cancelled; its credit is released.',
  'order.list.all': 'All orders (latest {count}):',
  'order.list.mine': "My and my team's orders (latest {count}):",
  'order.list.line': '• {number} | {state} | {code} {name} | {total} | delivery {requestedOn}',
  'order.list.bad_state':
    'No state "{value}". Use: pending credit approval, approved,' +
    ' partly shipped, shipped, delivered, invoiced, settled, cancelled',
  'order.list.none_all': 'No orders yet.',
  'order.list.none_mine': 'You and your team have no orders yet.',
  'order.list.none_state': 'No orders that are {state}.',
  'order.need.line': '{account} | {sku} | {reporter}{note}',
  'order.need.line_urgent': '🔴 urgent | {account} | {sku} | {reporter}{note}',
  'order.need.card': '*Replenishment need*\n{line}',
  'order.need.to_order': 'Make an order',
  'order.need.close': 'Close…',
  'order.need.close_title': 'Close the need',
  'order.need.recorded': 'Recorded the need for {sku}; sent to the SSG.',
  'order.need.list': 'Open replenishment needs: {count}',
  'order.need.closed_dm': 'The need for {sku} at {account} was closed by {closer}: {reason}',
  'order.need.not_ssg': 'Only the SSG handles replenishment needs.',
  'order.need.already_ordered': 'This need has already become an order.',
  'order.need.already_closed': 'This need is already closed.',
  'order.agenda.needs': '*Open replenishment needs*: {count}',
  'order.agenda.need_line': '• {urgent}{account} | {sku} | {days, plural, one {# day} other {# days}} open',
  'order.agenda.urgent': 'urgent | ',
  'order.enter.forbidden': "Only the SSG's CSRs, KAMs and sales reps enter orders and replenishment needs.",
};
