import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FakeSlack } from '../fake-slack/fake-slack-server.ts';
import { readBody, sendJson as json } from '../lib/http-body.ts';
import type { SlackDriver } from '../fake-slack/slack-driver.ts';
import type { StoredMessage } from '../fake-slack/workspace-state.ts';
import type { OrgDirectory } from '../services/org-directory.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { localeOf } from '../services/locale-of.ts';

const PAGE = path.join(import.meta.dirname, 'sandbox-page.html');

/**
 * The sandbox workspace in a browser: pick who you are, see channels, DMs, threads and App Home,
 * type slash commands, fill modals and press buttons. Everything goes to the bot as signed
 * requests through the same driver the tests use, and everything the bot says lands in the same
 * fake Slack. Loopback only, no sign-in: it never runs with real credentials.
 */
export class SandboxServer {
  private server?: http.Server;
  /** Each person's private answers (slash command acks), newest last. */
  private readonly answers = new Map<string, { at: number; text: string; blocks?: unknown[] }[]>();

  constructor(private readonly o: { fake: FakeSlack; driver: SlackDriver; directory: OrgDirectory; host?: string }) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://${this.o.host ?? '127.0.0.1'}:${address.port}/`;
  }

  async start(port: number): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res).catch((error) => json(res, 500, { error: String(error?.message ?? error) })));
    await new Promise<void>((resolve) => this.server!.listen(port, this.o.host ?? '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (req.method === 'GET' && url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(readFileSync(PAGE, 'utf8'));
    }
    if (req.method === 'GET' && url.pathname === '/api/people') return json(res, 200, await this.people());
    if (req.method === 'GET' && url.pathname === '/api/state') return json(res, 200, await this.stateFor(url.searchParams.get('user') ?? ''));
    if (req.method !== 'POST') return json(res, 404, { error: 'not found' });
    const body = JSON.parse((await readBody(req)) || '{}') as Record<string, any>;
    const user = String(body.user ?? '');
    const { driver, fake } = this.o;
    switch (url.pathname) {
      case '/api/command': {
        const [command, ...rest] = String(body.text ?? '').trim().split(/\s+/);
        if (!command.startsWith('/')) return json(res, 400, { error: 'not a command' });
        const answer = await driver.command(user, command, rest.join(' '));
        if (answer.json && (answer.json.text || answer.json.blocks)) this.remember(user, answer.json);
        return json(res, 200, { status: answer.status });
      }
      case '/api/submit': {
        const stored = fake.state.views.get(String(body.viewId));
        if (!stored) return json(res, 404, { error: 'no such view' });
        const answer = await driver.submitView(user, stored, body.values ?? {});
        const errors = answer.json?.response_action === 'errors' ? answer.json.errors : undefined;
        if (!errors) fake.state.closedViews.add(stored.id);
        return json(res, 200, { errors: errors ?? null });
      }
      case '/api/close':
        fake.state.closedViews.add(String(body.viewId));
        return json(res, 200, {});
      case '/api/click': {
        const message = fake.state.find(String(body.channel), String(body.ts));
        if (!message) return json(res, 404, { error: 'no such message' });
        // the card may have changed since the page drew it: the click goes as the page saw it
        const seen = typeof body.value === 'string' ? { value: body.value, blockId: String(body.blockId ?? '') } : undefined;
        const answer = await driver.interaction(driver.clickButtonPayload(user, message, String(body.actionId), seen));
        return json(res, 200, { status: answer.status });
      }
      case '/api/reply': {
        const parent = fake.state.find(String(body.channel), String(body.ts));
        if (!parent) return json(res, 404, { error: 'no such message' });
        await driver.replyInThread(user, parent, String(body.text ?? ''));
        return json(res, 200, {});
      }
      case '/api/home':
        await driver.event({ type: 'app_home_opened', user, channel: fake.state.dmChannelFor(user), tab: 'home' });
        return json(res, 200, {});
      default:
        return json(res, 404, { error: 'not found' });
    }
  }

  private remember(user: string, answer: Record<string, unknown>): void {
    const list = this.answers.get(user) ?? [];
    list.push({ at: Date.now(), text: String(answer.text ?? ''), blocks: answer.blocks as unknown[] | undefined });
    this.answers.set(user, list.slice(-20));
  }

  private async people() {
    const chart = await this.o.directory.current();
    return {
      organisation: chart.data.name,
      people: chart.people.map((p) => ({ id: p.slackId, name: p.name, role: t(localeOf(chart, p.slackId), `role.${p.role}` as MessageKey) })),
      names: Object.fromEntries(chart.people.map((p) => [p.slackId, p.name])),
      channels: chart.data.channels,
    };
  }

  /** What one person would see in Slack now. */
  private async stateFor(user: string) {
    const { state } = this.o.fake;
    const dm = state.dmChannelFor(user);
    const visible = (m: StoredMessage) =>
      (!m.onlyFor || m.onlyFor === user) && (m.channel.startsWith('C') || m.channel === dm || (state.groupMembers.get(m.channel) ?? []).includes(user));
    const messages = state.messages.filter(visible);
    const conversations = [...new Set(messages.map((m) => m.channel))].map((id) => ({ id, kind: id.startsWith('C') ? 'channel' : id.startsWith('G') ? 'group' : 'dm', members: state.groupMembers.get(id) ?? [] }));
    const modal = [...state.views.values()].filter((v) => v.user === user && !state.closedViews.has(v.id)).at(-1);
    const responses = this.o.fake.calls.filter((c) => c.method === 'response_url' && c.args.user === user).map((c) => ({ at: c.at, text: String(c.args.text ?? ''), blocks: c.args.blocks as unknown[] | undefined }));
    const answers = [...(this.answers.get(user) ?? []), ...responses].sort((a, b) => a.at - b.at).slice(-10);
    return { conversations, messages, modal: modal ? { id: modal.id, view: modal.view } : null, home: state.homes.get(user) ?? null, answers };
  }
}

