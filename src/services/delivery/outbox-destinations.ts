import { findDelivery, type OutboxMessage } from '../../db/delivery/outbox-repo.ts';
import type { Db } from '../../db/unit-of-work.ts';
import { SlackCallError, type SlackApi } from './ports.ts';

/** The reason of a reply or update whose parent never reached Slack. */
export const PARENT_NOT_DELIVERED = 'parent_not_delivered';

/** Where a queued message goes: its method, Slack channel and arguments; or wait for its parent; or fail. */
export type Resolved =
  | { method: string; channel: string; args: Record<string, unknown>; audience: string }
  | 'wait'
  | { failed: string };

/**
 * Where the outbox's messages go in Slack: a reply or an update follows its parent, a group DM is
 * opened on first use, and a post that may already be in Slack is looked for by its outbox id.
 */
export class OutboxDestinations {
  private readonly groupChannels = new Map<string, string>();

  constructor(
    private readonly db: Db,
    private readonly slack: SlackApi,
  ) {}

  /** Where Slack already has this post (found by the outbox id in its metadata), or null. */
  async findPosted(message: OutboxMessage): Promise<{ channel: string; ts: string } | null> {
    const resolved = await this.resolve(message);
    if (resolved === 'wait' || 'failed' in resolved || resolved.method !== 'chat.postMessage') return null;
    const channel = await this.channelFor(resolved.channel);
    const history = resolved.args.thread_ts
      ? await this.slack.call('conversations.replies', {
          channel,
          ts: resolved.args.thread_ts,
          limit: 200,
          include_all_metadata: true,
        })
      : await this.slack.call('conversations.history', { channel, limit: 100, include_all_metadata: true });
    const posted = (
      (history.messages as { ts: string; metadata?: { event_payload?: { outbox_id?: number } } }[]) ?? []
    ).find((m) => m.metadata?.event_payload?.outbox_id === message.id);
    return posted ? { channel, ts: posted.ts } : null;
  }

  /** "mpim:U1,U2" is a group DM of those people with the bot, opened on first use. */
  async channelFor(channel: string): Promise<string> {
    if (!channel.startsWith('mpim:')) return channel;
    const known = this.groupChannels.get(channel);
    if (known) return known;
    const opened = await this.slack.call('conversations.open', { users: channel.slice('mpim:'.length) });
    const id = String((opened.channel as { id?: string } | undefined)?.id ?? '');
    if (!id) throw new SlackCallError('permanent', 'conversations.open returned no channel');
    this.groupChannels.set(channel, id);
    return id;
  }

  async resolve(message: OutboxMessage): Promise<Resolved> {
    const args = JSON.parse(message.payload) as Record<string, unknown>;
    const parentId = message.threadOfId ?? message.updateOfId;
    if (!parentId) return { method: message.method, channel: message.channel, args, audience: message.channel };
    const parent = await findDelivery(this.db, parentId);
    if (!parent || parent.status === 'failed') return { failed: `${PARENT_NOT_DELIVERED}: ${parentId}` };
    if (parent.status !== 'sent' || !parent.sentTs || !parent.sentChannel) return 'wait';
    if (message.threadOfId)
      return {
        method: message.method,
        channel: parent.sentChannel,
        args: { ...args, thread_ts: parent.sentTs },
        audience: parent.channel,
      };
    return {
      method: 'chat.update',
      channel: parent.sentChannel,
      args: { ...args, ts: parent.sentTs },
      audience: parent.channel,
    };
  }
}
