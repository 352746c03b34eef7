import { responsibleCsr } from '../accounts/logistics.ts';
import type { OrgChart } from '../org/org-chart.ts';
import type { ReminderAudience } from './reminders.ts';

/**
 * Who may record shipments, payments and credit notes: the SSG (the CSRs act on every account, each
 * in their role) and the SLT. A KAM or rep sees their own accounts' ledger and confirms deliveries.
 */
export function mayKeepLedger(chart: OrgChart, askerId: string): boolean {
  return chart.template === 'brand-sales' && (chart.isSsg(askerId) || chart.isLeadership(askerId));
}

/** Who may confirm a shipment delivered: the SSG and SLT, the account's owner and the owner's managers. */
export function mayConfirmDelivery(chart: OrgChart, askerId: string, account: { ownerId: string }): boolean {
  if (mayKeepLedger(chart, askerId)) return true;
  if (!chart.person(askerId) || !account.ownerId) return false;
  return askerId === account.ownerId || chart.isAbove(askerId, account.ownerId);
}

/** The account's KAM: its owner when a KAM, else the nearest KAM above the owner (a rep's). */
export function kamOf(chart: OrgChart, ownerId: string): string | undefined {
  if (!ownerId) return undefined;
  return [ownerId, ...chart.chainOf(ownerId)].find((id) => chart.person(id)?.role === 'key_account_manager');
}

/** Someone of a role above the owner, else the market's one of that role. */
function aboveOrInMarket(chart: OrgChart, ownerId: string, market: string, role: string): string[] {
  const chain = ownerId ? chart.chainOf(ownerId) : [];
  const above = chain.filter((id) => chart.person(id)?.role === role);
  if (above.length > 0) return above.slice(0, 1);
  return chart.people.filter((p) => p.role === role && p.markets.includes(market)).map((p) => p.slackId);
}

/** The people an invoice reminder goes to, by the audience the rule named; nobody twice. */
export function reminderRecipients(
  chart: OrgChart,
  account: { ownerId: string; market: string },
  audience: readonly ReminderAudience[],
): string[] {
  const out = new Set<string>();
  for (const who of audience) {
    const ids =
      who === 'kam'
        ? [kamOf(chart, account.ownerId) ?? account.ownerId]
        : who === 'csr'
          ? [responsibleCsr(chart.people, account.market)]
          : who === 'um'
            ? aboveOrInMarket(chart, account.ownerId, account.market, 'unit_manager')
            : who === 'mm'
              ? aboveOrInMarket(chart, account.ownerId, account.market, 'market_manager')
              : [chart.firstWithRole('sales_director')?.slackId];
    for (const id of ids) if (id && chart.person(id)) out.add(id);
  }
  return [...out];
}

/**
 * A market's owners for the Monday aging report: the SLT member who owns it, its MM, and the UMs and
 * KAMs under them (each is shown only the accounts whose card they may see).
 */
export function marketOwners(chart: OrgChart, market: string): string[] {
  const field = new Set(['market_manager', 'unit_manager', 'key_account_manager']);
  const owner = chart.marketOwner(market);
  const working = chart.people
    .filter((p) => field.has(p.role) && chart.marketsOf(p.slackId).includes(market))
    .map((p) => p.slackId);
  return [...new Set([...(owner && chart.person(owner) ? [owner] : []), ...working])];
}
