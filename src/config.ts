import { z } from 'zod';

/** Environment the bot reads once at boot. One clear line per bad variable, never a stack trace. */
export const ConfigSchema = z
  .object({
    SLACK_BOT_TOKEN: z.string().regex(/^xoxb-\S+$/, 'must be a bot token starting with "xoxb-"').optional(),
    SLACK_SIGNING_SECRET: z.string().regex(/^\S{8,}$/, 'must be the signing secret from Basic Information (at least 8 characters, no spaces)').optional(),
    SLACK_APP_TOKEN: z.string().regex(/^xapp-\S+$/, 'must be an app-level token starting with "xapp-" (Socket Mode)').optional(),
    SLACK_API_URL: z.url({ message: 'must be a URL such as https://slack.com/api/' }).default('https://slack.com/api/'),
    PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^(file:.+|postgres(ql)?:\/\/.+)$/, 'must be file:<path> for SQLite or postgresql://… for PostgreSQL')
      .default('file:./data/bot.db'),
    ORG_FILE: z.string().min(1).default('fixtures/org-property-site.yml'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
  }));

export type Config = z.infer<typeof ConfigSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; lines: string[] };

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
  if (!slack.botToken && !slack.signingSecret && !slack.appToken) return { ok: false, lines: MISSING_CREDENTIALS };
  if (!slack.botToken) return { ok: false, lines: ['Config error (設定錯誤): SLACK_BOT_TOKEN is required (xoxb-…)'] };
  if (!slack.signingSecret && !slack.appToken) {
    return { ok: false, lines: ['Config error (設定錯誤): SLACK_SIGNING_SECRET is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)'] };
  }
  return { ok: true, config: parsed.data };
}
