import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { claimIntakeKey } from '../../db/intake-repo.ts';
import type { AppContext } from '../app-context.ts';

/**
 * Slack retries events it thinks were lost, and a proxy may replay an interaction. The first
 * delivery of an event_id or a trigger_id acts; a repeat is acknowledged and dropped.
 * (A double click is two deliveries; the state machines make those act once.)
 */
export function dropRedeliveries(ctx: AppContext): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as Record<string, unknown>;
    const key = deliveryKey(body);
    if (key && !(await claimIntakeKey(ctx.db, key, ctx.clock.now()))) {
      ctx.logger.info({ key, retryNum: args.context.retryNum }, 'dropped a repeated delivery');
      if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
      return;
    }
    await args.next();
  };
}

function deliveryKey(body: Record<string, unknown>): string | undefined {
  if (typeof body.event_id === 'string') return `event:${body.event_id}`;
  const type = body.type;
  if ((type === 'view_submission' || type === 'block_actions') && typeof body.trigger_id === 'string') return `${type}:${body.trigger_id}`;
  return undefined;
}
