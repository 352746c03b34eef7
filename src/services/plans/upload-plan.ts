import { plansBy } from '../../db/plans/plan-repo.ts';
import type { Db } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { readPlanDocument } from '../../domain/plans/plan-document.ts';
import {
  PLAN_FIELDS,
  PLAN_SECTIONS,
  planFields,
  planKindsOf,
  validatePlan,
  type PlanField,
} from '../../domain/plans/plan-rules.ts';
import { LOCALES, tFor, type Locale } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { localeOf } from '../org/locale-of.ts';
import { kindOf } from './plan-content.ts';
import { requirePlanWriter } from './plan-form.ts';
import { readPlanFile } from './read-plan-file.ts';
import { submitPlan } from './submit-plan.ts';

/** A field's form label without its hint (`市場分析（選填）` → `市場分析`): the heading a document uses. */
const headingOf = (locale: Locale, field: PlanField) => tFor(locale, 'plan.field', field).split(/（| \(/)[0];

/** Every name a section goes by in a document: its heading and its form label (without the hint), in each language. */
function sectionLabels(): Record<string, PlanField> {
  const labels: Record<string, PlanField> = {};
  for (const locale of LOCALES) {
    for (const key of [...PLAN_SECTIONS, 'targets'] as const) labels[tFor(locale, 'plan.section', key)] = key;
    for (const field of PLAN_FIELDS) labels[headingOf(locale, field)] ??= field;
  }
  return labels;
}

/**
 * A plan uploaded as a file (Markdown or DOCX) in the author's DM: read, checked like the form, and
 * submitted with the file's reference stored beside it. The author's plan of the same kind and first
 * month gets it as a new version; otherwise it is a new plan. The same file twice submits once.
 */
export async function uploadPlan(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  authorId: string;
  file: { id: string; name: string; url: string };
  bytes: Buffer;
}): Promise<number> {
  const { chart } = o;
  const locale = localeOf(chart, o.authorId);
  const name = escapeMrkdwn(truncate(o.file.name, 80));
  const text = await readPlanFile(o.file.name, o.bytes);
  if (!text.trim()) throw new AppError(ErrorCode.InvalidInput, { name }, 'no text', 'plan.upload.unreadable');
  const doc = readPlanDocument(text, sectionLabels());
  const kind = doc.kind && planKindsOf(chart.template).includes(doc.kind) ? doc.kind : planKindsOf(chart.template)[0];
  requirePlanWriter(chart, o.authorId, kind);
  if (doc.unknownHeadings.length > 0) {
    // a section under a heading the bot does not know would be dropped: say so rather than lose it
    const headings = doc.unknownHeadings.map((h) => `「${escapeMrkdwn(truncate(h, 40))}」`).join('、');
    const known = planFields(kind)
      .filter((f) => f !== 'fromMonth' && f !== 'toMonth')
      .map((f) => headingOf(locale, f))
      .join('、');
    throw new AppError(
      ErrorCode.InvalidInput,
      { name, headings, known },
      'unknown heading',
      'plan.upload.unknown_heading',
    );
  }
  const today = formatDateTime(o.clock.now(), chart.data.timezone).slice(0, 10);
  const checked = validatePlan(doc.fields, { kind, currentMonth: today.slice(0, 7), today });
  if (!checked.ok) {
    const problems = checked.errors
      .map((e) => tFor(locale, 'plan.error', e.reason, { field: tFor(locale, 'plan.field', e.field), ...e.params }))
      .join(' ');
    throw new AppError(ErrorCode.InvalidInput, { name, problems }, 'bad plan file', 'plan.upload.bad');
  }
  const mine = await plansBy(o.db, chart.data.orgId, o.authorId, 50);
  const same = mine.find((p) => kindOf(p) === kind && p.fromMonth === checked.content.fromMonth);
  return submitPlan({
    db: o.db,
    clock: o.clock,
    chart,
    authorId: o.authorId,
    kind,
    planId: same?.id ?? null,
    content: checked.content,
    file: o.file,
    viewId: `file:${o.file.id}`,
  });
}
