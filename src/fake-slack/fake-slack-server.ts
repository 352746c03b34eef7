import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyTooLargeError, readBodyBytes, sendJson as send } from '../lib/http-body.ts';
import { fileFromUpload, mimetypeOf, parseBody } from './request-parts.ts';
import { type Handler, webApiMethods } from './web-api-methods.ts';
import { WorkspaceState } from './workspace-state.ts';
import { FILE_DOWNLOAD_PATH, serveFileDownload } from './fake-files.ts';

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
    this.handlers = webApiMethods({ state: this.state, botUserId: this.botUserId, baseUrl: () => this.baseUrl });
  }

  /** Socket Mode: what the app answered on the WebSocket (acks with their payloads). */
  readonly socketReplies: Record<string, unknown>[] = [];
  private readonly sockets = new Set<{ send(data: string): void; close(): void }>();

  /** Accepts Socket Mode connections, greeting each with Slack's hello. */
  async enableSocketMode(): Promise<void> {
    const { WebSocketServer } = await import('ws');
    const wss = new WebSocketServer({ noServer: true });
    if (!this.server) throw new Error('FakeSlack is not started');
    this.server.on('upgrade', (req, socket, head) =>
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
    const server = http.createServer(
      (req, res) =>
        void this.handle(req, res).catch((error) => {
          if (res.headersSent) return void res.destroy();
          send(res, error instanceof BodyTooLargeError ? 413 : 400, {
            ok: false,
            error: error instanceof BodyTooLargeError ? 'request_too_large' : 'invalid_request',
          });
        }),
    );
    this.server = server;
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    for (const ws of this.sockets) ws.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
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
}
