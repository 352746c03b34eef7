import type { Visit } from '../../db/visits/visit-repo.ts';
import { visitNumberText } from '../../domain/visits/visit-number.ts';
import { maskPhone } from '../../domain/visits/phone.ts';
import { t, type Locale, type MessageKey, tFor } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { VisitIds } from '../ids.ts';
import { storedVisitKind } from '../../domain/visits/visit-kind.ts';
import { visitKey } from './visit-terms.ts';
import { actions, button, context, header, section, type Block } from '../blocks.ts';

export interface VisitMessageContext {
  locale: Locale;
  timeZone: string;
  /** Display names by Slack id. */
  nameOf: (slackId: string) => string;
}

export type VisitDecision =
  | { kind: 'approved'; by: string; at: Date }
  | { kind: 'returned'; by: string; at: Date; reason: string }
  | { kind: 'superseded' };

const safe = (text: string, max = 500) => escapeMrkdwn(truncate(text, max));

/** The lines describing a registration; phones always masked, user text made inert. */
export function visitDetailLines(visit: Visit, c: VisitMessageContext): string[] {
  const at = formatDateTime(visit.visitAt, c.timeZone);
  if (visit.kind === 'brand') {
    const lines = [
      t(c.locale, 'visit.approval.account', {
        account: safe(visit.account, 80),
        purpose: tFor(c.locale, 'visit.purpose', visit.purpose),
        at,
      }),
      t(c.locale, 'visit.approval.outcome', { outcome: safe(visit.outcome) }),
    ];
    if (visit.nextStep) lines.push(t(c.locale, 'visit.approval.next_step', { nextStep: safe(visit.nextStep) }));
    return lines;
  }
  const lines = [
    t(c.locale, 'visit.approval.customer', { customer: safe(visit.customerName, 50), phone: maskPhone(visit.phone) }),
    t(c.locale, 'visit.approval.visit', {
      at,
      party: visit.partySize,
      source: tFor(c.locale, 'visit.source', visit.source),
      type: tFor(c.locale, 'visit.type', visit.visitType),
      grade: visit.grade,
    }),
  ];
  if (visit.budget || visit.unitType)
    lines.push(
      t(c.locale, 'visit.approval.budget', {
        budget: safe(visit.budget || '—', 50),
        unitType: safe(visit.unitType || '—', 50),
      }),
    );
  if (visit.notes) lines.push(t(c.locale, 'visit.approval.notes', { notes: safe(visit.notes) }));
  return lines;
}

/** The message a team lead (or KAM/UM) decides on; after a decision it shows who and when, without buttons. */
export function visitApprovalMessage(
  visit: Visit,
  c: VisitMessageContext,
  decision?: VisitDecision,
): { text: string; blocks: Block[] } {
  const title = t(c.locale, approvalHeaderKey(visit, decision), { id: visitNumberText(visit) });
  const blocks: Block[] = [header(title), section(visitDetailLines(visit, c).join('\n'), 'visit_details')];
  // filed before the filer's onboarding was all done: marked as a trainee's (見習)
  if (visit.filedAsTrainee)
    blocks.push(context(t(c.locale, 'visit.approval.trainee', { name: escapeMrkdwn(c.nameOf(visit.filerId)) })));
  if (visit.version > 1) blocks.push(context(t(c.locale, 'visit.approval.version', { version: visit.version })));
  if (!decision) {
    blocks.push(
      context(t(c.locale, 'visit.approval.ask', { filer: `<@${visit.filerId}>`, approver: `<@${visit.approverId}>` })),
    );
    blocks.push(
      actions(VisitIds.decisionBlock, [
        button(t(c.locale, 'visit.button.approve'), VisitIds.approve, String(visit.id), 'primary'),
        button(t(c.locale, 'visit.button.return'), VisitIds.return, String(visit.id), 'danger'),
      ]),
    );
  } else {
    blocks.push(section(decisionLine(decision, c), VisitIds.decisionBlock));
  }
  return { text: title, blocks };
}

/** The header carries the state: to review, approved, returned or resubmitted. */
function approvalHeaderKey(visit: Visit, decision?: VisitDecision): MessageKey {
  const base = visit.kind === 'brand' ? 'visit.approval.header_brand' : 'visit.approval.header';
  return decision ? `${base}_${decision.kind}` : base;
}

function decisionLine(decision: VisitDecision, c: VisitMessageContext): string {
  if (decision.kind === 'superseded') return t(c.locale, 'visit.decided.superseded');
  const base = { by: escapeMrkdwn(c.nameOf(decision.by)), at: formatDateTime(decision.at, c.timeZone) };
  return decision.kind === 'approved'
    ? t(c.locale, 'visit.decided.approved', base)
    : t(c.locale, 'visit.decided.returned', { ...base, reason: safe(decision.reason) });
}

/** To the filer after a return: the reason and a button to edit the same registration. */
export function visitReturnedNotice(
  visit: Visit,
  c: VisitMessageContext,
  by: string,
  reason: string,
): { text: string; blocks: Block[] } {
  const text = t(c.locale, visitKey(storedVisitKind(visit.kind), 'visit.notify.returned'), {
    id: visitNumberText(visit),
    customer: safe(visit.customerName || visit.account, 80),
    by: escapeMrkdwn(c.nameOf(by)),
    reason: safe(reason),
  });
  return {
    text,
    blocks: [
      section(text, 'returned'),
      actions('visit_edit_actions', [
        button(t(c.locale, 'visit.button.edit'), VisitIds.edit, String(visit.id), 'primary'),
      ]),
    ],
  };
}

/** To the project manager: whose customer this is, with two buttons. The filer never gets this. */
export function ownershipReviewMessage(
  visit: Visit,
  c: VisitMessageContext,
  o: { ownerId: string; lastVisitAt: Date; protectionDays: number; ruling?: { keep: boolean; by: string; at: Date } },
): { text: string; blocks: Block[] } {
  const title = t(c.locale, o.ruling ? 'visit.review.header_ruled' : 'visit.review.header_pending', {
    id: visitNumberText(visit),
  });
  const owner = escapeMrkdwn(c.nameOf(o.ownerId));
  const filer = escapeMrkdwn(c.nameOf(visit.filerId));
  const body = t(c.locale, o.ruling ? 'visit.review.body_ruled' : 'visit.review.body', {
    filer,
    customer: safe(visit.customerName, 50),
    phone: maskPhone(visit.phone),
    owner,
    last: formatDateTime(o.lastVisitAt, c.timeZone),
    days: o.protectionDays,
  });
  const blocks: Block[] = [header(title), section(body, 'review_body')];
  if (!o.ruling) {
    blocks.push(
      actions(VisitIds.decisionBlock, [
        button(
          t(c.locale, 'visit.button.keep_owner', { owner: c.nameOf(o.ownerId) }),
          VisitIds.keepOwner,
          String(visit.id),
        ),
        button(
          t(c.locale, 'visit.button.give_filer', { filer: c.nameOf(visit.filerId) }),
          VisitIds.giveFiler,
          String(visit.id),
        ),
      ]),
    );
  } else {
    const params = {
      by: escapeMrkdwn(c.nameOf(o.ruling.by)),
      at: formatDateTime(o.ruling.at, c.timeZone),
      owner,
      filer,
    };
    blocks.push(
      section(t(c.locale, o.ruling.keep ? 'visit.ruled.keep' : 'visit.ruled.give', params), VisitIds.decisionBlock),
    );
  }
  return { text: title, blocks };
}
