import type http from 'node:http';
import type { WorkspaceState } from './workspace-state.ts';

/** Where the stand-in serves a file's bytes (Slack's url_private_download). */
export const FILE_DOWNLOAD_PATH = '/files-pri/';

/** files.info: the file's name, type and where to download it, for whoever holds the bot token. */
export function fileInfo(
  state: WorkspaceState,
  baseUrl: string,
  args: Record<string, unknown>,
): Record<string, unknown> {
  const stored = state.files.get(String(args.file ?? ''));
  if (!stored) return { ok: false, error: 'file_not_found' };
  const url = `${baseUrl}${FILE_DOWNLOAD_PATH}${stored.id}/${encodeURIComponent(stored.name)}`;
  return {
    ok: true,
    file: {
      id: stored.id,
      name: stored.name,
      title: stored.title,
      mimetype: stored.mimetype,
      filetype: stored.name.split('.').pop()?.toLowerCase() ?? '',
      size: stored.data.length,
      user: stored.user,
      url_private: url,
      url_private_download: url,
    },
  };
}

/** GET /files-pri/<id>/<name>: the bytes, only with the bot token, as Slack asks. */
export function serveFileDownload(
  state: WorkspaceState,
  pathname: string,
  authorization: string | undefined,
  botToken: string | undefined,
  res: http.ServerResponse,
): void {
  const id = pathname.slice(FILE_DOWNLOAD_PATH.length).split('/')[0];
  const stored = state.files.get(id);
  if (botToken && authorization !== `Bearer ${botToken}`) {
    res.writeHead(403).end();
    return;
  }
  if (!stored) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': stored.mimetype, 'content-length': String(stored.data.length) });
  res.end(stored.data);
}

const MIMETYPES: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * A person uploads a file in their DM with the bot: it is stored and shown there, as Slack does.
 * The caller then sends the `file_shared` event (see `fileSharedEvent`).
 */
export function uploadAsUser(
  state: WorkspaceState,
  o: { userId: string; name: string; data: Buffer; comment?: string },
): { fileId: string; channel: string } {
  const id = state.nextFileId();
  const mimetype = MIMETYPES[o.name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
  state.files.set(id, { id, name: o.name, title: o.name, mimetype, data: o.data, user: o.userId });
  const channel = state.dmChannelFor(o.userId);
  state.messages.push({
    channel,
    ts: state.nextTs(),
    user: o.userId,
    text: o.comment ?? '',
    files: [{ id, name: o.name, title: o.name, mimetype }],
  });
  return { fileId: id, channel };
}

/** The Events API's `file_shared` for that upload. */
export function fileSharedEvent(o: { userId: string; fileId: string; channel: string }): Record<string, unknown> {
  return { type: 'file_shared', file_id: o.fileId, user_id: o.userId, channel_id: o.channel, file: { id: o.fileId } };
}
