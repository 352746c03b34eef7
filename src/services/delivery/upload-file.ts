import { SlackCallError, type ChartPainter, type SlackApi } from './ports.ts';

/** The outbox method of a file upload: files.uploadV2's three steps, done by the sender. */
export const UPLOAD_METHOD = 'files.uploadV2';

/** What the outbox keeps of an upload: a chart to draw when it is delivered, and the text beside it. */
export type UploadArgs = {
  chart: { width: number; height: number; option: Record<string, unknown> };
  filename: string;
  title: string;
  /** Read by screen readers (Slack's alt_txt). */
  altText: string;
  /** The message the file is shared with: says in words what the picture shows. */
  text: string;
  thread_ts?: string;
};

/**
 * files.uploadV2, one step at a time, so that each step's failure is the outbox's to retry: draw the
 * chart, ask for an upload URL, send the bytes, and share the file in the conversation with its text.
 */
export async function deliverUpload(
  slack: SlackApi,
  painter: ChartPainter | undefined,
  channel: string,
  args: UploadArgs,
): Promise<{ channel: string; ts: string }> {
  if (!painter || !slack.uploadBytes) throw new SlackCallError('permanent', 'uploads_not_configured');
  let png: Uint8Array;
  try {
    png = await painter.render(args.chart);
  } catch (error) {
    // a chart that cannot be drawn is given up on (and reported); a worker that died is tried again
    const kind = (error as Error).name === 'ChartDrawError' ? 'permanent' : 'transient';
    throw new SlackCallError(kind, `chart_render_failed: ${(error as Error).message.slice(0, 200)}`);
  }
  // a file is shared into a conversation: a person's DM is opened first, as Slack asks
  const channelId = /^[UW]/.test(channel) ? await openDm(slack, channel) : channel;
  const url = await slack.call('files.getUploadURLExternal', {
    filename: args.filename,
    length: png.byteLength,
    alt_txt: args.altText,
  });
  const uploadUrl = String(url.upload_url ?? '');
  const fileId = String(url.file_id ?? '');
  if (!uploadUrl || !fileId) throw new SlackCallError('transient', 'no_upload_url');
  await slack.uploadBytes(uploadUrl, png, args.filename);
  const shared = await slack.call('files.completeUploadExternal', {
    files: [{ id: fileId, title: args.title }],
    channel_id: channelId,
    initial_comment: args.text,
    ...(args.thread_ts ? { thread_ts: args.thread_ts } : {}),
  });
  return { channel: channelId, ts: String(shared.ts ?? '') };
}

async function openDm(slack: SlackApi, userId: string): Promise<string> {
  const opened = await slack.call('conversations.open', { users: userId });
  const id = String((opened.channel as { id?: string } | undefined)?.id ?? '');
  if (!id) throw new SlackCallError('permanent', 'conversations.open returned no channel');
  return id;
}
