import type { SharedFile, WorkspaceState } from './workspace-state.ts';

/** Slack keeps at most this much alt text for a file. */
const MAX_ALT_TEXT = 1_000;

/**
 * What files.getUploadURLExternal refuses, as Slack does: a missing file name, a length that is not a
 * positive whole number, alt text over 1,000 characters. Undefined when the request is fine.
 */
export function uploadUrlProblem(args: Record<string, unknown>): string | undefined {
  if (!String(args.filename ?? '').trim()) return 'invalid_arguments';
  const length = Number(args.length);
  if (!Number.isInteger(length) || length <= 0) return 'invalid_arguments';
  if (args.alt_txt !== undefined && String(args.alt_txt).length > MAX_ALT_TEXT) return 'invalid_arguments';
  return undefined;
}

/** What an upload URL is handed out for: the file's name, its announced length and alt text. */
export const pendingUpload = (id: string, args: Record<string, unknown>) => ({
  id,
  name: String(args.filename ?? 'file'),
  length: Number(args.length),
  altText: args.alt_txt === undefined ? undefined : String(args.alt_txt),
});

/**
 * files.completeUploadExternal refuses a file whose bytes never arrived or differ in length from the
 * length announced, as Slack does; undefined when every listed file is whole.
 */
export function completeUploadProblem(state: WorkspaceState, ids: string[]): string | undefined {
  for (const id of ids) {
    const stored = state.files.get(id);
    if (!stored) return 'file_not_found';
    if (stored.length !== undefined && stored.length !== stored.data.length) return 'file_upload_size_mismatch';
  }
  return undefined;
}

/** The images shared in a conversation (a user id means their DM), with their bytes: for tests. */
export function imagesIn(state: WorkspaceState, channel: string): (SharedFile & { data: Buffer })[] {
  return state
    .inChannel(channel)
    .flatMap((m) => m.files ?? [])
    .filter((f) => f.mimetype.startsWith('image/'))
    .map((f) => ({ ...f, data: state.files.get(f.id)?.data ?? Buffer.alloc(0) }));
}
