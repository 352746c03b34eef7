import { createHmac, randomUUID } from 'node:crypto';
import type { FakeSlack } from './fake-slack-server.ts';
import type { StoredMessage, StoredView } from './workspace-state.ts';

export interface DriverResponse {
  status: number;
  text: string;
  /** The parsed body when it is JSON (an ack with a payload). */
  json: Record<string, unknown> | undefined;
}

export interface SendOptions {
  retryNum?: number;
  /** Seconds since the epoch for X-Slack-Request-Timestamp; defaults to now. */
  timestamp?: number;
  /** Override the signature: null sends none, a string sends that one. */
  signature?: string | null;
}

/** A value typed into one input block of a modal, by the element's kind. */
export type InputValue = string | number | string[] | null | undefined;

// biome-ignore lint/suspicious/noExplicitAny: blocks of every kind, read as Slack's JSON and checked as read
type Block = Record<string, any>;

/**
 * Sends the app what Slack sends: signed slash commands, interactions and events, to
 * POST /slack/events. Tests, the benchmark and the sandbox all drive the bot through it.
 */
export class SlackDriver {
  readonly teamId = 'T0FAKE0001';

  private sent = 0;

  /** With several events URLs (instances of the app behind one Request URL), requests take turns. */
  constructor(private readonly options: { eventsUrl: string | string[]; signingSecret: string; fake: FakeSlack }) {}

  private nextEventsUrl(): string {
    const urls = this.options.eventsUrl;
    if (typeof urls === 'string') return urls;
    this.sent += 1;
    return urls[this.sent % urls.length];
  }

  sign(body: string, timestamp: number): string {
    return `v0=${createHmac('sha256', this.options.signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  }

  async send(body: string, contentType: string, options: SendOptions = {}): Promise<DriverResponse> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
    };
    const signature = options.signature === undefined ? this.sign(body, timestamp) : options.signature;
    if (signature !== null) headers['x-slack-signature'] = signature;
    if (options.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(options.retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    const response = await fetch(this.nextEventsUrl(), { method: 'POST', headers, body });
    const text = await response.text();
    let json: Record<string, unknown> | undefined;
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json };
  }

  /** A fresh trigger_id, remembered as this user's, as Slack ties a modal to whoever triggered it. */
  private trigger(userId: string): string {
    const id = `${Date.now()}.${randomUUID()}`;
    this.options.fake.state.triggerOwners.set(id, userId);
    return id;
  }

  commandBody(userId: string, command: string, text = '', channelId = 'C0SANDBOX1'): string {
    return new URLSearchParams({
      token: 'deprecated-verification-token',
      team_id: this.teamId,
      team_domain: 'fake',
      channel_id: channelId,
      channel_name: 'sandbox',
      user_id: userId,
      user_name: userId.toLowerCase(),
      command,
      text,
      api_app_id: 'A0FAKE0001',
      response_url: this.options.fake.responseUrl(userId),
      trigger_id: this.trigger(userId),
    }).toString();
  }

  command(userId: string, command: string, text = '', options: SendOptions = {}): Promise<DriverResponse> {
    return this.send(this.commandBody(userId, command, text), 'application/x-www-form-urlencoded', options);
  }

  interaction(payload: Record<string, unknown>, options: SendOptions = {}): Promise<DriverResponse> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.send(body, 'application/x-www-form-urlencoded', options);
  }

  /** The payload of a view_submission for the modal as the fake holds it, with typed values by block_id. */
  viewSubmissionPayload(
    userId: string,
    stored: StoredView,
    values: Record<string, InputValue>,
  ): Record<string, unknown> {
    const stateValues: Record<string, Record<string, unknown>> = {};
    for (const block of (stored.view.blocks as Block[]) ?? []) {
      if (block.type !== 'input') continue;
      const element = block.element as Block;
      stateValues[block.block_id] = { [element.action_id]: typedValue(element, values[block.block_id]) };
    }
    return {
      type: 'view_submission',
      team: { id: this.teamId, domain: 'fake' },
      user: { id: userId, team_id: this.teamId },
      api_app_id: 'A0FAKE0001',
      trigger_id: this.trigger(userId),
      view: { ...stored.view, id: stored.id, hash: stored.hash, team_id: this.teamId, state: { values: stateValues } },
    };
  }

  submitView(
    userId: string,
    stored: StoredView,
    values: Record<string, InputValue>,
    options: SendOptions = {},
  ): Promise<DriverResponse> {
    return this.interaction(this.viewSubmissionPayload(userId, stored, values), options);
  }

  /** What an external select offers as the user types in it: a block_suggestion, answered with options. */
  async suggestOptions(
    userId: string,
    o: { viewId: string; blockId: string; actionId: string; value: string },
  ): Promise<{ text: { text: string }; value: string }[]> {
    const answer = await this.interaction({
      type: 'block_suggestion',
      team: { id: this.teamId, domain: 'fake' },
      user: { id: userId, name: userId, team_id: this.teamId },
      api_app_id: 'A0FAKE0001',
      token: 'deprecated-verification-token',
      container: { type: 'view', view_id: o.viewId },
      block_id: o.blockId,
      action_id: o.actionId,
      value: o.value,
    });
    return (answer.json?.options ?? []) as { text: { text: string }; value: string }[];
  }

  /**
   * Clicks the button with this action_id on a message, as the user. `seen`: the button as a
   * client showed it before the message changed (Slack still sends that click).
   */
  clickButtonPayload(
    userId: string,
    message: StoredMessage,
    actionId: string,
    seen?: { value: string; blockId: string },
  ): Record<string, unknown> {
    const found = seen
      ? { blockId: seen.blockId, element: { value: seen.value } as Block }
      : findElement(message.blocks as Block[] | undefined, actionId);
    if (!found) throw new Error(`No button ${actionId} on message ${message.ts}`);
    return {
      type: 'block_actions',
      team: { id: this.teamId, domain: 'fake' },
      user: { id: userId, team_id: this.teamId },
      api_app_id: 'A0FAKE0001',
      trigger_id: this.trigger(userId),
      container: {
        type: 'message',
        message_ts: message.ts,
        channel_id: message.channel,
        is_ephemeral: Boolean(message.onlyFor),
      },
      channel: { id: message.channel },
      message: { ts: message.ts, text: message.text, blocks: message.blocks, thread_ts: message.threadTs },
      response_url: this.options.fake.responseUrl(userId),
      actions: [
        {
          type: 'button',
          action_id: actionId,
          block_id: found.blockId,
          value: found.element.value,
          action_ts: `${Date.now() / 1000}`,
        },
      ],
    };
  }

  clickButton(
    userId: string,
    message: StoredMessage,
    actionId: string,
    options: SendOptions = {},
  ): Promise<DriverResponse> {
    return this.interaction(this.clickButtonPayload(userId, message, actionId), options);
  }

  /** An Events API callback, e.g. { type: 'message', … } or { type: 'app_home_opened', … }. */
  eventBody(
    event: Record<string, unknown>,
    eventId = `Ev${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`,
  ): string {
    return JSON.stringify({
      token: 'deprecated-verification-token',
      team_id: this.teamId,
      api_app_id: 'A0FAKE0001',
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      event: { event_ts: `${Date.now() / 1000}`, ...event },
    });
  }

  event(event: Record<string, unknown>, options: SendOptions & { eventId?: string } = {}): Promise<DriverResponse> {
    return this.send(this.eventBody(event, options.eventId), 'application/json', options);
  }

  /** A person typing a reply in a thread. */
  replyInThread(
    userId: string,
    parent: StoredMessage,
    text: string,
    options: SendOptions & { eventId?: string } = {},
  ): Promise<DriverResponse> {
    const ts = this.options.fake.state.nextTs();
    this.options.fake.state.messages.push({ channel: parent.channel, ts, user: userId, text, threadTs: parent.ts });
    return this.event(
      {
        type: 'message',
        channel: parent.channel,
        channel_type: parent.channel.startsWith('D') ? 'im' : 'channel',
        user: userId,
        text,
        ts,
        thread_ts: parent.ts,
      },
      options,
    );
  }
}

function typedValue(element: Block, value: InputValue): Record<string, unknown> {
  const type = String(element.type);
  const empty = value === undefined || value === null || value === '';
  switch (type) {
    case 'static_select':
    case 'radio_buttons':
    case 'external_select': {
      const option = empty
        ? null
        : (optionsOf(element).find((o) => o.value === String(value)) ?? {
            value: String(value),
            text: { type: 'plain_text', text: String(value) },
          });
      return { type, selected_option: option };
    }
    case 'multi_static_select':
    case 'checkboxes': {
      const wanted = Array.isArray(value) ? value : empty ? [] : [String(value)];
      return { type, selected_options: ((element.options as Block[]) ?? []).filter((o) => wanted.includes(o.value)) };
    }
    case 'users_select':
      return { type, selected_user: empty ? null : String(value) };
    case 'datepicker':
      return { type, selected_date: empty ? null : String(value) };
    case 'timepicker':
      return { type, selected_time: empty ? null : String(value) };
    case 'datetimepicker':
      return { type, selected_date_time: empty ? null : Number(value) };
    default:
      return { type, value: empty ? null : String(value) };
  }
}

/** An element's options, plain or in option_groups, as Slack's view_submission resolves them. */
function optionsOf(element: Block): Block[] {
  const groups = ((element.option_groups as Block[]) ?? []).flatMap((g) => (g.options as Block[]) ?? []);
  return [...((element.options as Block[]) ?? []), ...groups];
}

function findElement(blocks: Block[] | undefined, actionId: string): { blockId: string; element: Block } | undefined {
  for (const block of blocks ?? []) {
    const elements: Block[] = block.type === 'actions' ? block.elements : block.accessory ? [block.accessory] : [];
    const element = elements.find((e) => e.action_id === actionId);
    if (element) return { blockId: block.block_id, element };
  }
  return undefined;
}
