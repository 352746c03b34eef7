import { zonedParts } from '../../lib/format-time.ts';

// The weekly phone visits (每週電話拜訪): which accounts a CSR calls in a week, and why.

/** An account not visited or called in this many days is due a call. */
export const QUIET_DAYS = 30;
/** At most this many calls on one CSR's list a week; the rest wait, most urgent first. */
export const CALLS_PER_WEEK = 25;
/** Until receivables exist (issue 17), these grades stand for a distributor near or over its limit. */
export const RISKY_GRADES = ['C', 'D'];

/** Why an account is on the list, most urgent first. */
export const CALL_REASONS = ['carried', 'credit', 'issue', 'replenishment', 'review', 'quiet'] as const;
export type CallReason = (typeof CALL_REASONS)[number];

/** What a logged call came to. */
export const CALL_OUTCOMES = ['reached', 'no_answer', 'callback', 'problem'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export const isCallOutcome = (value: string): value is CallOutcome =>
  (CALL_OUTCOMES as readonly string[]).includes(value);

/** An active account as the list is built from it. */
export interface CallCandidate {
  accountId: number;
  kind: string;
  market: string;
  grade: string | null;
  /** the last approved visit or made call, if any */
  lastContact: Date | null;
  openIssues: number;
  replenishment: boolean;
}

/** An account visited or called this recently is called again only for something open (an issue, a need). */
export const RECENT_DAYS = 7;

/** Why this account should be called this week (none: it is not due). */
export function callReasons(c: CallCandidate, now: Date): CallReason[] {
  const since = c.lastContact ? now.getTime() - c.lastContact.getTime() : Number.POSITIVE_INFINITY;
  if (since < RECENT_DAYS * 86_400_000)
    return [
      ...(c.openIssues > 0 ? (['issue'] as const) : []),
      ...(c.replenishment ? (['replenishment'] as const) : []),
    ];
  const reasons: CallReason[] = [];
  if (c.kind === 'distributor' && c.grade && RISKY_GRADES.includes(c.grade)) reasons.push('credit');
  if (c.openIssues > 0) reasons.push('issue');
  if (c.replenishment) reasons.push('replenishment');
  if (c.kind === 'distributor' && !c.grade) reasons.push('review');
  if (since > QUIET_DAYS * 86_400_000) reasons.push('quiet');
  return reasons;
}

const rank = (reasons: CallReason[]) => Math.min(...reasons.map((r) => CALL_REASONS.indexOf(r)));

export interface PlannedCall {
  accountId: number;
  callerId: string;
  reasons: CallReason[];
}

/**
 * The week's lists: each carried call first (it keeps its reasons, marked carried), then the due
 * accounts by urgency (a distributor before an outlet, the longest without contact first), at most
 * CALLS_PER_WEEK per CSR. `callerOf` names the CSR serving a market.
 */
export function planCalls(o: {
  candidates: CallCandidate[];
  carried: { accountId: number; callerId: string; reasons: CallReason[] }[];
  now: Date;
  callerOf: (market: string) => string | undefined;
}): PlannedCall[] {
  const planned: PlannedCall[] = [];
  const count = new Map<string, number>();
  const taken = new Set<number>();
  const add = (call: PlannedCall) => {
    if (taken.has(call.accountId) || (count.get(call.callerId) ?? 0) >= CALLS_PER_WEEK) return;
    taken.add(call.accountId);
    count.set(call.callerId, (count.get(call.callerId) ?? 0) + 1);
    planned.push(call);
  };
  for (const c of o.carried) add({ ...c, reasons: ['carried', ...c.reasons.filter((r) => r !== 'carried')] });
  const due = o.candidates
    .map((c) => ({ c, reasons: callReasons(c, o.now) }))
    .filter((d) => d.reasons.length > 0)
    .sort(
      (a, b) =>
        rank(a.reasons) - rank(b.reasons) ||
        Number(a.c.kind !== 'distributor') - Number(b.c.kind !== 'distributor') ||
        (a.c.lastContact?.getTime() ?? 0) - (b.c.lastContact?.getTime() ?? 0) ||
        a.c.accountId - b.c.accountId,
    );
  for (const { c, reasons } of due) {
    const callerId = o.callerOf(c.market);
    if (callerId) add({ accountId: c.accountId, callerId, reasons });
  }
  return planned;
}

/** The week an instant falls in, named by its Monday (YYYY-MM-DD, local). */
export function weekOf(now: Date, timeZone: string): string {
  const local = zonedParts(now, timeZone);
  const monday = new Date(Date.UTC(local.year, local.month, local.day - ((local.weekday + 6) % 7)));
  return monday.toISOString().slice(0, 10);
}

/** Friday 16:00 local, counted from the week's Monday 00:00: when a week's summary goes to the SSG leader. */
const SUMMARY_AFTER_MONDAY_MS = (4 * 24 + 16) * 3_600_000;

/** The Monday of the last week whose Friday summary is due by now: the week an agenda reports on. */
export const summarisedWeek = (now: Date, timeZone: string): string =>
  weekOf(new Date(now.getTime() - SUMMARY_AFTER_MONDAY_MS), timeZone);

export const parseReasons = (text: string): CallReason[] =>
  text.split(',').filter((r): r is CallReason => (CALL_REASONS as readonly string[]).includes(r));
