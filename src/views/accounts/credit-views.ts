import type { ModalView } from '@slack/types';
import { type CreditLine, gradeLabel } from '../../domain/accounts/credit.ts';
import type { PaymentBehaviour } from '../../domain/accounts/payment-behaviour.ts';
import { formatMoney } from '../../domain/deals/money.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { actions, button, context, header, modal, plain, section, type Block } from '../blocks.ts';
import { CreditIds, inputActionId } from '../ids.ts';

/** A row of the table as shown: grade, limit and terms, or "not rated". */
export interface CreditRowShown {
  code: string;
  name: string;
  market: string;
  grade: string | null;
  limitCents: number | null;
  termsDays: number | null;
  /** the review's: how it actually paid in the last three months (absent: nothing in the ledger) */
  behaviour?: PaymentBehaviour;
}

const SHOWN = 60;

function behaviourText(b: PaymentBehaviour | undefined, locale: Locale, currency: string): string {
  if (!b) return '';
  return `\n    ${t(locale, 'account.credit.behaviour', {
    invoiced: formatMoney(b.invoicedCents, currency, locale),
    paid: formatMoney(b.paidCents, currency, locale),
    late: b.averageDaysLate === null ? '—' : t(locale, 'account.credit.days_late', { days: b.averageDaysLate }),
    overdue: formatMoney(b.overdueCents, currency, locale),
  })}`;
}

function rowText(row: CreditRowShown, chart: OrgChart, locale: Locale): string {
  const who = `${row.code} ${escapeMrkdwn(truncate(row.name, 30))}（${chart.market(row.market)?.name ?? row.market}）`;
  const behaviour = behaviourText(row.behaviour, locale, currencyOf(chart));
  if (!row.grade) return `${who}：${t(locale, 'account.credit.unrated')}${behaviour}`;
  return `${who}：${t(locale, 'account.credit.line', {
    grade: gradeLabel(chart.data.creditGrades, row.grade),
    limit: formatMoney(row.limitCents ?? 0, currencyOf(chart), locale),
    terms: row.termsDays ?? 0,
  })}${behaviour}`;
}

function tableBlocks(rows: CreditRowShown[], chart: OrgChart, locale: Locale): Block[] {
  const lines = rows.slice(0, SHOWN).map((row) => `• ${rowText(row, chart, locale)}`);
  if (rows.length > SHOWN) lines.push(t(locale, 'account.credit.more', { count: rows.length - SHOWN }));
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i += 20) blocks.push(section(lines.slice(i, i + 20).join('\n')));
  return blocks;
}

/** `/account credit`: the table, the first 60 distributors; the export has all. */
export function creditTableView(
  rows: CreditRowShown[],
  chart: OrgChart,
  locale: Locale,
): { text: string; blocks: Block[] } {
  const title = t(locale, 'account.credit.title', { count: rows.length });
  return {
    text: title,
    blocks: [header(title), ...tableBlocks(rows, chart, locale), context(t(locale, 'account.credit.hint'))],
  };
}

/** The SSG leader's monthly review: the table (receivables beside it once orders exist), a button to propose. */
export function creditReviewMessage(o: {
  reviewId: number;
  month: string;
  /** the window of the payment behaviour shown */
  window: { from: string; to: string };
  rows: CreditRowShown[];
  chart: OrgChart;
  locale: Locale;
}): { text: string; blocks: Block[] } {
  const title = t(o.locale, 'account.credit.review_title', { month: o.month });
  return {
    text: title,
    blocks: [
      header(title),
      section(t(o.locale, 'account.credit.review_intro', o.window)),
      ...tableBlocks(o.rows, o.chart, o.locale),
      actions('credit_review', [
        button(t(o.locale, 'account.credit.propose'), CreditIds.propose, String(o.reviewId), 'primary'),
      ]),
    ],
  };
}

/** An account's line before a proposal: its grade, limit and terms, or null when not rated yet. */
export type CreditBefore = { grade: string; limitCents: number; termsDays: number } | null;

function linesText(
  lines: CreditLine[],
  chart: OrgChart,
  locale: Locale,
  before?: ReadonlyMap<string, CreditBefore>,
): string {
  const grade = (g: string) => gradeLabel(chart.data.creditGrades, g);
  return lines
    .slice(0, SHOWN)
    .map((l) => {
      const money = (cents: number) => formatMoney(cents, currencyOf(chart), locale);
      const now = { grade: grade(l.grade), limit: money(l.limitCents), terms: l.termsDays };
      if (!before) return `• ${l.code}：${t(locale, 'account.credit.line', now)}`;
      const old = before.get(l.code);
      const was = old
        ? { oldGrade: grade(old.grade), oldLimit: money(old.limitCents), oldTerms: old.termsDays }
        : { oldGrade: t(locale, 'account.credit.unrated'), oldLimit: '—', oldTerms: '—' };
      return `• ${l.code}：${t(locale, 'account.credit.line_change', { ...was, ...now })}`;
    })
    .join('\n');
}

/** The proposal as its approver gets it, with the button; a reply 通過 in its thread approves too. */
export function creditApprovalCard(o: {
  reviewId: number;
  month: string;
  lines: CreditLine[];
  chart: OrgChart;
  proposer: string;
  locale: Locale;
  /** Each account's line before the proposal, shown old → new. */
  before: ReadonlyMap<string, CreditBefore>;
}): { text: string; blocks: Block[] } {
  const title = t(o.locale, 'account.credit.approval_title', {
    month: o.month,
    proposer: o.proposer,
    count: o.lines.length,
  });
  return {
    text: title,
    blocks: [
      section(title, 'credit_approval'),
      section(linesText(o.lines, o.chart, o.locale, o.before)),
      actions('credit_decision', [
        button(t(o.locale, 'account.credit.approve'), CreditIds.approve, String(o.reviewId), 'primary'),
      ]),
    ],
  };
}

export function creditDecidedCard(o: {
  month: string;
  lines: CreditLine[];
  chart: OrgChart;
  decider: string;
  locale: Locale;
}): { text: string; blocks: Block[] } {
  const text = t(o.locale, 'account.credit.approved', { month: o.month, decider: o.decider, count: o.lines.length });
  return { text, blocks: [section(text, 'credit_approved'), section(linesText(o.lines, o.chart, o.locale))] };
}

/** The SSG leader types the changes, one account a line. */
export function creditProposeModal(o: { locale: Locale; reviewId: number }): ModalView {
  return modal({
    callbackId: CreditIds.proposeCallback,
    title: t(o.locale, 'account.credit.modal_title'),
    submit: t(o.locale, 'account.modal.submit'),
    close: t(o.locale, 'visit.modal.close'),
    privateMetadata: JSON.stringify({ reviewId: o.reviewId }),
    blocks: [
      {
        type: 'input',
        block_id: CreditIds.linesBlock,
        label: plain(t(o.locale, 'account.credit.modal_label'), 2000),
        hint: plain(t(o.locale, 'account.credit.modal_hint'), 2000),
        element: {
          type: 'plain_text_input',
          action_id: inputActionId(CreditIds.linesBlock),
          multiline: true,
          max_length: 3000,
        },
      },
    ],
  });
}
