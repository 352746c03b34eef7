import { z } from 'zod';
import { DEFAULT_STAGE_LIMIT_DAYS, type OpenStage } from './domain/visits/deal-stages.ts';
import { parseDayList } from './domain/calendar/working-calendar.ts';
import { DEFAULT_ACK_HOURS, type Severity } from './domain/issues/issue-rules.ts';

/** Environment the bot reads once at boot. One clear line per bad variable, never a stack trace. */
export const ConfigSchema = z
  .object({
    SLACK_BOT_TOKEN: z
      .string()
      .regex(/^xoxb-\S+$/, 'must be a bot token starting with "xoxb-"')
      .optional(),
    SLACK_SIGNING_SECRET: z
      .string()
      .regex(/^\S{8,}$/, 'must be the signing secret from Basic Information (at least 8 characters, no spaces)')
      .optional(),
    SLACK_APP_TOKEN: z
      .string()
      .regex(/^xapp-\S+$/, 'must be an app-level token starting with "xapp-" (Socket Mode)')
      .optional(),
    SLACK_API_URL: z.url({ message: 'must be a URL such as https://slack.com/api/' }).default('https://slack.com/api/'),
    PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^(file:.+|postgres(ql)?:\/\/.+)$/, 'must be file:<path> for SQLite or postgresql://… for PostgreSQL')
      .default('file:./data/bot.db'),
    ORG_FILE: z.string().min(1).default('fixtures/org-property-site.yml'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    VISIT_PROTECTION_DAYS: z.coerce.number({ message: 'must be a number of days' }).int().min(0).max(365).default(30),
    VISIT_SUMMARY_TIME: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time such as 20:00')
      .default('20:00'),
    STAGE_LIMIT_DAYS: z
      .string()
      .regex(/^(\s*[a-z]+=\d+\s*)(,\s*[a-z]+=\d+\s*)*$/, 'must look like reserved=7,mortgage=30')
      .optional(),
    WORK_HOURS: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/, 'must look like 09:00-18:00')
      .default('09:00-18:00'),
    HOLIDAYS: z
      .string()
      .regex(/^(\d{4}-\d{2}-\d{2})?(,\s*\d{4}-\d{2}-\d{2})*$/, 'must be dates such as 2026-10-01,2026-10-02')
      .default(''),
    MAKEUP_WORKDAYS: z
      .string()
      .regex(/^(\d{4}-\d{2}-\d{2})?(,\s*\d{4}-\d{2}-\d{2})*$/, 'must be dates such as 2026-09-28')
      .default(''),
    ISSUE_ACK_HOURS: z
      .string()
      .regex(
        /^(urgent|high|normal|low)=\d+(,(urgent|high|normal|low)=\d+)*$/,
        'must look like urgent=2,high=8,normal=18,low=0',
      )
      .optional(),
    SLACK_API_TIMEOUT_SECONDS: z.coerce
      .number({ message: 'must be a number of seconds' })
      .min(0.1)
      .max(120)
      .default(10),
    OUTBOX_STALE_CLAIM_SECONDS: z.coerce
      .number({ message: 'must be a number of seconds' })
      .min(1)
      .max(3600)
      .default(60),
    JOB_CATCH_UP_HOURS: z.coerce
      .number({ message: 'must be a number of hours' })
      .min(0)
      .max(24 * 31)
      .default(36),
    JOB_LEASE_SECONDS: z.coerce.number({ message: 'must be a number of seconds' }).min(1).max(3600).default(300),
    JOB_MAX_ATTEMPTS: z.coerce.number({ message: 'must be a whole number' }).int().min(1).max(20).default(5),
  })
  .transform((env) => ({
    slack: {
      botToken: env.SLACK_BOT_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET,
      appToken: env.SLACK_APP_TOKEN,
      apiUrl: env.SLACK_API_URL.endsWith('/') ? env.SLACK_API_URL : `${env.SLACK_API_URL}/`,
    },
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    orgFile: env.ORG_FILE,
    logLevel: env.LOG_LEVEL,
    visits: {
      protectionDays: env.VISIT_PROTECTION_DAYS,
      summaryTime: env.VISIT_SUMMARY_TIME,
      stageLimitDays: parseStageLimits(env.STAGE_LIMIT_DAYS),
    },
    jobs: {
      catchUpHours: env.JOB_CATCH_UP_HOURS,
      leaseMs: env.JOB_LEASE_SECONDS * 1000,
      maxAttempts: env.JOB_MAX_ATTEMPTS,
    },
    // a claim must outlive the longest call, or a slow send would be taken for a dead one
    outbox: {
      apiTimeoutMs: env.SLACK_API_TIMEOUT_SECONDS * 1000,
      staleClaimMs: Math.max(env.OUTBOX_STALE_CLAIM_SECONDS * 1000, env.SLACK_API_TIMEOUT_SECONDS * 2000),
    },
    calendar: {
      dayStartMinute: minuteOf(env.WORK_HOURS.split('-')[0]),
      dayEndMinute: minuteOf(env.WORK_HOURS.split('-')[1]),
      holidays: parseDayList(env.HOLIDAYS),
      makeUpDays: parseDayList(env.MAKEUP_WORKDAYS),
    },
    issues: {
      ackHours: {
        ...DEFAULT_ACK_HOURS,
        ...Object.fromEntries(
          (env.ISSUE_ACK_HOURS ?? '')
            .split(',')
            .filter(Boolean)
            .map((pair) => [pair.split('=')[0], Number(pair.split('=')[1])]),
        ),
      } as Record<Severity, number>,
    },
  }));

const minuteOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** "reserved=7,mortgage=30" over the defaults; an unknown stage name is ignored by the schema check below. */
function parseStageLimits(value: string | undefined): Record<OpenStage, number> {
  const limits = { ...DEFAULT_STAGE_LIMIT_DAYS };
  for (const pair of (value ?? '').split(',').filter(Boolean)) {
    const [stage, days] = pair.split('=').map((part) => part.trim());
    if (stage in limits) limits[stage as OpenStage] = Number(days);
  }
  return limits;
}

export type Config = z.infer<typeof ConfigSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; lines: string[]; noCredentials?: boolean };

const MISSING_CREDENTIALS = [
  'No Slack credentials (未設定 Slack 憑證). Set:',
  '  SLACK_BOT_TOKEN=xoxb-…        (OAuth & Permissions → Bot User OAuth Token)',
  '  SLACK_SIGNING_SECRET=…        (Basic Information → Signing Secret)',
  '  SLACK_APP_TOKEN=xapp-…        (optional: Socket Mode instead of HTTP on PORT)',
  'See README.md, "Create the Slack app".',
];

/** Parses the environment. Empty strings count as unset, as shells often export them that way. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      return `Config error (設定錯誤): ${name} ${issue.message}`;
    });
    return { ok: false, lines };
  }
  const { slack } = parsed.data;
  if (!slack.botToken && !slack.signingSecret && !slack.appToken)
    return { ok: false, lines: MISSING_CREDENTIALS, noCredentials: true };
  if (!slack.botToken) return { ok: false, lines: ['Config error (設定錯誤): SLACK_BOT_TOKEN is required (xoxb-…)'] };
  if (!slack.signingSecret && !slack.appToken) {
    return {
      ok: false,
      lines: [
        'Config error (設定錯誤): SLACK_SIGNING_SECRET is required in HTTP mode (or set SLACK_APP_TOKEN for ' +
          'Socket Mode)',
      ],
    };
  }
  return { ok: true, config: parsed.data };
}
