import type { ModalView } from '@slack/types';
import {
  BRAND_PURPOSES,
  FIELD_LIMITS,
  INTENT_GRADES,
  VISIT_SOURCES,
  VISIT_TYPES,
} from '../../domain/visits/visit-fields.ts';
import type { RawVisitInput } from '../../domain/visits/validate-visit.ts';
import { nationalFormat } from '../../domain/visits/phone.ts';
import { t, tFor, type KeyPrefix, type Locale } from '../../i18n/index.ts';
import type { VisitKind } from '../../domain/visits/visit-kind.ts';
import { inputActionId } from '../ids.ts';
import { visitKey } from './visit-terms.ts';
import { plain, type Block } from '../blocks.ts';

export interface VisitModalOptions {
  locale: Locale;
  kind: VisitKind;
  callbackId: string;
  /** Unix seconds for the visit-time picker's default. */
  nowSeconds: number;
  privateMetadata?: string;
  /** An earlier version, when editing a returned registration. */
  initial?: Partial<Record<keyof RawVisitInput, string | number>>;
  /** The visitor's accounts on a brand, offered as a hint. */
  accountHint?: string;
  /** On a brand with an account register: the account is picked from it (an external select with search). */
  accountPicker?: boolean;
  editing?: boolean;
}

type Field = keyof RawVisitInput;

/** The registration modal (客戶來訪登記表): labels in the user's language, block_id = field name. */
export function visitModal(o: VisitModalOptions): ModalView {
  const { locale } = o;
  const inputs = visitInputs(o);
  const blocks = o.kind === 'brand' ? brandBlocks(o, inputs) : propertyBlocks(o, inputs);
  const titleKey = visitKey(o.kind, o.editing ? 'visit.modal.title_edit' : 'visit.modal.title');
  return {
    type: 'modal',
    callback_id: o.callbackId,
    title: plain(t(locale, titleKey), 24),
    submit: plain(t(locale, 'visit.modal.submit'), 24),
    close: plain(t(locale, 'visit.modal.close'), 24),
    ...(o.privateMetadata ? { private_metadata: o.privateMetadata } : {}),
    blocks,
  };
}

type VisitInputs = ReturnType<typeof visitInputs>;

/** The builders of the modal's inputs, each labelled for the kind of visit and prefilled from `initial`. */
function visitInputs(o: VisitModalOptions) {
  const { locale } = o;
  const label = (field: Field) => t(locale, visitKey(o.kind, `visit.field.${field}`));
  const initialText = (field: Field) =>
    o.initial?.[field] !== undefined && o.initial[field] !== '' ? { initial_value: String(o.initial[field]) } : {};
  const text = (field: Field, max: number, optional = false, multiline = false, hint?: string): Block => ({
    type: 'input',
    block_id: field,
    optional,
    label: plain(label(field), 2000),
    ...(hint ? { hint: plain(hint, 2000) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: inputActionId(field),
      max_length: max,
      multiline,
      ...initialText(field),
    },
  });
  const select = (field: Field, values: readonly string[], keyPrefix: KeyPrefix, initial?: string): Block => {
    const options = values.map((value) => ({
      text: plain(tFor(locale, keyPrefix, value), 75),
      value,
    }));
    const chosen = String(o.initial?.[field] ?? initial ?? '');
    const initialOption = options.find((option) => option.value === chosen);
    return {
      type: 'input',
      block_id: field,
      label: plain(label(field), 2000),
      element: {
        type: 'static_select',
        action_id: inputActionId(field),
        options,
        ...(initialOption ? { initial_option: initialOption } : {}),
      },
    };
  };
  const visitAt: Block = {
    type: 'input',
    block_id: 'visitAt',
    label: plain(label('visitAt'), 2000),
    element: {
      type: 'datetimepicker',
      action_id: inputActionId('visitAt'),
      initial_date_time: Number(o.initial?.visitAt ?? o.nowSeconds),
    },
  };

  return { label, text, select, visitAt };
}

/** A brand's visit to an account (拜訪). */
function brandBlocks(o: VisitModalOptions, { label, text, select, visitAt }: VisitInputs): Block[] {
  const picker: Block = {
    type: 'input',
    block_id: 'account',
    label: plain(label('account'), 2000),
    hint: plain(t(o.locale, 'account.pick_hint'), 2000),
    element: { type: 'external_select', action_id: inputActionId('account'), min_query_length: 1 },
  };
  return [
    o.accountPicker ? picker : text('account', FIELD_LIMITS.account, false, false, o.accountHint),
    visitAt,
    select('purpose', BRAND_PURPOSES, 'visit.purpose'),
    text('outcome', FIELD_LIMITS.outcome, false, true),
    text('nextStep', FIELD_LIMITS.nextStep, true, true),
  ];
}

/** A visitor at a property site (來訪): who, how to reach them, how they came, how keen. */
function propertyBlocks(o: VisitModalOptions, { label, text, select, visitAt }: VisitInputs): Block[] {
  const { locale } = o;
  return [
    text('customerName', FIELD_LIMITS.customerName),
    text('phone', 20, false, false, t(locale, 'visit.field.phone_hint')),
    visitAt,
    {
      type: 'input',
      block_id: 'partySize',
      label: plain(label('partySize'), 2000),
      element: {
        type: 'number_input',
        action_id: inputActionId('partySize'),
        is_decimal_allowed: false,
        min_value: '1',
        max_value: String(FIELD_LIMITS.partySizeMax),
        initial_value: String(o.initial?.partySize ?? 1),
      },
    },
    select('source', VISIT_SOURCES, 'visit.source'),
    select('visitType', VISIT_TYPES, 'visit.type', 'first'),
    select('grade', INTENT_GRADES, 'visit.grade'),
    text('budget', FIELD_LIMITS.budget, true),
    text('unitType', FIELD_LIMITS.unitType, true),
    text('notes', FIELD_LIMITS.notes, true, true),
  ];
}

/** A stored registration as the modal's initial values, for editing after a return. */
export function visitAsInitial(visit: {
  customerName: string;
  phone: string;
  visitAt: Date;
  partySize: number;
  source: string;
  visitType: string;
  grade: string;
  budget: string;
  unitType: string;
  notes: string;
  account: string;
  purpose: string;
  outcome: string;
  nextStep: string;
}): Partial<Record<Field, string | number>> {
  return {
    ...visit,
    phone: visit.phone ? nationalFormat(visit.phone) : '',
    visitAt: Math.floor(visit.visitAt.getTime() / 1000),
    partySize: visit.partySize,
  };
}
