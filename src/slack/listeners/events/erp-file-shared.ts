import type { ListenerRouter } from '../listener-router.ts';
import { t } from '../../../i18n/index.ts';
import { fileKindOf } from '../../../services/accounts/read-account-file.ts';
import { importErpFile, mayImportErp } from '../../../services/erp/import-erp-file.ts';
import { escapeMrkdwn, truncate } from '../../../lib/text.ts';
import { errorText } from '../../../views/error-text.ts';
import {
  erpImportProgressText,
  erpImportResultText,
  erpImportStartedText,
} from '../../../views/erp/erp-import-messages.ts';
import { isPlanFileName } from '../../../services/plans/read-plan-file.ts';
import type { AppContext } from '../../app-context.ts';
import { downloadSharedFile } from './shared-file.ts';
import { askerOf, isExpected } from '../asker-of.ts';

/** Bigger files are refused before they are downloaded. */
const MAX_BYTES = 30 * 1024 * 1024;
/** The progress message is updated at most this often. */
const PROGRESS_EVERY_MS = 1000;

/**
 * The SSG uploads an ERP export (CSV or XLSX) in its DM with the bot: its headings say what it is
 * (accounts, products, orders, shipments, invoices, payments), and it is imported with a message
 * updated in place as it goes and, at the end, what was written or every bad row.
 */
export function registerErpFileShared(app: ListenerRouter, ctx: AppContext): void {
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
    if (!file) return;
    const { locale, chart } = asker;
    if (file.name && isPlanFileName(file.name)) return; // a plan document: see plan-file-shared.ts
    if (!file.name || !fileKindOf(file.name)) {
      // not an export (a photo, a PDF…): say which files are taken, rather than nothing
      const text = t(locale, 'erp.import.not_export', { name: escapeMrkdwn(truncate(file.name ?? '', 80)) });
      return void (await client.chat.postMessage({ channel, text }));
    }
    if (!mayImportErp(chart, userId))
      return void (await client.chat.postMessage({ channel, text: t(locale, 'erp.import.forbidden') }));
    const name = file.name;
    const started = await client.chat.postMessage({ channel, text: erpImportStartedText(name, locale) });
    const ts = started.ts as string;
    let shown = Date.now();
    let kind = '';
    let updating: Promise<unknown> = Promise.resolve();
    const show = (text: string) =>
      (updating = updating.then(() => client.chat.update({ channel, ts, text })).catch(() => undefined));
    try {
      if ((file.size ?? 0) > MAX_BYTES) throw new Error('file too large');
      const bytes = await downloadSharedFile(file, context.botToken ?? ctx.config.slack.botToken ?? '');
      const result = await importErpFile({
        db: ctx.db,
        clock: ctx.clock,
        chart,
        actorId: userId,
        fileName: name,
        bytes,
        onKind: (k) => {
          kind = k;
        },
        onProgress: (done, total) => {
          if (done < total && Date.now() - shown < PROGRESS_EVERY_MS) return;
          shown = Date.now();
          void show(erpImportProgressText(kind, name, done, total, locale));
        },
      });
      await show(erpImportResultText(result, name, locale));
    } catch (error) {
      await show(errorText(error, locale, chart));
      if (!isExpected(error)) throw error;
    }
  });
}
