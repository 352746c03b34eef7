import type { ListenerRouter } from '../listener-router.ts';
import { isPlanFileName } from '../../../services/plans/read-plan-file.ts';
import { uploadPlan } from '../../../services/plans/upload-plan.ts';
import { errorText } from '../../../views/error-text.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, isExpected, requireMember } from '../asker-of.ts';
import { downloadSharedFile } from './shared-file.ts';

/** Plans are short documents: bigger files are refused before they are downloaded. */
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * A plan uploaded as a Markdown or DOCX file in the author's DM with the bot: stored and sent for
 * approval like the form's (the card in the approvers' conversation, the author told by DM); what is
 * wrong with it is said in the DM.
 */
export function registerPlanFileShared(app: ListenerRouter, ctx: AppContext): void {
  app.event('file_shared', async ({ event, client, context }) => {
    const { file_id: fileId, channel_id: channel, user_id: userId } = event as unknown as Record<string, string>;
    if (!channel?.startsWith('D') || userId === context.botUserId) return;
    const asker = askerOf(context);
    if (!asker) return;
    const info = await client.files.info({ file: fileId });
    const file = info.file;
    if (!file?.name || !isPlanFileName(file.name)) return;
    try {
      requireMember(asker);
      if ((file.size ?? 0) > MAX_BYTES) throw new Error('plan file too large');
      const bytes = await downloadSharedFile(file, context.botToken ?? ctx.config.slack.botToken ?? '');
      await uploadPlan({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        authorId: userId,
        file: { id: fileId, name: file.name, url: String(file.permalink ?? file.url_private ?? '') },
        bytes,
      });
    } catch (error) {
      await client.chat.postMessage({ channel, text: errorText(error, asker.locale, asker.chart) });
      if (!isExpected(error)) throw error;
    }
  });
}
