import { z } from 'zod';

const SlackUserId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'not_a_user_id');
const SlackChannelId = z.string().regex(/^[CGD][A-Z0-9]{2,}$/, 'not_a_channel_id');

export const OrgPersonSchema = z.strictObject({
  slack: SlackUserId,
  name: z.string().trim().min(1).max(80),
  role: z.string().min(1),
  reports_to: z.array(SlackUserId).optional(),
  markets: z.array(z.string().min(1)).optional(),
  duties: z.array(z.string().min(1)).optional(),
  area: z.string().min(1).optional(),
  accounts: z.array(z.string().min(1)).optional(),
});

export const OrgMarketSchema = z.strictObject({
  code: z.string().regex(/^[A-Z]{1,4}$/, 'market_code'),
  name: z.string().min(1),
  owner: SlackUserId.optional(),
});

/** The import format of ORG_FILE, as in shared/fixtures. */
export const OrgFileSchema = z.strictObject({
  organisation: z.strictObject({
    name: z.string().trim().min(1),
    template: z.enum(['property-site', 'brand-sales']),
    timezone: z.string().min(1),
    locale: z.enum(['zh-Hant', 'en']).default('zh-Hant'),
  }),
  channels: z.record(z.string(), SlackChannelId).default({}),
  markets: z.array(OrgMarketSchema).default([]),
  /** Slack ids who may run /org reload besides leadership. */
  admins: z.array(SlackUserId).default([]),
  people: z.array(OrgPersonSchema).min(1),
});

export type OrgFile = z.infer<typeof OrgFileSchema>;
export type OrgPersonEntry = z.infer<typeof OrgPersonSchema>;
