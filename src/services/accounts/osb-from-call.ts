import { findPhoneCall } from '../../db/accounts/phone-call-repo.ts';
import type { Db } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t, tFor } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { IssuePrefill } from '../../views/issues/issue-modals.ts';
import { localeOf } from '../org/locale-of.ts';
import { requireMayLog } from './log-phone-call.ts';

/** The OSB categories a call's follow-up is filed under, the first preselected. */
export const OSB_FROM_CALL = ['osb_order', 'osb_shipment', 'osb_billing'] as const;

/**
 * A follow-up of a logged call, as an OSB issue: the report modal starts with the account as its
 * subject (its name, which the account's card and the call lists match), the account and what the customer
 * said (or the outcome) as its title, and the outcome, notes and next step as its description. Its caller or
 * the SSG leader.
 */
export async function osbFromCall(o: {
  db: Db;
  chart: OrgChart;
  askerId: string;
  callId: number;
}): Promise<IssuePrefill> {
  const call = await findPhoneCall(o.db, o.callId);
  // a call that did not reach the customer has nothing to report (its confirmation offers no button)
  if (!call || call.orgId !== o.chart.data.orgId || call.status !== 'made' || call.outcome === 'no_answer')
    throw new AppError(ErrorCode.NotFound, {}, 'no call', 'phone.not_found');
  requireMayLog(o.chart, o.askerId, call);
  const locale = localeOf(o.chart, o.askerId);
  const account = `${call.code} ${call.name}`;
  const outcome = tFor(locale, 'phone.outcome', call.outcome);
  const notes = call.notes.trim();
  const next = call.nextStep.trim() ? t(locale, 'phone.osb.next', { next: call.nextStep.trim() }) : '';
  return {
    category: OSB_FROM_CALL[0],
    // what the customer said is the issue; the next step is what the caller means to do about it
    title: t(locale, 'phone.osb.title', { account, complaint: notes || outcome }),
    description: [t(locale, 'phone.osb.description', { week: call.week, outcome, notes }).trim(), next]
      .filter(Boolean)
      .join('\n'),
    subject: call.name,
  };
}
