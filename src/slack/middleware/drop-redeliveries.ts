import { claimDelivery } from '../../services/delivery/claim-delivery.ts';
import type { AppContext } from '../app-context.ts';
import type { Step } from './steps.ts';

/**
 * Slack retries events it thinks were lost (X-Slack-Retry-Num). The first delivery of an
 * event_id acts; a repeat is acknowledged and dropped.
 */
export function dropRedeliveries(ctx: AppContext): Step {
  return async (args, next) => {
    const body = args.body as Record<string, unknown>;
    const key = deliveryKey(body);
    if (key && !(await claimDelivery({ db: ctx.db, key, now: ctx.clock.now() }))) {
      ctx.logger.info({ key, retryNum: args.context.retryNum }, 'dropped a repeated delivery');
      if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
      return;
    }
    await next();
  };
}

/**
 * Only events need a key of their own: a re-submitted view is caught by the registration's unique
 * view id, and a repeated click by the state machines, so the hot path writes nothing extra.
 */
function deliveryKey(body: Record<string, unknown>): string | undefined {
  return typeof body.event_id === 'string' ? `event:${body.event_id}` : undefined;
}
