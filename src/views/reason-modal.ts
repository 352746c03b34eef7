import { t, type Locale, type MessageKey } from '../i18n/index.ts';
import { inputActionId } from './ids.ts';
import { plain } from './blocks.ts';

/** A one-field modal asking why: returning a registration, losing a customer. */
export function reasonModal(o: { locale: Locale; callbackId: string; privateMetadata: string; titleKey: MessageKey; labelKey: MessageKey; submitKey: MessageKey; blockId: string }): Record<string, unknown> {
  return {
    type: 'modal',
    callback_id: o.callbackId,
    private_metadata: o.privateMetadata,
    title: plain(t(o.locale, o.titleKey), 24),
    submit: plain(t(o.locale, o.submitKey), 24),
    close: plain(t(o.locale, 'visit.modal.close'), 24),
    blocks: [
      {
        type: 'input',
        block_id: o.blockId,
        label: plain(t(o.locale, o.labelKey), 2000),
        element: { type: 'plain_text_input', action_id: inputActionId(o.blockId), multiline: true, max_length: 500 },
      },
    ],
  };
}
