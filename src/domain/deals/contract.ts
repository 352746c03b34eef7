import { addDays } from './reservation.ts';
import { CONTRACT_AMOUNT_MAX_CENTS, parseMoneyCents } from './money.ts';

export const PAYMENT_METHODS = ['lump_sum', 'mortgage', 'instalments'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** What the 簽約 modal gives, as typed. */
export interface RawContract {
  contractNo?: string | null;
  total?: string | null;
  method?: string | null;
  down?: string | null;
  downDate?: string | null;
  bank?: string | null;
  loan?: string | null;
  loanDate?: string | null;
  /** Instalments, one per line or separated by ;: "2027-01-31 100000". */
  schedule?: string | null;
}

/** A dated amount the deal owes (or a dated step without money). */
export interface PlannedItem {
  kind: 'final' | 'down_payment' | 'mortgage' | 'instalment' | 'mortgage_docs' | 'registration';
  dueDate: string;
  amountCents: number;
}

export interface Contract {
  contractNo: string;
  totalCents: number;
  method: PaymentMethod;
  bank?: string;
  items: PlannedItem[];
}

export type ContractErrors = Partial<Record<keyof RawContract, string>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Days after signing by which the contract is to be registered (合同登記). */
export const REGISTRATION_DAYS = 30;
/** The 簽約 modal's first guess at when the down payment (一次性: the balance) is due, named in its label. */
export const DOWN_PAYMENT_DEFAULT_DAYS = 7;

function cents(text: string | null | undefined): number | string {
  const parsed = parseMoneyCents(text, CONTRACT_AMOUNT_MAX_CENTS);
  return parsed.ok ? parsed.cents : `money.${parsed.error}`;
}

/** A date field: '' if sound, else the reason (none picked, or before today). */
function dateError(value: string, today: string): string {
  if (!DATE.test(value)) return 'date';
  return value < today ? 'date_past' : '';
}

function parseSchedule(text: string, today: string): PlannedItem[] | string {
  const parts = text
    .split(/[;\n；]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 60) return 'schedule';
  const items: PlannedItem[] = [];
  for (const part of parts) {
    const match = /^(\d{4}-\d{2}-\d{2})\s+(.+)$/.exec(part);
    const amount = match ? cents(match[2]) : 'schedule';
    if (!match || typeof amount === 'string') return 'schedule';
    if (match[1] < today) return 'schedule_past';
    items.push({ kind: 'instalment', dueDate: match[1], amountCents: amount });
  }
  return items;
}

/**
 * 簽約: the contract number, the total, and the plan. Deposit, down payment, loan (按揭) or
 * instalments (分期) add up to the total exactly; a lump sum (一次性) is the rest after the deposit.
 */
export function validateContract(
  raw: RawContract,
  o: { depositCents: number; today: string },
): { ok: true; value: Contract } | { ok: false; errors: ContractErrors } {
  const errors: ContractErrors = {};
  const contractNo = String(raw.contractNo ?? '').trim();
  if (!/^[\p{L}\p{N}\-_/]{1,40}$/u.test(contractNo)) errors.contractNo = 'contract_no';
  const total = cents(raw.total);
  if (typeof total === 'string') errors.total = total;
  const method = PAYMENT_METHODS.find((m) => m === raw.method);
  if (!method) errors.method = 'method';
  const downDate = String(raw.downDate ?? '');
  if (dateError(downDate, o.today)) errors.downDate = dateError(downDate, o.today);
  // a lump sum has no down payment: an amount typed there would be silently dropped
  if (method === 'lump_sum' && String(raw.down ?? '').trim()) errors.down = 'down_lump_sum';
  if (Object.keys(errors).length > 0 || typeof total === 'string' || !method) return { ok: false, errors };
  const rest = total - o.depositCents;
  if (rest <= 0) return { ok: false, errors: { total: 'total_below_deposit' } };
  const registration: PlannedItem = {
    kind: 'registration',
    dueDate: addDays(o.today, REGISTRATION_DAYS),
    amountCents: 0,
  };
  if (method === 'lump_sum')
    return {
      ok: true,
      value: {
        contractNo,
        totalCents: total,
        method,
        items: [{ kind: 'final', dueDate: downDate, amountCents: rest }, registration],
      },
    };
  const down = cents(raw.down);
  if (typeof down === 'string') return { ok: false, errors: { down } };
  const items: PlannedItem[] = [{ kind: 'down_payment', dueDate: downDate, amountCents: down }];
  if (method === 'mortgage') {
    const bank = String(raw.bank ?? '').trim();
    const loan = cents(raw.loan);
    const loanDate = String(raw.loanDate ?? '');
    if (!bank || bank.length > 60) errors.bank = 'bank';
    if (typeof loan === 'string') errors.loan = loan;
    if (dateError(loanDate, o.today)) errors.loanDate = dateError(loanDate, o.today);
    if (Object.keys(errors).length > 0 || typeof loan === 'string') return { ok: false, errors };
    if (down + loan !== rest) return { ok: false, errors: { loan: 'plan_sum' } };
    items.push(
      { kind: 'mortgage_docs', dueDate: downDate, amountCents: 0 },
      { kind: 'mortgage', dueDate: loanDate, amountCents: loan },
    );
    return { ok: true, value: { contractNo, totalCents: total, method, bank, items: [...items, registration] } };
  }
  const schedule = parseSchedule(String(raw.schedule ?? ''), o.today);
  if (typeof schedule === 'string') return { ok: false, errors: { schedule } };
  if (down + schedule.reduce((sum, i) => sum + i.amountCents, 0) !== rest)
    return { ok: false, errors: { schedule: 'plan_sum' } };
  return { ok: true, value: { contractNo, totalCents: total, method, items: [...items, ...schedule, registration] } };
}
