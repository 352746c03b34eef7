import type { Db } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/database.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import {
  createResearchResult,
  findResearchBySourceView,
  researchMatching,
  type ResearchResult,
} from '../../db/tasks/research-repo.ts';
import { transaction } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { competitorKey, RESEARCH_FIELDS, type ResearchInput } from '../../domain/tasks/research-rules.ts';
import { t, tFor, type Locale, type MessageKey } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { researchResultMessage } from '../../views/tasks/research-views.ts';
import { conversationLocaleOf } from '../org/locale-of.ts';
import { loadExcelJs } from '../accounts/load-exceljs.ts';
import { loadOwnAssignment } from './answer-task.ts';
import { taskOrigin } from './task-messages.ts';

/**
 * A 市調 result filed by the assignee (one per competitor; several per task): stored, posted in the
 * task's thread for the assigner, and to the planning channel. The same modal twice files once.
 */
export async function fileResearchResult(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  assignmentId: number;
  actorId: string;
  input: ResearchInput;
  viewId: string;
}): Promise<ResearchResult> {
  const { task } = await loadOwnAssignment(o, false);
  if (task.kind !== 'research')
    throw new AppError(ErrorCode.InvalidInput, {}, 'not research', 'research.error.not_research');
  const now = o.clock.now();
  const nameOf = (id: string) => o.chart.nameOf(id);
  try {
    return await transaction(o.db, async (unit) => {
      const result = await createResearchResult(unit, {
        orgId: task.orgId,
        taskId: task.id,
        authorId: o.actorId,
        ...o.input,
        competitorKey: competitorKey(o.input.competitor),
        sourceViewId: o.viewId,
        createdAt: now,
      });
      const to = (channel: string) =>
        researchResultMessage(result, task.title, { locale: conversationLocaleOf(o.chart, channel), nameOf });
      if (task.cardOutboxId)
        await enqueueMessage(
          unit,
          { method: 'chat.postMessage', channel: '', args: to(task.assignerId), threadOfId: task.cardOutboxId },
          now,
        );
      const planning = o.chart.channel('planning');
      if (planning)
        await enqueueMessage(
          unit,
          { method: 'chat.postMessage', channel: planning, args: to(planning), origin: taskOrigin(task) },
          now,
        );
      return result;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const filed = await findResearchBySourceView(o.db, o.viewId);
      if (filed) return filed;
    }
    throw error;
  }
}

/** Who may read a result: whoever may see its author's records, and whoever handed the task down. */
async function visibleResults(db: DbLike, chart: OrgChart, askerId: string, key: string, take: number) {
  if (!chart.person(askerId)) throw new AppError(ErrorCode.NotInOrg);
  const found = await researchMatching(db, chart.data.orgId, key, take * 5);
  return found.filter((r) => r.assignerId === askerId || chart.canSee(askerId, r.authorId)).slice(0, take);
}

/** `/task research 名稱`: results by competitor, folded (case, width, spaces and punctuation ignored). */
export async function searchResearch(o: { db: DbLike; chart: OrgChart; askerId: string; query: string }) {
  const key = competitorKey(o.query);
  if (!key) throw new AppError(ErrorCode.InvalidInput, {}, 'empty query', 'research.search.usage');
  return visibleResults(o.db, o.chart, o.askerId, key, 40);
}

/**
 * `/task export`: every result the asker may see, as an Excel workbook. Each value is a text cell, so a
 * result typed as `=HYPERLINK(…)` stays text and never runs as a formula.
 */
export async function exportResearch(o: { db: DbLike; chart: OrgChart; askerId: string; locale: Locale }) {
  const results = await visibleResults(o.db, o.chart, o.askerId, '', 5000);
  const label = (key: MessageKey) => t(o.locale, key);
  const header = [
    ...RESEARCH_FIELDS.map((f) => tFor(o.locale, 'research.field', f).replace(/（.*）|\s*\(.*\)/, '')),
    label('research.csv.task'),
    label('research.csv.filedBy'),
    label('research.csv.filedAt'),
  ];
  const book = new (await loadExcelJs()).Workbook();
  const sheet = book.addWorksheet(label('research.export.sheet'));
  sheet.addRow(header);
  for (const r of results) {
    sheet.addRow([
      ...RESEARCH_FIELDS.map((f) => r[f]),
      r.taskTitle,
      o.chart.nameOf(r.authorId),
      formatDateTime(r.createdAt, o.chart.data.timezone),
    ]);
  }
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  return { bytes, count: results.length, filename: 'research.xlsx' };
}
