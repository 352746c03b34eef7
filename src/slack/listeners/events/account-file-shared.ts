import type { ListenerRouter } from '../listener-router.ts';
import { t } from '../../../i18n/index.ts';
import { importAccounts, mayImportAccounts } from '../../../services/accounts/import-accounts.ts';
import { fileKindOf } from '../../../services/accounts/read-account-file.ts';
import { errorText } from '../../../views/error-text.ts';
import { importProgressText, importResultText } from '../../../views/accounts/import-messages.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, isExpected } from '../asker-of.ts';

/** Bigger files are refused before they are downloaded. */
const MAX_BYTES = 30 * 1024 * 1024;
/** The progress message is updated at most this often. */
const PROGRESS_EVERY_MS = 1000;

/**
 * The SSG uploads the ERP's export (CSV or XLSX) in its DM with the bot: the register is imported
 * from it, with a message updated in place as it goes and, at the end, what was written or every bad row.
 */
export function registerAccountFileShared(app: ListenerRouter, ctx: AppContext): void {
  app.event('file_shared', async ({ event, client, context }) => {
    const {
      file_id: fileId,
      channel_id: channel,
      user_id: userId,
    } = event as unknown as {
      file_id: string;
      channel_id: string;
      user_id: string;
    };
    if (!channel?.startsWith('D') || userId === context.botUserId) return;
    const asker = askerOf(context);
    if (asker?.chart.template !== 'brand-sales') return;
    const info = await client.files.info({ file: fileId });
    const file = info.file;
    if (!file?.name || !fileKindOf(file.name)) return; // not a register: a photo, a PDF…
    const { locale, chart } = asker;
    if (!mayImportAccounts(chart, userId))
      return void (await client.chat.postMessage({ channel, text: t(locale, 'account.import.forbidden') }));
    const started = await client.chat.postMessage({
      channel,
      text: t(locale, 'account.import.started', { file: file.name }),
    });
    const ts = started.ts as string;
    let shown = Date.now();
    let updating: Promise<unknown> = Promise.resolve();
    const show = (text: string) =>
      (updating = updating.then(() => client.chat.update({ channel, ts, text })).catch(() => undefined));
    try {
      if ((file.size ?? 0) > MAX_BYTES) throw new Error('file too large');
      const token = context.botToken ?? ctx.config.slack.botToken ?? '';
      const response = await fetch(String(file.url_private_download), {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!response.ok) throw new Error(`download answered ${response.status}`);
      const bytes = Buffer.from(await response.arrayBuffer());
      const result = await importAccounts({
        db: ctx.db,
        clock: ctx.clock,
        chart,
        actorId: userId,
        fileName: file.name,
        bytes,
        onProgress: (done, total) => {
          if (done < total && Date.now() - shown < PROGRESS_EVERY_MS) return;
          shown = Date.now();
          void show(importProgressText(file.name as string, done, total, locale));
        },
      });
      await show(importResultText(result, file.name, locale));
    } catch (error) {
      await show(errorText(error, locale, chart));
      if (!isExpected(error)) throw error;
    }
  });
}
