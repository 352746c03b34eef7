import type { OrgChart, OrgPerson } from '../../domain/org/org-chart.ts';
import type { Locale } from '../../i18n/index.ts';
import { localeOf } from '../../services/org/locale-of.ts';
import type { AppContext } from '../app-context.ts';
import type { Step } from './steps.ts';

/** Who is asking, in the chart in force; listeners read it from context.asker. */
export interface Asker {
  userId: string;
  chart: OrgChart;
  /** Undefined for someone not in the chart. */
  person: OrgPerson | undefined;
  locale: Locale;
}

/** The context key of the chart version read when the request's signature was stored (request-guard.ts). */
export const CHART_VERSION_SEEN = 'chartVersionSeen';

export function identifyAsker(ctx: AppContext): Step {
  return async (args, next) => {
    const userId = userIdOf(args.body as SlackBody);
    if (userId) {
      const seen = args.context[CHART_VERSION_SEEN] as number | null | undefined;
      const chart = await ctx.directory.current(seen);
      const person = chart.person(userId);
      const locale = localeOf(chart, userId);
      args.context.asker = { userId, chart, person, locale } satisfies Asker;
    }
    await next();
  };
}

// biome-ignore lint/suspicious/noExplicitAny: Slack JSON of many shapes; each field read is checked
type SlackBody = Record<string, any>;

function userIdOf(body: SlackBody): string | undefined {
  return body.user_id ?? body.user?.id ?? body.event?.user ?? body.event?.user_id ?? undefined;
}
