import type { Db } from '../../db/unit-of-work.ts';
import {
  claimMessage,
  findDue,
  findStaleClaims,
  holdChannel,
  markFailed,
  markRetry,
  markSent,
  releaseClaim,
  takeChannelTurn,
  type OutboxMessage,
} from '../../db/delivery/outbox-repo.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Logger } from '../../lib/logger.ts';
import { OutboxDestinations } from './outbox-destinations.ts';
import { NO_ANSWER, SlackCallError, type ChartPainter, type SlackApi } from './ports.ts';
import { UPLOAD_METHOD, deliverUpload, type UploadArgs } from './upload-file.ts';

export interface OutboxSenderOptions {
  db: Db;
  slack: SlackApi;
  /** Draws the charts of file uploads (files.uploadV2) when they are delivered. */
  painter?: ChartPainter;
  clock: Clock;
  logger: Logger;
  pollMs?: number;
  batchSize?: number;
  /** How long transient failures (5xx, network) of one message are retried before it is marked failed. */
  giveUpAfterMs?: number;
  /** The longest wait between two tries of a failing message, or two probes of a refused token. */
  maxBackoffMs?: number;
  /** The first pause of all delivery when Slack refuses the token; doubled while it stays refused. */
  authPauseMs?: number;
  /** Slack's pacing: at most one post a second into one channel. */
  channelGapMs?: number;
  /** Channels served at once; messages within one channel keep their order. */
  concurrency?: number;
  /** A claim older than this was left by a crashed sender and is taken up again. */
  staleClaimMs?: number;
  /**
   * Told the outbox channel (a user, `mpim:U1,U2`, a channel) of each message delivered, or of the
   * message it updated or replied to.
   */
  onDelivered?: (outboxChannel: string) => void;
  /** Told that messages were marked failed, so the people concerned can be told. */
  onFailed?: () => void;
}

/** After these the post may or may not have reached Slack: no answer came back. */
const isUnanswered = (reason: string | null): boolean => reason?.startsWith(NO_ANSWER) ?? false;

const HOUR_MS = 3_600_000;

/**
 * Delivers the outbox: in order per channel, paced, honouring 429 Retry-After, retrying 5xx and
 * network errors with backoff until a deadline, pausing everything while Slack refuses the token, and
 * marking permanent errors failed with Slack's reason (onFailed is told, so people are).
 */
export class OutboxSender {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;
  private wakeRequested = false;
  private readonly channelFreeAt = new Map<string, number>();
  private lastStaleCheck = 0;
  /** While Slack refuses the token, nothing is tried before this (the injected clock's ms). */
  private pausedUntil = 0;
  private authPause = 0;
  private readonly o: Required<
    Omit<OutboxSenderOptions, 'db' | 'slack' | 'painter' | 'clock' | 'logger' | 'onDelivered' | 'onFailed'>
  >;

  private readonly destinations: OutboxDestinations;

  constructor(private readonly deps: OutboxSenderOptions) {
    this.destinations = new OutboxDestinations(deps.db, deps.slack);
    this.o = {
      pollMs: deps.pollMs ?? 250,
      batchSize: deps.batchSize ?? 50,
      giveUpAfterMs: deps.giveUpAfterMs ?? 24 * HOUR_MS,
      maxBackoffMs: deps.maxBackoffMs ?? 60_000,
      authPauseMs: deps.authPauseMs ?? 5_000,
      channelGapMs: deps.channelGapMs ?? 1_000,
      concurrency: deps.concurrency ?? 8,
      staleClaimMs: deps.staleClaimMs ?? 60_000,
    };
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /**
   * Something was queued: deliver soon rather than at the next poll. Under load many nudges fold
   * into one pass at most every NUDGE_GAP_MS, so delivery never crowds out intake.
   */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    if (this.timer && this.nextPassAt - Date.now() <= OutboxSender.NUDGE_GAP_MS) return;
    this.schedule(Math.max(0, this.lastPassAt + OutboxSender.NUDGE_GAP_MS - Date.now()));
  }

  private static readonly NUDGE_GAP_MS = 50;
  private lastPassAt = 0;
  private nextPassAt = 0;

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.nextPassAt = Date.now() + delayMs;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.lastPassAt = Date.now();
      this.running = this.deliverDue()
        .then(() => undefined)
        .catch((error: unknown) => this.deps.logger.error({ err: error }, 'outbox pass failed'))
        .finally(() => {
          this.running = undefined;
          if (this.stopped) return;
          const again = this.wakeRequested;
          this.wakeRequested = false;
          this.schedule(again ? OutboxSender.NUDGE_GAP_MS : this.o.pollMs);
        });
    }, delayMs);
  }

  /** The injected clock's time, for every decision; the timers above pace the loop in real time. */
  private now(): number {
    return this.deps.clock.now().getTime();
  }

  /** One pass over what is due. Returns how many messages were delivered. */
  async deliverDue(): Promise<number> {
    const { db } = this.deps;
    if (this.pausedUntil > this.now()) return 0;
    if (this.now() - this.lastStaleCheck > this.o.staleClaimMs / 2) {
      this.lastStaleCheck = this.now();
      await this.recoverStaleClaims();
    }
    const paused = [...this.channelFreeAt].filter(([, freeAt]) => freeAt > this.now()).map(([channel]) => channel);
    const due = await findDue(db, new Date(this.now()), this.o.batchSize, paused.slice(0, 500));
    const byChannel = new Map<string, OutboxMessage[]>();
    for (const message of due) {
      const list = byChannel.get(message.channel) ?? [];
      list.push(message);
      byChannel.set(message.channel, list);
    }
    const queues = [...byChannel.values()];
    let delivered = 0;
    const worker = async (): Promise<void> => {
      for (let queue = queues.shift(); queue; queue = queues.shift()) {
        for (const message of queue) {
          if (this.pausedUntil > this.now()) return; // the token was refused: everything waits
          const outcome = await this.deliverOne(message);
          if (outcome === 'sent') delivered += 1;
          if (outcome === 'blocked') break; // keep the channel's order: the rest wait too
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.o.concurrency, queues.length) }, worker));
    return delivered;
  }

  /**
   * A sender that died mid-delivery leaves messages claimed. Before posting one again, look in
   * the channel for it (every post carries its outbox id in Slack's message metadata): if Slack
   * has it, record it as sent; only otherwise queue it again. So a crash never posts twice.
   */
  private async recoverStaleClaims(): Promise<void> {
    const { db, clock, logger } = this.deps;
    for (const message of await findStaleClaims(db, new Date(clock.now().getTime() - this.o.staleClaimMs))) {
      try {
        const posted = await this.destinations.findPosted(message);
        if (posted) await markSent(db, message.id, posted, clock.now());
        else await releaseClaim(db, message.id, message.claimedAt);
      } catch (error) {
        logger.warn({ err: error, outboxId: message.id }, 'could not check a half-sent message; will try again');
      }
    }
  }

  private async deliverOne(message: OutboxMessage): Promise<'sent' | 'blocked' | 'skipped'> {
    const { db, slack, clock } = this.deps;
    const resolved = await this.destinations.resolve(message);
    if (resolved === 'wait') return 'blocked';
    if ('failed' in resolved) {
      await this.fail(message, resolved.failed);
      return 'skipped';
    }
    const paced = resolved.method === 'chat.postMessage';
    const now = this.now();
    if (paced && (this.channelFreeAt.get(message.channel) ?? 0) > now) return 'blocked';
    // the channel's turn is kept in the database, so instances sharing it pace together
    if (paced && !(await takeChannelTurn(db, message.channel, new Date(now), new Date(now + this.o.channelGapMs)))) {
      this.channelFreeAt.set(message.channel, now + Math.min(250, this.o.channelGapMs));
      return 'blocked';
    }
    if (!(await claimMessage(db, message.id, clock.now()))) return 'skipped';
    if (paced) this.channelFreeAt.set(message.channel, now + this.o.channelGapMs);
    try {
      // the last try got no answer: Slack may have posted it anyway, so look before posting again
      const unanswered = paced && message.attempts > 0 && isUnanswered(message.lastError);
      const posted = unanswered ? await this.destinations.findPosted(message) : null;
      if (!posted) {
        const channel = await this.destinations.channelFor(resolved.channel);
        const marker = paced
          ? { metadata: { event_type: 'sales_bot_outbox', event_payload: { outbox_id: message.id } } }
          : {};
        const sent =
          resolved.method === UPLOAD_METHOD
            ? await deliverUpload(slack, this.deps.painter, channel, resolved.args as unknown as UploadArgs)
            : await this.post(resolved.method, { ...resolved.args, ...marker, channel }, resolved.channel);
        await markSent(db, message.id, sent, clock.now());
      } else await markSent(db, message.id, posted, clock.now());
      this.authPause = 0;
      this.deps.onDelivered?.(resolved.audience);
      return 'sent';
    } catch (error) {
      return this.failed(message, error);
    }
  }

  private async post(method: string, args: Record<string, unknown>, fallbackChannel: string) {
    const result = await this.deps.slack.call(method, args);
    return { channel: String(result.channel ?? fallbackChannel), ts: String(result.ts ?? '') };
  }

  /** After a failed try: wait for the channel, pause for the token, try again later, or give up. */
  private async failed(message: OutboxMessage, error: unknown): Promise<'blocked' | 'skipped'> {
    const { db, logger } = this.deps;
    const failure =
      error instanceof SlackCallError
        ? error
        : new SlackCallError('transient', String((error as Error)?.message ?? error));
    const now = this.now();
    if (failure.kind === 'rate_limited') {
      const waitMs = failure.retryAfterMs ?? 1_000;
      this.channelFreeAt.set(message.channel, now + waitMs);
      await holdChannel(db, message.channel, new Date(now + waitMs));
      await markRetry(db, message.id, new Date(now + waitMs), failure.reason, false);
      return 'blocked';
    }
    if (failure.kind === 'auth') {
      // nothing can go out with this token: hold everything, and probe again later (the pause grows
      // once per probe, not once per post that was already in flight with it)
      if (this.pausedUntil <= now) {
        this.authPause = Math.min(this.o.maxBackoffMs, this.authPause ? this.authPause * 2 : this.o.authPauseMs);
        this.pausedUntil = now + this.authPause;
        const note = 'Slack refused the bot token: delivery paused until it works again';
        logger.error({ reason: failure.reason, retryInMs: this.authPause }, note);
      }
      await markRetry(db, message.id, new Date(this.pausedUntil), failure.reason, false);
      return 'blocked';
    }
    const since = message.failingSince?.getTime() ?? now;
    if (failure.kind === 'permanent' || now - since >= this.o.giveUpAfterMs) {
      await this.fail(message, failure.reason);
      return 'skipped';
    }
    const backoffMs = Math.min(this.o.maxBackoffMs, 500 * 2 ** Math.min(message.attempts, 20));
    await markRetry(db, message.id, new Date(now + backoffMs), failure.reason, true, new Date(now));
    return 'blocked';
  }

  private async fail(message: OutboxMessage, reason: string): Promise<void> {
    this.deps.logger.error({ outboxId: message.id, channel: message.channel, reason }, 'outbox message failed');
    await markFailed(this.deps.db, message.id, reason);
    this.deps.onFailed?.();
  }
}
