import { PLAN_KINDS, type PlanField, type PlanKind } from './plan-rules.ts';

/** Words of a document's first line that name a kind of plan. */
const KIND_WORDS: [RegExp, PlanKind][] = [
  [/階段|stage/i, 'stage'],
  [/項目|project/i, 'project'],
  [/年度|annual/i, 'annual'],
  [/季度|quarter/i, 'quarterly'],
];

/** A plan read from an uploaded document: its kind and months from the first line, sections by heading. */
export interface PlanDocument {
  kind?: PlanKind;
  fields: Partial<Record<PlanField, string>>;
  /** Markdown headings (`## …`) that name no section: their text would be lost, so the upload names them. */
  unknownHeadings: string[];
}

const fold = (text: string) => text.replace(/[\s:：#*]/g, '').toLowerCase();

/**
 * Reads a plan document (Markdown, or a DOCX's paragraphs as lines). The first line names the kind and
 * its months (`# 階段銷售計劃 2026-12～2027-01`); each heading that names a section (`## 銷售目標`, or a
 * line that is only a section's name) starts it, and the lines until the next heading are its text.
 * `labels` maps each section's names (in every language) to its field.
 */
export function readPlanDocument(text: string, labels: Record<string, PlanField>): PlanDocument {
  const byName = new Map(Object.entries(labels).map(([name, field]) => [fold(name), field]));
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return { fields: {}, unknownHeadings: [] };
  const title = lines[first];
  const kind = KIND_WORDS.find(([word]) => word.test(title))?.[1];
  const months = title.match(/\d{4}-\d{1,2}(?!\d)/g) ?? [];
  const fields: Partial<Record<PlanField, string>> = {};
  if (months[0]) fields.fromMonth = months[0];
  if (months[0]) fields.toMonth = months[1] ?? months[0];
  let current: PlanField | undefined;
  const body: Partial<Record<PlanField, string[]>> = {};
  const unknownHeadings: string[] = [];
  for (const line of lines.slice(first + 1)) {
    const heading = byName.get(fold(line));
    const isHeading = /^\s*#/.test(line) || heading !== undefined;
    if (isHeading) {
      current = heading;
      if (heading === undefined) unknownHeadings.push(line.replace(/^\s*#+\s*/, '').trim());
      continue;
    }
    if (current) body[current] = [...(body[current] ?? []), line];
  }
  for (const [field, text] of Object.entries(body) as [PlanField, string[]][]) {
    fields[field] = text.join('\n').trim();
  }
  const known = kind && (PLAN_KINDS as readonly string[]).includes(kind) ? kind : undefined;
  return { kind: known, fields, unknownHeadings };
}
