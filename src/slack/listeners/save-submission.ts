import type { SlackViewMiddlewareArgs } from '@slack/bolt';
import { t, type MessageKey } from '../../i18n/index.ts';
import { AppError } from '../../lib/app-error.ts';
import { isDatabaseUnavailable } from '../../lib/database-unavailable.ts';
import { errorText } from '../../views/error-text.ts';
import type { AppContext } from '../app-context.ts';
import type { Asker } from '../middleware/identify-asker.ts';
import { isExpected } from './asker-of.ts';

type FieldErrors = Record<string, string>;

export interface SaveSubmissionOptions {
  ack: SlackViewMiddlewareArgs['ack'];
  ctx: AppContext;
  asker: Asker;
  /** Where a refusal is shown in the modal. */
  field: string;
  /** Shown for an error the user did not cause, instead of the generic one. */
  unexpected?: MessageKey;
}

/**
 * The save step of a modal: saved, the modal closes and what it queued is sent soon; the work may
 * instead return field errors, or throw, and the modal stays open with the reason under `field`
 * (what the user did not cause also reaches app.error()). The twin of onButton, for modals.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: most saves return nothing (`async () => {…}`)
export async function saveSubmission(o: SaveSubmissionOptions, save: () => Promise<FieldErrors | void>): Promise<void> {
  try {
    const errors = await save();
    if (errors) return void (await o.ack({ response_action: 'errors', errors }));
    await o.ack();
    o.ctx.outbox.nudge();
  } catch (error) {
    const { locale, chart } = o.asker;
    const ours = !(error instanceof AppError) && !isDatabaseUnavailable(error);
    const message = o.unexpected && ours ? t(locale, o.unexpected) : errorText(error, locale, chart);
    await o.ack({ response_action: 'errors', errors: { [o.field]: message } });
    if (!isExpected(error)) throw error;
  }
}
