import type { ModalView } from '@slack/types';
import { t, tFor, type Locale, type MessageKey } from '../../i18n/index.ts';
import { modal, plain, section, type Block } from '../blocks.ts';
import { DOWN_PAYMENT_DEFAULT_DAYS } from '../../domain/deals/contract.ts';
import { addDays } from '../../domain/deals/reservation.ts';
import { DealIds } from './deal-ids.ts';
import { input } from './reserve-modal.ts';

const text = (max = 20) => ({ type: 'plain_text_input', max_length: max });
const date = (initial?: string) => ({ type: 'datepicker', ...(initial ? { initial_date: initial } : {}) });

function frame(locale: Locale, callbackId: string, titleKey: MessageKey, blocks: Block[], meta: object) {
  return modal({
    callbackId,
    title: t(locale, titleKey),
    submit: t(locale, 'deal.modal.save'),
    close: t(locale, 'deal.modal.close'),
    blocks,
    privateMetadata: JSON.stringify(meta),
  });
}

/**
 * 簽約: contract number, total (as people write it, 3,725,000), payment method and its plan (fields
 * for the method chosen, each saying when it is needed). The one required date starts a week out,
 * as its label says; the optional ones start empty, so none is overdue the day after signing.
 */
export function signModal(o: {
  locale: Locale;
  dealId: number;
  total: string;
  today: string;
  summary: string;
}): ModalView {
  const { locale } = o;
  const methods = (['lump_sum', 'mortgage', 'instalments'] as const).map((m) => ({
    text: plain(t(locale, `deal.method.${m}`), 75),
    value: m,
  }));
  return frame(
    locale,
    DealIds.signCallback,
    'deal.sign.title',
    [
      section(o.summary),
      input('contractNo', t(locale, 'deal.sign.contract_no'), text(40)),
      input('total', t(locale, 'deal.sign.total'), { ...text(), initial_value: o.total }),
      input('method', t(locale, 'deal.sign.method'), { type: 'static_select', options: methods }),
      input('down', t(locale, 'deal.sign.down'), text(), true, t(locale, 'deal.sign.down_hint')),
      input(
        'downDate',
        t(locale, 'deal.sign.down_date', { days: DOWN_PAYMENT_DEFAULT_DAYS }),
        date(addDays(o.today, DOWN_PAYMENT_DEFAULT_DAYS)),
        false,
        t(locale, 'deal.sign.down_date_hint'),
      ),
      input('bank', t(locale, 'deal.sign.bank'), text(60), true, t(locale, 'deal.sign.mortgage_hint')),
      input('loan', t(locale, 'deal.sign.loan'), text(), true, t(locale, 'deal.sign.mortgage_hint')),
      input('loanDate', t(locale, 'deal.sign.loan_date'), date(), true, t(locale, 'deal.sign.mortgage_hint')),
      input(
        'schedule',
        t(locale, 'deal.sign.schedule'),
        { type: 'plain_text_input', multiline: true, max_length: 2000 },
        true,
        t(locale, 'deal.sign.schedule_hint'),
      ),
    ],
    { dealId: o.dealId },
  );
}

/** 回款: an amount received and its date. */
export function payModal(o: { locale: Locale; dealId: number; today: string; summary: string }): ModalView {
  return frame(
    o.locale,
    DealIds.payCallback,
    'deal.pay.title',
    [
      section(o.summary),
      input('amount', t(o.locale, 'deal.pay.amount'), text()),
      input('receivedOn', t(o.locale, 'deal.pay.received_on'), date(o.today)),
      input('note', t(o.locale, 'deal.pay.note'), text(200), true),
    ],
    { dealId: o.dealId },
  );
}

/** The next mortgage or registration step, with its date (and the loan amount at disbursement). */
export function stepModal(o: {
  locale: Locale;
  dealId: number;
  track: 'mortgage' | 'registration';
  step: string;
  today: string;
  /** the loan the contract planned, written as people type it (2,500,000): the disbursement's start */
  loan?: string;
}): ModalView {
  const blocks = [
    section(tFor(o.locale, `deal.step.${o.track}`, o.step)),
    input('date', t(o.locale, 'deal.step.date'), date(o.today)),
  ];
  if (o.step === 'disbursed')
    blocks.push(
      input('amount', t(o.locale, 'deal.step.loan_amount'), {
        ...text(),
        ...(o.loan ? { initial_value: o.loan } : {}),
      }),
    );
  return frame(o.locale, DealIds.stepCallback, 'deal.step.title', blocks, { dealId: o.dealId, track: o.track });
}

/** 退訂 / 退房: a reason and any refund; the PM approves. */
export function cancelModal(o: { locale: Locale; dealId: number; summary: string }): ModalView {
  return frame(
    o.locale,
    DealIds.cancelCallback,
    'deal.cancel.title',
    [
      section(o.summary),
      input('reason', t(o.locale, 'deal.cancel.reason'), {
        type: 'plain_text_input',
        multiline: true,
        max_length: 500,
      }),
      input('refund', t(o.locale, 'deal.cancel.refund'), text(), true),
    ],
    { dealId: o.dealId },
  );
}
