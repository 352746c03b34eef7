import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { context, header, section, type Block } from '../blocks.ts';

export interface LogisticsRowShown {
  code: string;
  name: string;
  market: string;
  hasLine: boolean;
  deliveryAddress?: string;
  receiver?: string;
  warehouse?: string;
  carrier?: string;
  leadDays?: number;
  unloading?: string;
  confirmedAt: Date | null;
}

const SHOWN = 60;
const e = (text: string | undefined, max = 60) => escapeMrkdwn(truncate(text ?? '', max));

function rowText(row: LogisticsRowShown, chart: OrgChart, locale: Locale): string {
  const who = `${row.code} ${e(row.name, 30)}`;
  if (!row.hasLine) return `${who}：${t(locale, 'account.logistics.none')}`;
  const confirmed = row.confirmedAt
    ? t(locale, 'account.logistics.confirmed', { date: formatDate(row.confirmedAt, chart.data.timezone) })
    : t(locale, 'account.logistics.unconfirmed');
  return `${who}：${t(locale, 'account.logistics.line', {
    address: e(row.deliveryAddress, 80),
    receiver: e(row.receiver),
    warehouse: e(row.warehouse),
    carrier: e(row.carrier),
    days: row.leadDays ?? 0,
    unloading: e(row.unloading) || '—',
  })}（${confirmed}）`;
}

function lines(rows: LogisticsRowShown[], chart: OrgChart, locale: Locale): Block[] {
  const text = rows.slice(0, SHOWN).map((r) => `• ${rowText(r, chart, locale)}`);
  if (rows.length > SHOWN) text.push(t(locale, 'account.logistics.more', { count: rows.length - SHOWN }));
  const blocks: Block[] = [];
  for (let i = 0; i < text.length; i += 20) blocks.push(section(text.slice(i, i + 20).join('\n')));
  return blocks;
}

/** `/account logistics [market]`: the table, the first 60 accounts; a market's is titled with its name. */
export function logisticsTableView(rows: LogisticsRowShown[], chart: OrgChart, locale: Locale, marketName?: string) {
  const title = marketName
    ? t(locale, 'account.logistics.title_market', { market: marketName, count: rows.length })
    : t(locale, 'account.logistics.title', { count: rows.length });
  return {
    text: title,
    blocks: [header(title), ...lines(rows, chart, locale), context(t(locale, 'account.logistics.hint'))],
  };
}

/** A CSR's monthly reminder: their accounts' lines to confirm or update. */
export function logisticsReminder(
  rows: LogisticsRowShown[],
  chart: OrgChart,
  locale: Locale,
): { text: string; blocks: Block[] } {
  const title = t(locale, 'account.logistics.reminder', { count: rows.length });
  return {
    text: title,
    blocks: [section(title), ...lines(rows, chart, locale), context(t(locale, 'account.logistics.hint'))],
  };
}

/** To the SSG leader: the lines nobody confirmed in two months. */
export function unconfirmedList(
  rows: LogisticsRowShown[],
  chart: OrgChart,
  locale: Locale,
): { text: string; blocks: Block[] } {
  const title = t(locale, 'account.logistics.stale', { count: rows.length });
  return { text: title, blocks: [section(title), ...lines(rows, chart, locale)] };
}
