import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import {
  addPlanVersion,
  createPlan,
  findPlan,
  findVersionBySourceView,
  setPlanCard,
  type SalesPlan,
} from '../../db/plans/plan-repo.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { transaction, type Db, type Unit } from '../../db/unit-of-work.ts';
import { isUniqueViolation } from '../../db/database.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import type { PlanContent, PlanKind } from '../../domain/plans/plan-rules.ts';
import { t } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { kindName, planCard, planRange } from '../../views/plans/plan-views.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf, orgLocaleOf } from '../org/locale-of.ts';
import { approverNames, kindOf, loadPlan, planConversation, planViewOf, type StoredContent } from './plan-content.ts';
import { requirePlanWriter } from './plan-form.ts';

/** The card in the author's and approvers' conversation: posted for a new plan, rewritten after. */
export async function queuePlanCard(unit: Unit, chart: OrgChart, plan: SalesPlan, now: Date): Promise<void> {
  const card = planCard(await planViewOf(unit, chart, plan), {
    locale: orgLocaleOf(chart),
    timeZone: chart.data.timezone,
  });
  if (plan.cardOutboxId) {
    await enqueueMessage(unit, { method: 'chat.update', channel: '', args: card, updateOfId: plan.cardOutboxId }, now);
    return;
  }
  const channel = planConversation(chart, kindOf(plan), plan.authorId);
  const posted = await enqueueMessage(unit, { method: 'chat.postMessage', channel, args: card }, now);
  await setPlanCard(unit, plan.id, posted.id);
}

/** A note in the plan's thread, under its card. */
export async function noteInPlanThread(unit: Unit, plan: SalesPlan, text: string, now: Date): Promise<void> {
  if (!plan.cardOutboxId) return;
  await enqueueMessage(
    unit,
    { method: 'chat.postMessage', channel: '', args: { text }, threadOfId: plan.cardOutboxId },
    now,
  );
}

/**
 * A plan submitted by its author, from the modal or an uploaded file (`file`): a new plan of `kind`, or
 * the next version of `planId` (every change is a version; an approved plan changed goes back for
 * approval). The same modal (or file) twice submits once.
 */
export async function submitPlan(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  authorId: string;
  kind: PlanKind;
  planId: number | null;
  content: PlanContent;
  file?: StoredContent['file'];
  viewId: string;
}): Promise<number> {
  const { chart } = o;
  const existing = o.planId === null ? null : await loadPlan(o.db, chart, o.planId);
  requirePlanWriter(chart, o.authorId, existing ? kindOf(existing) : o.kind);
  if (existing && existing.authorId !== o.authorId) {
    const name = chart.nameOf(existing.authorId);
    throw new AppError(ErrorCode.Forbidden, { name }, 'not the author', 'plan.error.not_own');
  }
  const done = await findVersionBySourceView(o.db, o.viewId);
  if (done) return done.planId;
  try {
    return await saveVersion(o, existing);
  } catch (error) {
    // the same modal delivered twice at once: the second insert of its view id is refused
    const filed = isUniqueViolation(error) ? await findVersionBySourceView(o.db, o.viewId) : null;
    if (filed) return filed.planId;
    throw error;
  }
}

type SubmitPlan = Parameters<typeof submitPlan>[0];

async function saveVersion(o: SubmitPlan, existing: SalesPlan | null): Promise<number> {
  const { chart } = o;
  const now = o.clock.now();
  return transaction(o.db, async (unit) => {
    const { fromMonth, toMonth } = o.content;
    const plan =
      existing ??
      (await createPlan(unit, {
        orgId: chart.data.orgId,
        kind: o.kind,
        authorId: o.authorId,
        fromMonth,
        toMonth,
        createdAt: now,
      }));
    const version = await addPlanVersion(unit, plan, {
      content: JSON.stringify(o.file ? { ...o.content, file: o.file } : o.content),
      authorId: o.authorId,
      sourceViewId: o.viewId,
      createdAt: now,
      fromMonth,
      toMonth,
      publishOn: o.content.publishOn || null,
    });
    if (!version) throw new AppError(ErrorCode.AlreadyDecided, { by: chart.nameOf(o.authorId), at: '' }, 'raced');
    const after = (await findPlan(unit, plan.id)) as SalesPlan;
    await queuePlanCard(unit, chart, after, now);
    const name = escapeMrkdwn(chart.nameOf(o.authorId));
    if (existing)
      await noteInPlanThread(
        unit,
        after,
        t(orgLocaleOf(chart), 'plan.thread.version', { name, version: version.version }),
        now,
      );
    const kind = kindOf(plan);
    const approvers = approverNames(chart, kind, o.authorId);
    const range = planRange(o.content);
    const locale = localeOf(chart, o.authorId);
    const saved = t(locale, 'plan.saved', { range, kind: kindName(locale, kind), version: version.version, approvers });
    await queueDirectMessage(unit, o.authorId, { text: saved }, now);
    await recordAudit(unit, {
      orgId: chart.data.orgId,
      actor: o.authorId,
      action: 'plan.submit',
      subject: `plan#${plan.id}`,
      detail: { kind, version: version.version, range, ...(o.file ? { file: o.file.name } : {}) },
      at: now,
    });
    return plan.id;
  });
}
