import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FakeSlack } from '../fake-slack/fake-slack-server.ts';
import { BodyTooLargeError, readBody, sendJson as json } from '../lib/http-body.ts';
import type { SlackDriver } from '../fake-slack/slack-driver.ts';
import type { StoredMessage } from '../fake-slack/workspace-state.ts';
import type { OrgDirectory } from '../services/org/org-directory.ts';
import { t } from '../i18n/index.ts';
import { localeOf } from '../services/org/locale-of.ts';
import type { FixedClock } from '../lib/clock.ts';
import { zonedInstant } from '../lib/format-time.ts';
import type { Scheduler } from '../jobs/scheduler.ts';
import type { Config } from '../config.ts';
import { advanceClock, advanceToNextEvent } from '../jobs/advance-clock.ts';
import { MAX_BODY_BYTES, refusal } from './sandbox-guard.ts';
import { channelMembers, guideSteps, orgPanel, teamOf } from './sandbox-org.ts';
import { manifestCommands, slackCommandText } from './slash-commands.ts';

const PAGE = path.join(import.meta.dirname, 'sandbox-page.html');
const HOUR = 3_600_000;

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
  /** Each person's private answers (slash command acks), newest last. */
  private readonly answers = new Map<string, { id: number; at: number; text: string; blocks?: unknown[] }[]>();
  private answerCount = 0;
  private readonly commands = manifestCommands();
  /** A template switch in progress: requests wait for it, as the bot they would reach is restarting. */
  private switching: Promise<void> | undefined;

  constructor(private o: SandboxServerOptions) {}

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
    if (url.pathname === '/api/people') return json(res, 200, await this.people());
    if (url.pathname === '/api/state') return json(res, 200, await this.stateFor(url.searchParams.get('user') ?? ''));
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
      case '/api/close':
        fake.state.closedViews.add(String(body.viewId));
        return { status: 200, body: {} };
      case '/api/click': {
        const message = body.answer
          ? await this.answerAsMessage(user, String(body.answer))
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
      case '/api/home':
        await driver.event({ type: 'app_home_opened', user, channel: fake.state.dmChannelFor(user), tab: 'home' });
        return { status: 200, body: {} };
      case '/api/clock':
        return this.moveClock(user, body);
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
      const visible = channel && (await this.conversationsOf(user)).includes(channel);
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
      this.remember(user, { text: t(localeOf(chart, user), 'sandbox.unknown_command', { command }) });
      return { status: 200, body: { status: 'unknown' } };
    }
    const answer = await this.o.driver.command(
      user,
      command,
      slackCommandText(rest.join(' '), known.shouldEscape, chart.people),
    );
    if (answer.json && (answer.json.text || answer.json.blocks)) this.remember(user, answer.json);
    return { status: 200, body: { status: answer.status } };
  }

  /** Moves the sandbox's clock forward: to the next event, to a time, or by hours and days. */
  private async moveClock(user: string, body: Body): Promise<{ status: number; body: unknown }> {
    const { clock, scheduler } = this.o;
    const locale = localeOf(await this.o.directory.current(), user);
    if (body.action === 'next') {
      const moved = await advanceToNextEvent({ clock, scheduler });
      if (!moved)
        return { status: 200, body: { now: clock.now().toISOString(), message: t(locale, 'sandbox.clock.nothing') } };
      return { status: 200, body: { now: clock.now().toISOString(), ran: moved.ran } };
    }
    const to =
      body.action === 'to'
        ? await this.instantOf(body)
        : new Date(clock.now().getTime() + (Number(body.hours ?? 0) + 24 * Number(body.days ?? 0)) * HOUR);
    if (Number.isNaN(to.getTime()) || to <= clock.now())
      return { status: 400, body: { error: t(locale, 'sandbox.clock.bad_time') } };
    const moved = await advanceClock({ clock, scheduler, to });
    return { status: 200, body: { now: clock.now().toISOString(), ran: moved.ran } };
  }

  /** A time to move to: an instant, or `local` (2026-12-07T09:00) in the organisation's time zone. */
  private async instantOf(body: Body): Promise<Date> {
    const local = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(String(body.local ?? ''));
    if (!local) return new Date(String(body.to));
    const [year, month, day, hour, minute] = local.slice(1).map(Number);
    return zonedInstant(year, month - 1, day, hour, minute, (await this.o.directory.current()).data.timezone);
  }

  private remember(user: string, answer: Record<string, unknown>): void {
    const list = this.answers.get(user) ?? [];
    this.answerCount += 1;
    const blocks = answer.blocks as unknown[] | undefined;
    list.push({ id: this.answerCount, at: Date.now(), text: String(answer.text ?? ''), blocks });
    this.answers.set(user, list.slice(-20));
  }

  private async people() {
    const chart = await this.o.directory.current();
    const locale = localeOf(chart, chart.people[0]?.slackId ?? '');
    return {
      organisation: chart.data.name,
      template: chart.template,
      templates: this.o.templates ?? [],
      timezone: chart.data.timezone,
      people: chart.people.map((p) => {
        const own = localeOf(chart, p.slackId);
        return {
          id: p.slackId,
          name: p.name,
          role: t(own, `role.${p.role}`),
          team: teamOf(chart, p, own),
          locale: own,
        };
      }),
      names: Object.fromEntries(chart.people.map((p) => [p.slackId, p.name])),
      channels: chart.data.channels,
      org: orgPanel(chart, locale),
      guide: guideSteps(chart, locale, this.o.clock.now(), this.o.config),
    };
  }

  /** The conversations a person is in: channels they are a member of, their DM, their group DMs. */
  private async conversationsOf(user: string): Promise<string[]> {
    const { state } = this.o.fake;
    const members = channelMembers(await this.o.directory.current());
    const channels = [
      ...new Set([...members.keys(), state.dmChannelFor(user), ...state.messages.map((m) => m.channel)]),
    ];
    const isIn = (id: string) =>
      id.startsWith('C')
        ? (members.get(id) ?? []).includes(user)
        : id === state.dmChannelFor(user) || (state.groupMembers.get(id) ?? []).includes(user);
    return channels.filter(isIn);
  }

  /** A person's private answers, newest last, each with an id a button click names it by. */
  private answersOf(user: string): { id: string; at: number; text: string; blocks?: unknown[] }[] {
    const responses = this.o.fake.calls
      .map((c, index) => ({ c, index }))
      .filter(({ c }) => c.method === 'response_url' && c.args.user === user)
      .map(({ c, index }) => ({
        id: `r${index}`,
        at: c.at,
        text: String(c.args.text ?? ''),
        blocks: c.args.blocks as unknown[],
      }));
    const own = (this.answers.get(user) ?? []).map((a) => ({ ...a, id: `a${a.id}` }));
    return [...own, ...responses].sort((a, b) => a.at - b.at).slice(-10);
  }

  /**
   * An answer as the ephemeral message Slack shows in the person's conversation: its buttons click
   * as on any message (Slack sends is_ephemeral and the answer's own ts).
   */
  private async answerAsMessage(user: string, id: string): Promise<StoredMessage | undefined> {
    const answer = this.answersOf(user).find((a) => a.id === id);
    if (!answer) return undefined;
    const ts = `${Math.floor(answer.at / 1000)}.${id.slice(1).padStart(6, '0')}`;
    const { fake } = this.o;
    const channel = fake.state.dmChannelFor(user);
    return { channel, ts, user: fake.botUserId, text: answer.text, blocks: answer.blocks, onlyFor: user };
  }

  /** What one person would see in Slack now. */
  private async stateFor(user: string) {
    const { state } = this.o.fake;
    const mine = new Set(await this.conversationsOf(user));
    const visible = (m: StoredMessage) => (!m.onlyFor || m.onlyFor === user) && mine.has(m.channel);
    const messages = state.messages.filter(visible);
    const kindOf = (id: string) => (id.startsWith('C') ? 'channel' : id.startsWith('G') ? 'group' : 'dm');
    const conversations = [...mine].map((id) => ({ id, kind: kindOf(id), members: state.groupMembers.get(id) ?? [] }));
    const modal = [...state.views.values()].filter((v) => v.user === user && !state.closedViews.has(v.id)).at(-1);
    const answers = this.answersOf(user);
    const next = await this.o.scheduler.nextEvent(this.o.clock.now());
    const clock = {
      now: this.o.clock.now().toISOString(),
      next: next ? { at: next.at.toISOString(), jobs: next.jobs } : null,
    };
    const home = state.homes.get(user) ?? null;
    return { conversations, messages, modal: modal ? { id: modal.id, view: modal.view } : null, home, answers, clock };
  }
}
