import type { receivablesZhHant } from './receivables.zh-hant.ts';

export const receivablesEn: Record<keyof typeof receivablesZhHant, string> = {
  'ledger.help':
    '`/order ship <order>`: record a shipment (CSRs, SSG)\n' +
    '`/order pay <account> <amount> [received on] [invoices…]`: record a payment (received today unless dated) ' +
    'and settle invoices, ' +
    'the oldest first unless named\n' +
    '`/order credit <account> <amount> <reason>`: a credit note or rebate (reason required)',
  'ledger.forbidden': 'Only the SSG and the SLT may record shipments, payments and credit notes.',
  'ledger.order_not_found': 'No order {number}.',
  'ledger.account_not_found': 'No account “{code}”.',
  'ledger.ship.usage': 'Usage: `/order ship <order>`, e.g. `/order ship SO-000001`',
  'ledger.ship.not_shippable': 'Order {number} is {state}: only an approved or partly shipped order ships.',
  'ledger.ship.title': 'Record a shipment',
  'ledger.ship.submit': 'Record',
  'ledger.ship.close': 'Cancel',
  'ledger.ship.order': '*{number}* | {account} ({code})',
  'ledger.ship.field.date': 'Shipped on',
  'ledger.ship.field.carrier': 'Carrier',
  'ledger.ship.field.waybill': 'Waybill',
  'ledger.ship.field.line': '{sku} {name}: ordered {ordered}, shipped {shipped}; ship now',
  'ledger.ship.problem.not_whole': 'A quantity is 0 or a whole number',
  'ledger.ship.problem.over': 'More than ordered: at most {left} left to ship',
  'ledger.ship.problem.nothing': 'Enter a quantity on at least one line',
  'ledger.ship.problem.date': 'The shipping date cannot be after today',
  'ledger.ship.problem.carrier': 'Fill in the carrier (at most 40 characters)',
  'ledger.ship.problem.waybill': 'A waybill is at most 64 characters',
  'ledger.shipment.message':
    '🚚 *Shipment {shipment}* | order {order} | {account} ({code})\n{date} | {carrier} | waybill {waybill}\n' +
    '{lines}\nInvoice {invoice}: {amount}, due {due}',
  'ledger.shipment.line': '• {sku} {name} × {quantity}',
  'ledger.shipment.confirm': 'Confirm delivery',
  'ledger.shipment.delivered': '✅ Delivery confirmed by {by} on {date}',
  'ledger.shipment.recorded':
    'Shipment {shipment} recorded (order {order}); invoice {invoice} raised: {amount}, due {due}. Order: {state}.',
  'ledger.order.shipped_thread': '{by} recorded shipment {shipment}; invoice {invoice}: {amount}. Order: {state}.',
  'ledger.order.delivered_thread': '{by} confirmed shipment {shipment} delivered. Order: {state}.',
  'ledger.order.settled_thread': 'Every invoice of order {order} is settled. Order: {state}.',
  'ledger.money.required': 'Enter an amount',
  'ledger.money.format': 'Amount “{value}” is not valid: write it like 12,000.50 (at most two decimals)',
  'ledger.money.not_positive': 'The amount must be above 0',
  'ledger.money.too_large': 'Amount “{value}” is too large',
  'ledger.pay.usage':
    'Usage: `/order pay <account> <amount> [received on] [invoices…]`, e.g. `/order pay ED01 12,000.50` or ' +
    '`/order pay ED01 500 2026-11-20 INV-000003`',
  'ledger.pay.bad_date': 'Date received “{value}” is not valid: write it like 2026-11-20',
  'ledger.pay.future_date': 'Date received {value} is still to come: a payment cannot be recorded ahead',
  'ledger.pay.unknown_invoice': 'Invoice {numbers} does not exist or is not account {code}’s.',
  'ledger.pay.settled_invoice': 'Invoice {numbers} is already settled.',
  'ledger.pay.recorded':
    'Payment {payment} from {account} ({code}) recorded: {amount}, received {on}.\n{allocations}\n' +
    'Unapplied: {unapplied} | ' +
    'balance: {balance}',
  'ledger.pay.allocation': '• {invoice} settled {amount}, {open} still open',
  'ledger.pay.none': '• no open invoice to settle',
  'ledger.credit.usage':
    'Usage: `/order credit <account> <amount> <reason>` (reason required), e.g. `/order credit ED01 500 annual rebate`',
  'ledger.credit.recorded':
    '{kind} {note} for {account} ({code}) recorded: {amount}, reason: {reason}.\n{allocations}\nBalance: {balance}',
  'ledger.credit.kind.rebate': 'Rebate',
  'ledger.credit.kind.credit_note': 'Credit note',
  'ledger.card.balance': '*Receivables* {balance} | *orders not invoiced* {orders}',
  'ledger.card.aging': '*Aging* 0–30 days {d0_30} | 31–60 {d31_60} | 61–90 {d61_90} | over 90 {d90_plus}',
  'ledger.reminder.header': '📌 *Receivables reminder* ({date})',
  'ledger.reminder.due_soon': '• {invoice} | {account} ({code}) {amount} falls due on {due}',
  'ledger.reminder.overdue':
    '• {invoice} | {account} ({code}) {amount} is {days, plural, one {# day} other {# days}} overdue (due {due})',
  'ledger.report.header': '📊 *Receivables aging, {market}* ({date})',
  'ledger.report.partial': '(only the accounts you may see)',
  'ledger.report.columns': 'Account | 0–30 days | 31–60 | 61–90 | over 90',
  'ledger.report.row': '• {account} ({code}): {d0_30} | {d31_60} | {d61_90} | {d90_plus}',
  'ledger.report.total': '*Total*: {d0_30} | {d31_60} | {d61_90} | {d90_plus}',
  'ledger.report.none': 'No open invoices.',
  'ledger.report.more': '…and {count} more accounts',
};
