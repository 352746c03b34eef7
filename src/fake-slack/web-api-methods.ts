import { randomUUID } from 'node:crypto';
import { checkMessage, checkView } from './block-limits.ts';
import { completeUploadProblem, pendingUpload, uploadUrlProblem } from './file-uploads.ts';
import { fileInfo } from './fake-files.ts';
import type { SharedFile, StoredMessage, WorkspaceState } from './workspace-state.ts';

type Args = Record<string, unknown>;
export type Handler = (args: Args) => Args;

/** What the methods need of the fake Slack: its workspace, its bot, and where it listens. */
export interface MethodContext {
  state: WorkspaceState;
  botUserId: string;
  /** The fake's own address (it listens on a port chosen at start). */
  baseUrl: () => string;
}

/** The Web API methods the bot calls, answered as Slack answers them, on the fake's workspace. */
export function webApiMethods(c: MethodContext): Record<string, Handler> {
  return {
    ...sessionMethods(c),
    'chat.postMessage': (args) => postMessage(c, args),
    'chat.postEphemeral': (args) => postEphemeral(c, args),
    'chat.update': (args) => update(c, args),
    'chat.delete': (args) => ({ ok: true, channel: args.channel, ts: args.ts }),
    ...conversationMethods(c),
    'views.open': (args) => openView(c, args),
    'views.push': (args) => openView(c, args),
    'views.update': (args) => updateView(c, args),
    'views.publish': (args) => publishHome(c, args),
    'files.getUploadURLExternal': (args) => {
      const problem = uploadUrlProblem(args);
      if (problem) return { ok: false, error: problem };
      const key = randomUUID();
      const id = c.state.nextFileId();
      c.state.pendingUploads.set(key, pendingUpload(id, args));
      return { ok: true, upload_url: `${c.baseUrl()}/upload/${key}`, file_id: id, filename: args.filename };
    },
    'files.completeUploadExternal': (args) => completeUpload(c, args),
    'files.info': (args) => fileInfo(c.state, c.baseUrl(), args),
  };
}

/** Who the bot is, and where Socket Mode connects. */
function sessionMethods(c: MethodContext): Record<string, Handler> {
  return {
    'apps.connections.open': () => ({ ok: true, url: `${c.baseUrl().replace(/^http:/, 'ws:')}/socket-mode` }),
    'auth.test': () => ({
      ok: true,
      url: 'https://fake.slack.local/',
      team: 'Fake',
      user: 'bot',
      team_id: 'T0FAKE0001',
      user_id: c.botUserId,
      bot_id: 'B0FAKE0001',
    }),
    'users.info': (args) => ({ ok: true, user: { id: args.user, tz: 'Asia/Shanghai', locale: 'zh-TW' } }),
  };
}

function conversationMethods(c: MethodContext): Record<string, Handler> {
  const listed = (found: StoredMessage[], args: Args) =>
    found.map((m) => ({
      ts: m.ts,
      text: m.text,
      thread_ts: m.threadTs,
      ...(args.include_all_metadata ? { metadata: m.metadata } : {}),
    }));
  return {
    'conversations.history': (args) => {
      const channel = c.state.resolveChannel(String(args.channel ?? ''));
      const limit = Number(args.limit ?? 100);
      const found = c.state.messages
        .filter((m) => m.channel === channel && !m.onlyFor)
        .slice(-limit)
        .reverse();
      return { ok: true, messages: listed(found, args) };
    },
    'conversations.replies': (args) => {
      const channel = c.state.resolveChannel(String(args.channel ?? ''));
      const found = c.state.messages.filter(
        (m) => m.channel === channel && (m.ts === args.ts || m.threadTs === args.ts) && !m.onlyFor,
      );
      return { ok: true, messages: listed(found, args) };
    },
    'conversations.open': (args) => ({
      ok: true,
      channel: {
        id: c.state.openConversation(
          String(args.users ?? '')
            .split(',')
            .filter(Boolean),
        ),
      },
    }),
  };
}

function postMessage(c: MethodContext, args: Args): Args {
  if (!args.channel) return { ok: false, error: 'channel_not_found' };
  const problem = checkMessage(args);
  if (problem) return { ok: false, error: problem === 'no_text' ? 'no_text' : 'invalid_blocks', detail: problem };
  const channel = c.state.resolveChannel(String(args.channel));
  const ts = c.state.nextTs();
  const threadTs = args.thread_ts ? String(args.thread_ts) : undefined;
  if (threadTs && !c.state.find(channel, threadTs)) return { ok: false, error: 'thread_not_found' };
  c.state.messages.push({
    channel,
    ts,
    user: c.botUserId,
    text: String(args.text ?? ''),
    blocks: args.blocks as unknown[] | undefined,
    threadTs,
    metadata: args.metadata,
  });
  return { ok: true, channel, ts, message: { text: args.text, ts } };
}

function postEphemeral(c: MethodContext, args: Args): Args {
  const problem = checkMessage(args);
  if (problem) return { ok: false, error: 'invalid_blocks', detail: problem };
  const channel = c.state.resolveChannel(String(args.channel));
  // as Slack: an ephemeral message reaches only a member of the conversation (someone else's DM is not theirs)
  if (!c.state.isMember(channel, String(args.user))) return { ok: false, error: 'user_not_in_channel' };
  const ts = c.state.nextTs();
  c.state.messages.push({
    channel,
    ts,
    user: c.botUserId,
    text: String(args.text ?? ''),
    blocks: args.blocks as unknown[] | undefined,
    onlyFor: String(args.user),
    threadTs: args.thread_ts ? String(args.thread_ts) : undefined,
  });
  return { ok: true, message_ts: ts };
}

function update(c: MethodContext, args: Args): Args {
  const channel = c.state.resolveChannel(String(args.channel));
  const message = c.state.find(channel, String(args.ts));
  if (!message) return { ok: false, error: 'message_not_found' };
  const problem = checkMessage(args);
  if (problem) return { ok: false, error: 'invalid_blocks', detail: problem };
  message.text = String(args.text ?? message.text);
  message.blocks = (args.blocks as unknown[] | undefined) ?? message.blocks;
  message.edited = true;
  return { ok: true, channel, ts: message.ts, text: message.text };
}

/** Shares uploaded files in a conversation, as a message with the comment, as Slack does. */
function completeUpload(c: MethodContext, args: Args): Args {
  const listed = (Array.isArray(args.files) ? args.files : []) as { id: string; title?: string }[];
  const files: SharedFile[] = [];
  const problem = completeUploadProblem(
    c.state,
    listed.map((entry) => String(entry.id)),
  );
  if (problem) return { ok: false, error: problem };
  for (const entry of listed) {
    const stored = c.state.files.get(String(entry.id));
    if (!stored) return { ok: false, error: 'file_not_found' };
    stored.title = entry.title ?? stored.title;
    const { id, name, title, mimetype, altText } = stored;
    files.push({ id, name, title, mimetype, ...(altText ? { altText } : {}) });
  }
  if (args.channel_id) {
    const channel = c.state.resolveChannel(String(args.channel_id));
    const threadTs = args.thread_ts ? String(args.thread_ts) : undefined;
    c.state.messages.push({
      channel,
      ts: c.state.nextTs(),
      user: c.botUserId,
      text: String(args.initial_comment ?? ''),
      threadTs,
      files,
    });
  }
  return { ok: true, files: args.files };
}

function openView(c: MethodContext, args: Args): Args {
  if (!args.trigger_id && !args.interactivity_pointer)
    return { ok: false, error: 'invalid_arguments', detail: 'trigger_id missing' };
  const view = args.view as Args;
  const problem = checkView(view, 'modal');
  if (problem) return { ok: false, error: 'invalid_arguments', detail: problem };
  const id = c.state.nextViewId();
  const user = c.state.triggerOwners.get(String(args.trigger_id ?? '')) ?? String(args.user_id ?? '');
  const stored = { id, user, view: { ...view, id }, hash: randomUUID() };
  c.state.views.set(id, stored);
  return { ok: true, view: { ...stored.view, hash: stored.hash } };
}

function updateView(c: MethodContext, args: Args): Args {
  const existing = c.state.views.get(String(args.view_id));
  if (!existing) return { ok: false, error: 'not_found' };
  const view = args.view as Args;
  const problem = checkView(view, 'modal');
  if (problem) return { ok: false, error: 'invalid_arguments', detail: problem };
  existing.view = { ...view, id: existing.id };
  existing.hash = randomUUID();
  return { ok: true, view: { ...existing.view, hash: existing.hash } };
}

function publishHome(c: MethodContext, args: Args): Args {
  const problem = checkView(args.view, 'home');
  if (problem) return { ok: false, error: 'invalid_arguments', detail: problem };
  c.state.homes.set(String(args.user_id), args.view as Args);
  return { ok: true, view: args.view };
}
