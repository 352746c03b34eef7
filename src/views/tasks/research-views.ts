import type { ResearchResult } from '../../db/tasks/research-repo.ts';
import type { PriceChange } from '../../domain/tasks/research-rules.ts';
import { t } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { capBlocks, context, section, type Block } from '../blocks.ts';
import type { TaskViewContext } from './task-cards.ts';

const shown = (value: string, max: number) => (value ? escapeMrkdwn(truncate(value, max)) : '—');

/** One competitor's result, as the assigner and the planning channel get it. */
export function researchResultMessage(
  r: ResearchResult,
  taskTitle: string,
  c: Pick<TaskViewContext, 'locale' | 'nameOf'>,
): { text: string; blocks: Block[] } {
  const title = t(c.locale, 'research.posted', {
    task: escapeMrkdwn(truncate(taskTitle, 80)),
    name: escapeMrkdwn(c.nameOf(r.authorId)),
  });
  const body = t(c.locale, 'research.line', {
    competitor: shown(r.competitor, 80),
    location: shown(r.location, 120),
    priceRange: shown(r.priceRange, 120),
    promotions: shown(r.promotions, 500),
    salesSpeed: shown(r.salesSpeed, 200),
    customerProfile: shown(r.customerProfile, 500),
    notes: shown(r.notes, 1000),
  });
  return { text: title, blocks: [context(title), section(body, 'research_result')] };
}

/** `/task research 名稱`: the matching results the asker may see. */
export function researchSearchView(
  query: string,
  results: ResearchResult[],
  c: Pick<TaskViewContext, 'locale' | 'nameOf' | 'timeZone'>,
): { text: string; blocks: Block[] } {
  const q = escapeMrkdwn(truncate(query, 40));
  if (results.length === 0) return { text: t(c.locale, 'research.search.empty', { query: q }), blocks: [] };
  const title = t(c.locale, 'research.search.title', { query: q, count: results.length });
  const lines = results.map((r) =>
    t(c.locale, 'research.search.line', {
      competitor: shown(r.competitor, 80),
      location: shown(r.location, 60),
      priceRange: shown(r.priceRange, 60),
      name: escapeMrkdwn(c.nameOf(r.authorId)),
      day: formatDate(r.createdAt, c.timeZone),
    }),
  );
  const blocks: Block[] = [section(title)];
  for (let i = 0; i < lines.length; i += 20) blocks.push(section(lines.slice(i, i + 20).join('\n')));
  return { text: title, blocks: capBlocks(blocks) };
}

/** The week's look at the month's 市調: each competitor whose price range moved, first to latest. */
export function priceChangesMessage(
  month: string,
  changes: PriceChange[],
  c: Pick<TaskViewContext, 'locale' | 'timeZone'>,
): { text: string; blocks: Block[] } {
  const title = t(c.locale, 'research.prices.header', { month, count: changes.length });
  const lines = changes.slice(0, 40).map((x) =>
    t(c.locale, 'research.prices.line', {
      competitor: shown(x.competitor, 80),
      from: shown(x.from, 120),
      fromOn: formatDate(x.fromAt, c.timeZone),
      to: shown(x.to, 120),
      toOn: formatDate(x.toAt, c.timeZone),
      count: x.count,
    }),
  );
  return { text: title, blocks: capBlocks([section(title), section(lines.join('\n'))]) };
}
