import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import type { ChartMessage } from '../../views/charts/chart-spec.ts';
import { UPLOAD_METHOD, type UploadArgs } from '../delivery/upload-file.ts';

/**
 * Queues a chart for a person (their DM), a group DM (`mpim:…`) or a channel, as any message is:
 * the outbox draws it when it delivers it (never before an ack, never on the event loop) and uploads it
 * with files.uploadV2, retrying like any post. `threadOfId` puts it in the thread of a queued message.
 * Adding a chart is a builder in src/views/charts/ that returns a ChartMessage, and a call to this.
 */
export async function queueChart(
  tx: DbLike,
  channel: string,
  message: ChartMessage,
  now: Date,
  o: { threadOfId?: number } = {},
): Promise<{ id: number }> {
  const args: UploadArgs = {
    chart: message.chart,
    filename: message.filename,
    title: message.title,
    altText: message.altText,
    text: message.fallbackText,
  };
  return enqueueMessage(tx, { method: UPLOAD_METHOD, channel, args, threadOfId: o.threadOfId }, now);
}
