/** The words of `/order pay` and `/order credit`, split; amounts stay text for parseMoneyCents. */

export interface PayWords {
  code: string;
  amount: string;
  invoices: string[];
  /** the day the money was received, as typed (2026-11-20 or 2026/11/20); absent means today */
  on?: string;
}

export interface CreditWords {
  code: string;
  amount: string;
  reason: string;
}

const DATE_WORD = /^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/;

/**
 * `ED01 12,000.50 [2026-11-20] [INV-000003 INV-000004]`: a word shaped like a date anywhere after
 * the amount is the day received; undefined when the account or amount is missing.
 */
export function parsePayWords(text: string): PayWords | undefined {
  const [code, amount, ...rest] = text.trim().split(/\s+/).filter(Boolean);
  if (!code || !amount) return undefined;
  const on = rest.find((w) => DATE_WORD.test(w));
  const invoices = rest.filter((w) => !DATE_WORD.test(w)).map((n) => n.replace(/[,，、]/g, '').toUpperCase());
  return { code, amount, invoices: [...new Set(invoices.filter(Boolean))], ...(on ? { on } : {}) };
}

/** `ED01 500 年度返利`: the reason is everything after the amount, and required. */
export function parseCreditWords(text: string): CreditWords | undefined {
  const match = /^\s*(\S+)\s+(\S+)\s+([\s\S]+)$/.exec(text);
  if (!match) return undefined;
  const reason = match[3].trim();
  return reason ? { code: match[1], amount: match[2], reason } : undefined;
}

/** A rebate (返利) when its reason says so; any other reduction is a credit note (折讓). */
export const creditKindOf = (reason: string): 'rebate' | 'credit_note' =>
  /返利|返點|rebate/i.test(reason) ? 'rebate' : 'credit_note';
