import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FakeSlack } from '../fake-slack/fake-slack-server.ts';
import { BodyTooLargeError, readBody, sendJson as json } from '../lib/http-body.ts';
import type { SlackDriver } from '../fake-slack/slack-driver.ts';
import { fileSharedEvent, uploadAsUser } from '../fake-slack/fake-files.ts';
import type { OrgDirectory } from '../services/org/org-directory.ts';
import { t } from '../i18n/index.ts';
import { localeOf } from '../services/org/locale-of.ts';
import type { FixedClock } from '../lib/clock.ts';
import type { Scheduler } from '../jobs/scheduler.ts';
import type { Config } from '../config.ts';
import { MAX_BODY_BYTES, refusal } from './sandbox-guard.ts';
import { AnswerLog } from './sandbox-answers.ts';
import { moveClock } from './sandbox-clock.ts';
import { conversationsOf, peopleOf, stateFor } from './sandbox-views.ts';
import { updatedView, viewActionPayload } from './sandbox-dispatch.ts';
import { manifestCommands, slackCommandText } from './slash-commands.ts';

const PAGE = path.join(import.meta.dirname, 'sandbox-page.html');

export interface SandboxServerOptions {
  fake: FakeSlack;
  driver: SlackDriver;
  directory: OrgDirectory;
  clock: FixedClock;
  scheduler: Scheduler;
  /** The bot's settings: the guide names the focus publish day from its working calendar. */
  config?: Pick<Config, 'calendar'>;
  /** Called whenever the page changed the workspace, so that it is saved. */
  onChange?: () => void;
  /** The org templates the page may switch between, and how to switch (the bot restarts on the other chart). */
  templates?: { key: string; name: string }[];
  onSwitchTemplate?: (key: string) => Promise<void>;
}

type Body = Record<string, unknown>;

/**
 * The sandbox workspace in a browser: pick who you are, see channels, DMs, threads and App Home,
 * type slash commands, fill modals and press buttons, and move the sandbox's clock. Everything
 * goes to the bot as signed requests through the same driver the tests use, and everything the
 * bot says lands in the same fake Slack. Loopback only and no sign-in, so it answers only its own
 * page (see sandbox-guard); it never runs with real credentials.
 */
export class SandboxServer {
  private server?: http.Server;
  /** Each person's private answers, as the page shows them. */
  private readonly answers: AnswerLog;
  private readonly commands = manifestCommands();
  /** A template switch in progress: requests wait for it, as the bot they would reach is restarting. */
  private switching: Promise<void> | undefined;

  constructor(private o: SandboxServerOptions) {
    this.answers = new AnswerLog(o.fake);
  }

  /** After the bot restarted on another chart: its new driver, directory and scheduler. */
  rebind(parts: Pick<SandboxServerOptions, 'driver' | 'directory' | 'scheduler' | 'config'>): void {
    this.o = { ...this.o, ...parts };
    this.answers.clear();
  }

  get port(): number {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('the sandbox page is not started');
    return address.port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  async start(port: number): Promise<this> {
    const server = http.createServer((req, res) => void this.serve(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const refused = refusal(req, this.port);
    if (refused) return json(res, 403, { error: refused });
    try {
      await this.switching;
      await this.handle(req, res);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        res.setHeader('connection', 'close');
        return json(res, 413, { error: error.message });
      }
      if (error instanceof SyntaxError) return json(res, 400, { error: 'malformed JSON' });
      json(res, 500, { error: String((error as Error)?.message ?? error) });
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (req.method === 'GET') return this.get(url, res);
    if (req.method !== 'POST') return json(res, 404, { error: 'not found' });
    const parsed: unknown = JSON.parse((await readBody(req, MAX_BODY_BYTES)) || '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      return json(res, 400, { error: 'expected a JSON object' });
    const body = parsed as Body;
    const answer = await this.post(url.pathname, String(body.user ?? ''), body);
    this.o.onChange?.();
    return json(res, answer.status, answer.body);
  }

  private async get(url: URL, res: http.ServerResponse): Promise<void> {
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(readFileSync(PAGE, 'utf8'));
    }
    // browsers ask for it on every load; there is none, and a 404 would read as a fault
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
    if (url.pathname === '/api/people') return json(res, 200, await peopleOf(this.o));
    if (url.pathname === '/api/state')
      return json(res, 200, await stateFor(this.o, this.answers, url.searchParams.get('user') ?? ''));
    const file = /^\/files\/(F[A-Z0-9]+)(\/.*)?$/.exec(url.pathname);
    const stored = file ? this.o.fake.state.files.get(file[1]) : undefined;
    if (!stored) return json(res, 404, { error: 'not found' });
    const inline = stored.mimetype.startsWith('image/');
    res.writeHead(200, {
      'content-type': stored.mimetype.startsWith('text/') ? `${stored.mimetype}; charset=utf-8` : stored.mimetype,
      'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(stored.name)}`,
      'x-content-type-options': 'nosniff',
    });
    res.end(stored.data);
  }

  /** An external select's options, as Slack asks the bot for them while someone types. */
  private async options(user: string, body: Body): Promise<{ status: number; body: unknown }> {
    const stored = this.o.fake.state.views.get(String(body.viewId));
    if (!stored) return { status: 404, body: { error: 'no such view' } };
    const options = await this.o.driver.suggestOptions(user, {
      viewId: stored.id,
      blockId: String(body.blockId ?? ''),
      actionId: String(body.actionId ?? ''),
      value: String(body.value ?? ''),
    });
    return { status: 200, body: { options } };
  }

  /**
   * An input with dispatch_action changed in a modal: block_actions to the bot as Slack sends it, and
   * the view back once the bot's views.update has landed (a split's running sum), for the page to draw.
   */
  private async viewAction(user: string, body: Body): Promise<{ status: number; body: unknown }> {
    const stored = this.o.fake.state.views.get(String(body.viewId));
    if (!stored) return { status: 404, body: { error: 'no such view' } };
    const values = (body.values ?? {}) as Record<string, string>;
    const payload = viewActionPayload(this.o.driver, user, stored, values, String(body.blockId ?? ''));
    if (!payload) return { status: 400, body: { error: 'no input that dispatches actions' } };
    const hash = stored.hash;
    const answer = await this.o.driver.interaction(payload);
    const view = await updatedView(stored, hash);
    return { status: 200, body: { status: answer.status, modal: { id: view.id, view: view.view } } };
  }

  /** A file uploaded in the person's DM with the bot, as Slack sends it: file_shared (an ERP export, or a plan). */
  private async upload(user: string, body: Body): Promise<{ status: number; body: unknown }> {
    const name = String(body.name ?? '').slice(0, 200);
    if (!name || !user) return { status: 400, body: { error: 'name and user needed' } };
    const upload = uploadAsUser(this.o.fake.state, {
      userId: user,
      name,
      data: Buffer.from(String(body.data ?? ''), 'base64'),
    });
    await this.o.driver.event(fileSharedEvent({ userId: user, ...upload }));
    return { status: 200, body: { posted: upload.channel } };
  }

  private async post(pathname: string, user: string, body: Body): Promise<{ status: number; body: unknown }> {
    const { driver, fake } = this.o;
    switch (pathname) {
      case '/api/command':
        return this.command(user, String(body.text ?? '').trim(), String(body.channel ?? ''));
      case '/api/submit': {
        const stored = fake.state.views.get(String(body.viewId));
        if (!stored) return { status: 404, body: { error: 'no such view' } };
        const answer = await driver.submitView(user, stored, (body.values ?? {}) as Record<string, string>);
        const errors = answer.json?.response_action === 'errors' ? answer.json.errors : undefined;
        if (!errors) fake.state.closedViews.add(stored.id);
        return { status: 200, body: { errors: errors ?? null } };
      }
      case '/api/options':
        return this.options(user, body);
      case '/api/action':
        return this.viewAction(user, body);
      case '/api/close':
        fake.state.closedViews.add(String(body.viewId));
        return { status: 200, body: {} };
      case '/api/click': {
        const message = body.answer
          ? this.answers.asMessage(user, String(body.answer))
          : fake.state.find(String(body.channel), String(body.ts));
        if (!message) return { status: 404, body: { error: 'no such message' } };
        // the card may have changed since the page drew it: the click goes as the page saw it
        const seen =
          typeof body.value === 'string' ? { value: body.value, blockId: String(body.blockId ?? '') } : undefined;
        const answer = await driver.interaction(driver.clickButtonPayload(user, message, String(body.actionId), seen));
        return { status: 200, body: { status: answer.status } };
      }
      case '/api/reply': {
        const parent = fake.state.find(String(body.channel), String(body.ts));
        if (!parent) return { status: 404, body: { error: 'no such message' } };
        await driver.replyInThread(user, parent, String(body.text ?? ''));
        return { status: 200, body: {} };
      }
      case '/api/upload':
        return this.upload(user, body);
      case '/api/home':
        await driver.event({ type: 'app_home_opened', user, channel: fake.state.dmChannelFor(user), tab: 'home' });
        return { status: 200, body: {} };
      case '/api/clock':
        return moveClock(this.o, user, body);
      case '/api/template': {
        const key = String(body.key ?? '');
        if (!this.o.onSwitchTemplate || !this.o.templates?.some((tpl) => tpl.key === key))
          return { status: 400, body: { error: 'no such template' } };
        this.switching = this.o.onSwitchTemplate(key).finally(() => (this.switching = undefined));
        await this.switching;
        return { status: 200, body: {} };
      }
      default:
        return { status: 404, body: { error: 'not found' } };
    }
  }

  /** A slash command goes to the bot as Slack sends it; plain text is a message in the conversation. */
  private async command(user: string, text: string, channel: string): Promise<{ status: number; body: unknown }> {
    const chart = await this.o.directory.current();
    if (!text) return { status: 400, body: { error: 'empty' } };
    if (!text.startsWith('/')) {
      const visible = channel && (await conversationsOf(this.o, user)).includes(channel);
      const where = visible ? channel : this.o.fake.state.dmChannelFor(user);
      const ts = this.o.fake.state.nextTs();
      const escaped = slackCommandText(text, true, chart.people);
      this.o.fake.state.messages.push({ channel: where, ts, user, text: escaped });
      const kind = where.startsWith('D') ? 'im' : where.startsWith('G') ? 'mpim' : 'channel';
      await this.o.driver.event({ type: 'message', channel: where, channel_type: kind, user, text: escaped, ts });
      return { status: 200, body: { posted: where } };
    }
    const [command, ...rest] = text.split(/\s+/);
    const known = this.commands.get(command);
    if (!known) {
      this.answers.remember(user, { text: t(localeOf(chart, user), 'sandbox.unknown_command', { command }) });
      return { status: 200, body: { status: 'unknown' } };
    }
    const answer = await this.o.driver.command(
      user,
      command,
      slackCommandText(rest.join(' '), known.shouldEscape, chart.people),
    );
    if (answer.json && (answer.json.text || answer.json.blocks)) this.answers.remember(user, answer.json);
    return { status: 200, body: { status: answer.status } };
  }
}
