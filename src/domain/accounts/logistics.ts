import { stripInvisible } from '../../lib/text.ts';

/** An account's logistics line (客戶儲運信息). */
export interface LogisticsLine {
  deliveryAddress: string;
  receiver: string;
  warehouse: string;
  carrier: string;
  leadDays: number;
  unloading: string;
}

/** Unconfirmed this long, a line is listed to the SSG leader. */
export const UNCONFIRMED_DAYS = 60;

/**
 * `/account logistics ED01 地址｜收貨人｜倉庫｜承運商｜天數｜卸貨說明` (| or ｜ between the fields; the
 * unloading note may be left out).
 */
export function parseLogisticsLine(text: string): LogisticsLine | { reason: string; value?: string } {
  const parts = stripInvisible(text)
    .split(/[|｜]/)
    .map((p) => p.trim());
  if (parts.length < 5 || parts.length > 6) return { reason: 'logistics_shape', value: text };
  const [deliveryAddress, receiver, warehouse, carrier, days, unloading = ''] = parts;
  if (!deliveryAddress || !receiver || !warehouse || !carrier) return { reason: 'logistics_shape', value: text };
  const leadDays = Number(days);
  if (!Number.isInteger(leadDays) || leadDays < 0 || leadDays > 90) return { reason: 'logistics_days', value: days };
  if (
    [deliveryAddress, unloading].some((p) => p.length > 200) ||
    [receiver, warehouse, carrier].some((p) => p.length > 60)
  )
    return { reason: 'too_long', value: 'logistics' };
  return { deliveryAddress, receiver, warehouse, carrier, leadDays, unloading };
}

/** The SSG member who serves a market (their `markets` in the org file), else the SSG leader. */
export function responsibleCsr(
  people: readonly { slackId: string; role: string; markets: string[] }[],
  market: string,
): string | undefined {
  const ssg = people.filter((p) => p.role === 'customer_service_rep' || p.role === 'ssg_leader');
  return (
    ssg.find((p) => p.role === 'customer_service_rep' && p.markets.includes(market))?.slackId ??
    ssg.find((p) => p.markets.includes(market))?.slackId ??
    ssg.find((p) => p.role === 'ssg_leader')?.slackId
  );
}
