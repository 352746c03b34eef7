import { parseMoneyCents, type MoneyError } from '../deals/money.ts';
import { CLAIM_AMOUNT_MAX_CENTS } from './expense-rules.ts';

/** A claim as typed in the /expense modal. */
export interface RawClaim {
  amount?: string | number | null;
  category?: string | number | null;
  spentOn?: string | number | null;
  account?: string | number | null;
  description?: string | number | null;
  receipt?: string | number | null;
}

export interface ClaimInput {
  amountCents: number;
  category: string;
  /** yyyy-MM-dd */
  spentOn: string;
  account: string;
  description: string;
  receipt: string;
}

export type ClaimProblem =
  | { field: 'amount'; problem: MoneyError }
  | { field: 'category' | 'spentOn' | 'description'; problem: 'required' }
  | { field: 'spentOn'; problem: 'future' }
  | { field: 'account' | 'description' | 'receipt'; problem: 'too_long' };

const text = (raw: unknown) => String(raw ?? '').trim();

/** Checks a claim: an exact positive amount, a category of the organisation, a date not ahead of today. */
export function validateClaim(
  raw: RawClaim,
  o: { categories: string[]; today: string },
): { ok: true; input: ClaimInput } | { ok: false; problems: ClaimProblem[] } {
  const problems: ClaimProblem[] = [];
  const amount = parseMoneyCents(raw.amount === null ? '' : String(raw.amount ?? ''), CLAIM_AMOUNT_MAX_CENTS);
  if (!amount.ok) problems.push({ field: 'amount', problem: amount.error });
  const category = text(raw.category);
  if (!o.categories.includes(category)) problems.push({ field: 'category', problem: 'required' });
  const spentOn = text(raw.spentOn);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(spentOn)) problems.push({ field: 'spentOn', problem: 'required' });
  else if (spentOn > o.today) problems.push({ field: 'spentOn', problem: 'future' });
  const description = text(raw.description);
  if (!description) problems.push({ field: 'description', problem: 'required' });
  for (const [field, max] of [
    ['account', 80],
    ['description', 500],
    ['receipt', 80],
  ] as const)
    if ([...text(raw[field])].length > max) problems.push({ field, problem: 'too_long' });
  if (problems.length > 0 || !amount.ok) return { ok: false, problems };
  return {
    ok: true,
    input: {
      amountCents: amount.cents,
      category,
      spentOn,
      account: text(raw.account),
      description,
      receipt: text(raw.receipt),
    },
  };
}
