import type { ListenerRouter } from '../listener-router.ts';
import type { AppContext } from '../../app-context.ts';
import { homeFor } from '../../../services/home/home-sections.ts';
import { askerOf } from '../asker-of.ts';

/** Refreshes a person's App Home whenever they open it; from then on changes are pushed (HomeRefresher). */
export function registerAppHomeOpened(app: ListenerRouter, ctx: AppContext): void {
  app.event('app_home_opened', async ({ event, client, context }) => {
    if (event.tab !== 'home') return;
    const asker = askerOf(context);
    const view = await homeFor({ db: ctx.db, clock: ctx.clock, chart: asker.chart, userId: event.user });
    await client.views.publish({ user_id: event.user, view });
    if (asker.person) await ctx.home.opened(asker.chart.data.orgId, event.user);
  });
}
