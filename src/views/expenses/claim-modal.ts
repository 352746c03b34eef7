import type { ModalView } from '@slack/types';
import type { ClaimInput } from '../../domain/expenses/claim-input.ts';
import { t, tFor, type Locale } from '../../i18n/index.ts';
import { modal, plain, type Block } from '../blocks.ts';
import { inputActionId } from '../ids.ts';

type Field = 'amount' | 'category' | 'spentOn' | 'account' | 'description' | 'receipt';

/** `/expense`: a claim's fields; the same modal, filled in, edits a returned claim. */
export function claimModal(o: {
  locale: Locale;
  categories: string[];
  today: string;
  callbackId: string;
  privateMetadata: string;
  initial?: Omit<ClaimInput, 'amountCents'> & { amount: string };
  /** On a brand with an account register: the account is picked from it (an external select with search). */
  accountPicker?: boolean;
  /** On a site the field asks for the customer: 經銷商 is a brand's word. */
  site?: boolean;
}): ModalView {
  const label = (field: Field) =>
    plain(
      o.site && field === 'account' ? t(o.locale, 'expense.field.customer') : tFor(o.locale, 'expense.field', field),
      2000,
    );
  const textInput = (field: Field, max: number, optional = false, multiline = false): Block => ({
    type: 'input',
    block_id: field,
    optional,
    label: label(field),
    element: {
      type: 'plain_text_input',
      action_id: inputActionId(field),
      max_length: max,
      multiline,
      ...(o.initial?.[field] ? { initial_value: String(o.initial[field]) } : {}),
    },
  });
  const options = o.categories.slice(0, 100).map((c) => ({ text: plain(c, 75), value: c }));
  const initialCategory = options.find((option) => option.value === o.initial?.category);
  const blocks: Block[] = [
    textInput('amount', 20),
    {
      type: 'input',
      block_id: 'category',
      label: label('category'),
      element: {
        type: 'static_select',
        action_id: inputActionId('category'),
        options,
        ...(initialCategory ? { initial_option: initialCategory } : {}),
      },
    },
    {
      type: 'input',
      block_id: 'spentOn',
      label: label('spentOn'),
      element: { type: 'datepicker', action_id: inputActionId('spentOn'), initial_date: o.initial?.spentOn ?? o.today },
    },
    o.accountPicker ? accountPicker(o.locale, label('account'), o.initial?.account) : textInput('account', 80, true),
    textInput('description', 500, false, true),
    textInput('receipt', 80, true),
  ];
  return modal({
    callbackId: o.callbackId,
    privateMetadata: o.privateMetadata,
    title: t(o.locale, o.initial ? 'expense.modal.resubmit_title' : 'expense.modal.title'),
    submit: t(o.locale, 'expense.modal.submit'),
    close: t(o.locale, 'expense.modal.close'),
    blocks,
  });
}

/** The account picked from the register, as `/visit` picks it: its options come from the account picker's handler. */
function accountPicker(locale: Locale, label: ReturnType<typeof plain>, initial: string | undefined): Block {
  // a stored account reads "ED01 滬東分銷": the code is the option's value
  const initialOption = initial ? { initial_option: { text: plain(initial, 75), value: initial.split(' ')[0] } } : {};
  return {
    type: 'input',
    block_id: 'account',
    optional: true,
    label,
    hint: plain(t(locale, 'account.pick_hint'), 2000),
    element: { type: 'external_select', action_id: inputActionId('account'), min_query_length: 1, ...initialOption },
  };
}

/** The field errors of a claim, in the reader's language, keyed by block. */
export function claimErrorText(locale: Locale, problem: { field: Field; problem: string }, maxAmount: string): string {
  if (problem.field === 'amount') return tFor(locale, 'expense.error.amount', problem.problem, { max: maxAmount });
  const field = tFor(locale, 'expense.field', problem.field);
  if (problem.problem === 'future') return t(locale, 'expense.error.future');
  if (problem.problem === 'too_long') return t(locale, 'expense.error.too_long', { field });
  if (problem.problem === 'not_in_register') return t(locale, 'expense.error.account_unknown');
  return t(locale, 'expense.error.required', { field });
}
