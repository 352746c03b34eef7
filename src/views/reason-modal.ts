import type { ModalView } from '@slack/types';
import { t, type Locale, type MessageKey } from '../i18n/index.ts';
import { inputActionId } from './ids.ts';
import { modal, plain } from './blocks.ts';

/** A one-field modal asking why: returning a registration, losing a customer. */
export function reasonModal(o: {
  locale: Locale;
  callbackId: string;
  privateMetadata: string;
  titleKey: MessageKey;
  labelKey: MessageKey;
  submitKey: MessageKey;
  blockId: string;
}): ModalView {
  return modal({
    callbackId: o.callbackId,
    privateMetadata: o.privateMetadata,
    title: t(o.locale, o.titleKey),
    submit: t(o.locale, o.submitKey),
    close: t(o.locale, 'visit.modal.close'),
    blocks: [
      {
        type: 'input',
        block_id: o.blockId,
        label: plain(t(o.locale, o.labelKey), 2000),
        element: { type: 'plain_text_input', action_id: inputActionId(o.blockId), multiline: true, max_length: 500 },
      },
    ],
  });
}
