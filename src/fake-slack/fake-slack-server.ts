import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyTooLargeError, readBodyBytes, sendJson as send } from '../lib/http-body.ts';
import { checkMessage, checkView } from './block-limits.ts';
import { WorkspaceState, type SharedFile } from './workspace-state.ts';
import { FILE_DOWNLOAD_PATH, fileInfo, serveFileDownload } from './fake-files.ts';

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  /** What the fake answered: the JSON body, or the status for injected faults. */
  response: Record<string, unknown>;
  status: number;
  at: number;
}

/** Lets a test answer a call its own way (429, 500, a hang); undefined means answer normally. */
/**
 * Lets a test answer a call its own way (429, 500, a hang); undefined means answer normally.
 * `applied: true` carries the call out first and only then hangs: a post Slack took whose answer
 * never arrived.
 */
export type FaultInjector = (
  method: string,
  args: Record<string, unknown>,
) =>
  | { status: number; headers?: Record<string, string>; body?: unknown; hangMs?: number; applied?: boolean }
  | undefined;

export interface FakeSlackOptions {
  botToken?: string;
  /** Slack's per-channel pacing of chat.postMessage: about one a second, then 429 with Retry-After. */
  enforceChannelRateLimit?: boolean;
  /** Called after each recorded call, e.g. to push changes to the sandbox page. */
  onCall?: (call: RecordedCall) => void;
}

/** Slack takes files up to 1 GB; the stand-in keeps what it is sent in memory, so far less. */
const MAX_REQUEST_BYTES = 32 * 1024 * 1024;

type Handler = (args: Record<string, unknown>) => Record<string, unknown>;

/**
 * A local stand-in for Slack's Web API. It answers the methods the bot calls, keeps the messages
 * and views as a workspace would, refuses what real Slack refuses, and records every call.
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly state = new WorkspaceState();
  fault: FaultInjector | undefined;
  private server?: http.Server;
  private readonly lastPostByChannel = new Map<string, number>();
  private readonly handlers: Record<string, Handler>;
  readonly botUserId = 'UBOTFAKE01';

  constructor(private readonly options: FakeSlackOptions = {}) {
    this.handlers = {
      'apps.connections.open': () => ({
        ok: true,
        url: `ws://127.0.0.1:${(this.server?.address() as AddressInfo).port}/socket-mode`,
      }),
      'auth.test': () => ({
        ok: true,
        url: 'https://fake.slack.local/',
        team: 'Fake',
        user: 'bot',
        team_id: 'T0FAKE0001',
        user_id: this.botUserId,
        bot_id: 'B0FAKE0001',
      }),
      'chat.postMessage': (args) => this.postMessage(args),
      'chat.postEphemeral': (args) => this.postEphemeral(args),
      'chat.update': (args) => this.update(args),
      'chat.delete': (args) => ({ ok: true, channel: args.channel, ts: args.ts }),
      'conversations.history': (args) => {
        const channel = this.state.resolveChannel(String(args.channel ?? ''));
        const limit = Number(args.limit ?? 100);
        const found = this.state.messages
          .filter((m) => m.channel === channel && !m.onlyFor)
          .slice(-limit)
          .reverse();
        return {
          ok: true,
          messages: found.map((m) => ({
            ts: m.ts,
            text: m.text,
            thread_ts: m.threadTs,
            ...(args.include_all_metadata ? { metadata: m.metadata } : {}),
          })),
        };
      },
      'conversations.replies': (args) => {
        const channel = this.state.resolveChannel(String(args.channel ?? ''));
        const found = this.state.messages.filter(
          (m) => m.channel === channel && (m.ts === args.ts || m.threadTs === args.ts) && !m.onlyFor,
        );
        return {
          ok: true,
          messages: found.map((m) => ({
            ts: m.ts,
            text: m.text,
            thread_ts: m.threadTs,
            ...(args.include_all_metadata ? { metadata: m.metadata } : {}),
          })),
        };
      },
      'conversations.open': (args) => ({
        ok: true,
        channel: {
          id: this.state.openConversation(
            String(args.users ?? '')
              .split(',')
              .filter(Boolean),
          ),
        },
      }),
      'views.open': (args) => this.openView(args),
      'views.push': (args) => this.openView(args),
      'views.update': (args) => this.updateView(args),
      'views.publish': (args) => this.publishHome(args),
      'users.info': (args) => ({ ok: true, user: { id: args.user, tz: 'Asia/Shanghai', locale: 'zh-TW' } }),
      'files.getUploadURLExternal': (args) => {
        const key = randomUUID();
        const id = this.state.nextFileId();
        this.state.pendingUploads.set(key, { id, name: String(args.filename ?? 'file') });
        return { ok: true, upload_url: `${this.baseUrl}/upload/${key}`, file_id: id, filename: args.filename };
      },
      'files.completeUploadExternal': (args) => this.completeUpload(args),
      'files.info': (args) => fileInfo(this.state, this.baseUrl, args),
    };
  }

  /** Socket Mode: what the app answered on the WebSocket (acks with their payloads). */
  readonly socketReplies: Record<string, unknown>[] = [];
  private readonly sockets = new Set<{ send(data: string): void; close(): void }>();

  /** Accepts Socket Mode connections, greeting each with Slack's hello. */
  async enableSocketMode(): Promise<void> {
    const { WebSocketServer } = await import('ws');
    const wss = new WebSocketServer({ noServer: true });
    this.server!.on('upgrade', (req, socket, head) =>
      wss.handleUpgrade(req, socket, head, (ws) => {
        this.sockets.add(ws);
        ws.on('message', (data) => this.socketReplies.push(JSON.parse(String(data)) as Record<string, unknown>));
        ws.on('close', () => this.sockets.delete(ws));
        ws.send(
          JSON.stringify({
            type: 'hello',
            num_connections: 1,
            debug_info: { host: 'fake-slack' },
            connection_info: { app_id: 'A0FAKE0001' },
          }),
        );
      }),
    );
  }

  get socketConnections(): number {
    return this.sockets.size;
  }

  /** Sends an envelope (a slash command, an interaction, an event) to every connected app. */
  sendEnvelope(envelope: Record<string, unknown>): void {
    for (const ws of this.sockets) ws.send(JSON.stringify(envelope));
  }

  get baseUrl(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('FakeSlack is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  /** What the app takes as SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  async start(port = 0): Promise<this> {
    // bounded like Slack's own limits, so that a runaway client cannot fill the memory of the sandbox
    this.server = http.createServer(
      (req, res) =>
        void this.handle(req, res).catch((error) => {
          if (res.headersSent) return void res.destroy();
          send(res, error instanceof BodyTooLargeError ? 413 : 400, {
            ok: false,
            error: error instanceof BodyTooLargeError ? 'request_too_large' : 'invalid_request',
          });
        }),
    );
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    for (const ws of this.sockets) ws.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200 && c.response.ok === true);
  }

  /** A response_url for a slash command or an interaction; posts to it are recorded as 'response_url'. */
  responseUrl(owner?: string): string {
    const path = `/response/${randomUUID()}`;
    if (owner) this.state.responseOwners.set(path, owner);
    return `${this.baseUrl}${path}`;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const bytes = await readBodyBytes(req, MAX_REQUEST_BYTES);
    const body = bytes.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname.startsWith('/response/')) {
      const args = parseBody(body, req.headers['content-type']);
      this.record('response_url', { ...args, user: this.state.responseOwners.get(url.pathname) }, { ok: true }, 200);
      return send(res, 200, { ok: true });
    }
    if (url.pathname.startsWith(FILE_DOWNLOAD_PATH))
      return serveFileDownload(this.state, url.pathname, req.headers.authorization, this.options.botToken, res);
    if (url.pathname.startsWith('/upload/')) {
      const data = fileFromUpload(bytes, String(req.headers['content-type'] ?? ''));
      const pending = this.state.pendingUploads.get(url.pathname.slice('/upload/'.length));
      if (pending)
        this.state.files.set(pending.id, { ...pending, title: pending.name, mimetype: mimetypeOf(pending.name), data });
      const content = data.toString('utf8');
      this.record('file_upload', { bytes: data.length, content }, { ok: true }, 200);
      return send(res, 200, { ok: true });
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const args = parseBody(body, req.headers['content-type']);
    const token = String(req.headers.authorization ?? '').replace(/^Bearer\s+/, '') || String(args.token ?? '');
    if (this.options.botToken && method !== 'apps.connections.open' && token !== this.options.botToken) {
      return this.answer(res, method, args, 200, { ok: false, error: 'invalid_auth' });
    }
    const fault = this.fault?.(method, args);
    if (fault?.applied) {
      const handler = this.handlers[method];
      const response = handler ? handler(args) : { ok: false, error: 'unknown_method' };
      this.record(method, args, response, 200);
      await new Promise((resolve) => setTimeout(resolve, fault.hangMs ?? 0));
      return send(res, 200, response);
    }
    if (fault) {
      if (fault.hangMs) await new Promise((resolve) => setTimeout(resolve, fault.hangMs));
      this.record(method, args, (fault.body as Record<string, unknown>) ?? {}, fault.status);
      res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
      return void res.end(JSON.stringify(fault.body ?? { ok: false, error: 'fault' }));
    }
    if (method === 'chat.postMessage' && this.options.enforceChannelRateLimit) {
      const channel = this.state.resolveChannel(String(args.channel));
      const last = this.lastPostByChannel.get(channel) ?? 0;
      if (Date.now() - last < 1000) {
        this.record(method, args, { ok: false, error: 'ratelimited' }, 429);
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
        return void res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      }
      this.lastPostByChannel.set(channel, Date.now());
    }
    const handler = this.handlers[method];
    const response = handler ? handler(args) : { ok: false, error: 'unknown_method' };
    this.answer(res, method, args, 200, response);
  }

  private answer(
    res: http.ServerResponse,
    method: string,
    args: Record<string, unknown>,
    status: number,
    response: Record<string, unknown>,
  ): void {
    this.record(method, args, response, status);
    send(res, status, response);
  }

  private record(
    method: string,
    args: Record<string, unknown>,
    response: Record<string, unknown>,
    status: number,
  ): void {
    const call = { method, args, response, status, at: Date.now() };
    this.calls.push(call);
    this.options.onCall?.(call);
  }

  private postMessage(args: Record<string, unknown>): Record<string, unknown> {
    if (!args.channel) return { ok: false, error: 'channel_not_found' };
    const problem = checkMessage(args);
    if (problem) return { ok: false, error: problem === 'no_text' ? 'no_text' : 'invalid_blocks', detail: problem };
    const channel = this.state.resolveChannel(String(args.channel));
    const ts = this.state.nextTs();
    const threadTs = args.thread_ts ? String(args.thread_ts) : undefined;
    if (threadTs && !this.state.find(channel, threadTs)) return { ok: false, error: 'thread_not_found' };
    this.state.messages.push({
      channel,
      ts,
      user: this.botUserId,
      text: String(args.text ?? ''),
      blocks: args.blocks as unknown[] | undefined,
      threadTs,
      metadata: args.metadata,
    });
    return { ok: true, channel, ts, message: { text: args.text, ts } };
  }

  private postEphemeral(args: Record<string, unknown>): Record<string, unknown> {
    const problem = checkMessage(args);
    if (problem) return { ok: false, error: 'invalid_blocks', detail: problem };
    const channel = this.state.resolveChannel(String(args.channel));
    const ts = this.state.nextTs();
    this.state.messages.push({
      channel,
      ts,
      user: this.botUserId,
      text: String(args.text ?? ''),
      blocks: args.blocks as unknown[] | undefined,
      onlyFor: String(args.user),
      threadTs: args.thread_ts ? String(args.thread_ts) : undefined,
    });
    return { ok: true, message_ts: ts };
  }

  private update(args: Record<string, unknown>): Record<string, unknown> {
    const channel = this.state.resolveChannel(String(args.channel));
    const message = this.state.find(channel, String(args.ts));
    if (!message) return { ok: false, error: 'message_not_found' };
    const problem = checkMessage(args);
    if (problem) return { ok: false, error: 'invalid_blocks', detail: problem };
    message.text = String(args.text ?? message.text);
    message.blocks = (args.blocks as unknown[] | undefined) ?? message.blocks;
    message.edited = true;
    return { ok: true, channel, ts: message.ts, text: message.text };
  }

  /** Shares uploaded files in a conversation, as a message with the comment, as Slack does. */
  private completeUpload(args: Record<string, unknown>): Record<string, unknown> {
    const listed = (Array.isArray(args.files) ? args.files : []) as { id: string; title?: string }[];
    const files: SharedFile[] = [];
    for (const entry of listed) {
      const stored = this.state.files.get(String(entry.id));
      if (!stored) return { ok: false, error: 'file_not_found' };
      stored.title = entry.title ?? stored.title;
      files.push({ id: stored.id, name: stored.name, title: stored.title, mimetype: stored.mimetype });
    }
    if (args.channel_id) {
      const channel = this.state.resolveChannel(String(args.channel_id));
      const threadTs = args.thread_ts ? String(args.thread_ts) : undefined;
      this.state.messages.push({
        channel,
        ts: this.state.nextTs(),
        user: this.botUserId,
        text: String(args.initial_comment ?? ''),
        threadTs,
        files,
      });
    }
    return { ok: true, files: args.files };
  }

  private openView(args: Record<string, unknown>): Record<string, unknown> {
    if (!args.trigger_id && !args.interactivity_pointer)
      return { ok: false, error: 'invalid_arguments', detail: 'trigger_id missing' };
    const view = args.view as Record<string, unknown>;
    const problem = checkView(view, 'modal');
    if (problem) return { ok: false, error: 'invalid_arguments', detail: problem };
    const id = this.state.nextViewId();
    const user = this.state.triggerOwners.get(String(args.trigger_id ?? '')) ?? String(args.user_id ?? '');
    const stored = { id, user, view: { ...view, id }, hash: randomUUID() };
    this.state.views.set(id, stored);
    return { ok: true, view: { ...stored.view, hash: stored.hash } };
  }

  private updateView(args: Record<string, unknown>): Record<string, unknown> {
    const existing = this.state.views.get(String(args.view_id));
    if (!existing) return { ok: false, error: 'not_found' };
    const view = args.view as Record<string, unknown>;
    const problem = checkView(view, 'modal');
    if (problem) return { ok: false, error: 'invalid_arguments', detail: problem };
    existing.view = { ...view, id: existing.id };
    existing.hash = randomUUID();
    return { ok: true, view: { ...existing.view, hash: existing.hash } };
  }

  private publishHome(args: Record<string, unknown>): Record<string, unknown> {
    const problem = checkView(args.view, 'home');
    if (problem) return { ok: false, error: 'invalid_arguments', detail: problem };
    this.state.homes.set(String(args.user_id), args.view as Record<string, unknown>);
    return { ok: true, view: args.view };
  }
}

/** The Web API client sends forms with JSON-encoded objects; response_url gets JSON. */
function parseBody(body: string, contentType: string | undefined): Record<string, unknown> {
  if (!body) return {};
  if (contentType?.includes('application/json')) return JSON.parse(body) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    args[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return args;
}

/** The file in an upload: the raw body, or the file part of a multipart form (bytes kept as they are). */
function fileFromUpload(bytes: Buffer, contentType: string): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!contentType.startsWith('multipart/') || !boundary) return bytes;
  const body = bytes.toString('latin1');
  const parts = body.split(`--${boundary[1] ?? boundary[2]}`);
  const file = parts.find((part) => /filename=/.test(part.slice(0, part.indexOf('\r\n\r\n')))) ?? parts[1] ?? '';
  return Buffer.from(file.slice(file.indexOf('\r\n\r\n') + 4).replace(/\r\n$/, ''), 'latin1');
}

const MIMETYPES: Record<string, string> = {
  csv: 'text/csv',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function mimetypeOf(name: string): string {
  return MIMETYPES[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
