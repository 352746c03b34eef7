import type { ModalView, PlainTextOption } from '@slack/types';
import type { OrgMarket } from '../../domain/org/org-chart.ts';
import { t, tFor, type Locale } from '../../i18n/index.ts';
import { modal, plain, type Block } from '../blocks.ts';
import { AccountIds, inputActionId } from '../ids.ts';

const option = (text: string, value: string): PlainTextOption => ({ text: plain(text, 75), value });

function textInput(locale: Locale, field: string, optional: boolean, max: number): Block {
  return {
    type: 'input',
    block_id: field,
    optional,
    label: plain(tFor(locale, 'account.field', field), 2000),
    element: { type: 'plain_text_input', action_id: inputActionId(field), max_length: max },
  };
}

/** `/account new`: the account's fields; a KAM sees only their own markets. */
export function newAccountModal(o: {
  locale: Locale;
  markets: OrgMarket[];
  /** Who may own an account in those markets: the KAM and their reps, or (for the SSG) the markets' field people. */
  owners: { id: string; name: string }[];
  today: string;
  /** A KAM's request: an owner left empty is the KAM, as the hint under the field says. */
  ownerDefaultsToAsker?: boolean;
  /** Who asks: a KAM's request has them preselected as the owner (what an empty owner means anyway). */
  askerId?: string;
}): ModalView {
  const { locale } = o;
  // a choice of one is made already: shown selected, not as an empty dropdown
  const preselected = (options: PlainTextOption[], value?: string) => {
    const chosen = options.find((x) => x.value === value) ?? (options.length === 1 ? options[0] : undefined);
    return chosen ? { initial_option: chosen } : {};
  };
  const select = (field: string, options: PlainTextOption[]): Block => ({
    type: 'input',
    block_id: field,
    label: plain(tFor(locale, 'account.field', field), 2000),
    element: { type: 'static_select', action_id: inputActionId(field), options, ...preselected(options) },
  });
  const owners = o.owners.slice(0, 100).map((p) => option(p.name, p.id));
  const blocks: Block[] = [
    textInput(locale, 'code', false, 32),
    textInput(locale, 'name', false, 80),
    select('kind', [
      option(t(locale, 'account.kind.distributor'), 'distributor'),
      option(t(locale, 'account.kind.outlet'), 'outlet'),
    ]),
    textInput(locale, 'distributor', true, 32),
    textInput(locale, 'channel', true, 40),
    select(
      'market',
      o.markets.slice(0, 100).map((m) => option(m.name, m.code)),
    ),
    textInput(locale, 'area', true, 40),
    textInput(locale, 'address', true, 200),
    {
      type: 'input',
      block_id: 'owner',
      optional: true,
      label: plain(t(locale, 'account.field.owner'), 2000),
      ...(o.ownerDefaultsToAsker ? { hint: plain(t(locale, 'account.field.owner_hint'), 2000) } : {}),
      element: {
        type: 'static_select',
        action_id: inputActionId('owner'),
        options: owners,
        ...preselected(owners, o.ownerDefaultsToAsker ? o.askerId : undefined),
      },
    },
    {
      type: 'input',
      block_id: 'opened',
      label: plain(t(locale, 'account.field.opened'), 2000),
      element: { type: 'datepicker', action_id: inputActionId('opened'), initial_date: o.today },
    },
    textInput(locale, 'contact', true, 40),
    textInput(locale, 'phone', true, 30),
  ];
  return modal({
    callbackId: AccountIds.newCallback,
    title: t(locale, 'account.modal.title'),
    submit: t(locale, 'account.modal.submit'),
    close: t(locale, 'visit.modal.close'),
    blocks,
  });
}

/** Which field of the modal a refusal belongs under. */
export function fieldOfReason(reason: string, value?: string): string {
  const byReason: Record<string, string> = {
    distributor_of_distributor: 'distributor',
    unknown_distributor: 'distributor',
    owner_market: 'owner',
    opened_future: 'opened',
    same_name_phone: 'code',
    too_long: value ?? 'name',
  };
  const fields = ['code', 'name', 'kind', 'market', 'opened', 'owner', 'phone'];
  return byReason[reason] ?? (fields.includes(reason) ? reason : 'code');
}
