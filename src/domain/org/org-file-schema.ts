import { z } from 'zod';
import { stripInvisible } from '../../lib/text.ts';
import { DealSettingsSchema } from '../deals/deal-settings.ts';
import { OrderSettingsSchema } from '../orders/order-settings.ts';

/** A name as shown to others: no bidi controls or zero-width characters (lib/text.ts). */
const VisibleName = z.string().transform(stripInvisible);

const SlackUserId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'not_a_user_id');
const SlackChannelId = z.string().regex(/^[CGD][A-Z0-9]{2,}$/, 'not_a_channel_id');

export const OrgPersonSchema = z.strictObject({
  slack: SlackUserId,
  name: VisibleName.pipe(z.string().trim().min(1).max(80)),
  role: z.string().min(1),
  reports_to: z.array(SlackUserId).optional(),
  markets: z.array(z.string().min(1)).optional(),
  duties: z.array(z.string().min(1)).optional(),
  area: z.string().min(1).optional(),
  accounts: z.array(z.string().min(1)).optional(),
});

export const OrgMarketSchema = z.strictObject({
  code: z.string().regex(/^[A-Z]{1,4}$/, 'market_code'),
  name: VisibleName.pipe(z.string().min(1)),
  owner: SlackUserId.optional(),
});

/**
 * Changes to one of the template's standing meetings (DOMAIN.md's table): another day or time,
 * other months, or none at all. Attendees and agenda stay the template's.
 */
export const MeetingOverrideSchema = z.strictObject({
  /** Day of the month, 1–28; a weekend or holiday moves it to the next working day. */
  day: z.number().int().min(1).max(28).optional(),
  /** Local time, HH:MM. */
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time')
    .optional(),
  /** Weekly meetings: 1 = Monday … 7 = Sunday. */
  weekday: z.number().int().min(1).max(7).optional(),
  /** Monthly meetings held only in these months (1–12). */
  months: z.array(z.number().int().min(1).max(12)).min(1).optional(),
  off: z.boolean().optional(),
});
export type MeetingOverride = z.infer<typeof MeetingOverrideSchema>;

/**
 * Tasks handed down the chain (/task): after how many working days past its due date a late task
 * is told to its assigner, and the onboarding training tasks a new person of a role gets.
 */
export const TasksSettingsSchema = z.strictObject({
  escalate_after_days: z.number().int().min(1).max(30).optional(),
  /** Role → the titles of its onboarding training tasks (上崗培訓), in order. */
  onboarding: z.record(z.string(), z.array(z.string().trim().min(1).max(150)).max(30)).optional(),
  /** Working days a new person has to finish each onboarding task. */
  onboarding_days: z.number().int().min(1).max(60).optional(),
});
export type TasksSettings = z.infer<typeof TasksSettingsSchema>;

/**
 * Plans as documents (計劃書): per kind, who approves it, each a role (anyone holding it approves for it)
 * or a Slack id (a named person, e.g. 策劃部's head). Every one named must approve the same version.
 */
const PlanApprovers = z.array(z.string().trim().min(1).max(40)).min(1).max(8).optional();
export const PlanSettingsSchema = z.strictObject({
  stage: PlanApprovers,
  project: PlanApprovers,
  annual: PlanApprovers,
  quarterly: PlanApprovers,
});
export type PlanSettings = z.infer<typeof PlanSettingsSchema>;

/**
 * The expense budget and claims (銷售費用): the categories budgets and claims use, who approves a
 * claim by amount (in 元, ascending; the last level has no bound), and which roles mark claims paid.
 * Every part is optional: the template's defaults fill in (domain/expenses/expense-rules.ts).
 */
export const ExpenseSettingsSchema = z.strictObject({
  categories: z
    .array(VisibleName.pipe(z.string().trim().min(1).max(20)))
    .min(1)
    .max(30)
    .optional(),
  approval: z
    .array(
      z.strictObject({ up_to: z.number().int().positive().max(1_000_000_000).optional(), role: z.string().min(1) }),
    )
    .min(1)
    .max(6)
    .optional(),
  payers: z.array(z.string().min(1)).min(1).optional(),
});
export type ExpenseSettings = z.infer<typeof ExpenseSettingsSchema>;

/** The monthly scorecard (考評): how much each figure weighs in the overall score (0 leaves it out). */
export const ScorecardSettingsSchema = z.strictObject({
  weights: z
    .strictObject({
      sales: z.number().min(0).max(100).optional(),
      expense: z.number().min(0).max(100).optional(),
      visits: z.number().min(0).max(100).optional(),
      share: z.number().min(0).max(100).optional(),
      reservations: z.number().min(0).max(100).optional(),
      contracts: z.number().min(0).max(100).optional(),
      collections: z.number().min(0).max(100).optional(),
      arrears: z.number().min(0).max(100).optional(),
    })
    .optional(),
});
export type ScorecardSettings = z.infer<typeof ScorecardSettingsSchema>;

/** The import format of ORG_FILE, as in shared/fixtures. */
export const OrgFileSchema = z.strictObject({
  organisation: z.strictObject({
    /** The stable identity; the name is only a label. Optional: without it the bot's one organisation is meant. */
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'org_id')
      .optional(),
    name: VisibleName.pipe(z.string().trim().min(1)),
    template: z.enum(['property-site', 'brand-sales']),
    timezone: z.string().min(1),
    locale: z.enum(['zh-Hant', 'en']).default('zh-Hant'),
    /** Taiwan's words (資訊, 網路, 佔有率) instead of the seed's, for those reading Chinese. */
    locale_variant: z.enum(['zh-Hant-TW']).optional(),
  }),
  channels: z.record(z.string(), SlackChannelId).default({}),
  markets: z.array(OrgMarketSchema).default([]),
  /** Slack ids who may run /org reload besides leadership. */
  admins: z.array(SlackUserId).default([]),
  /** Optional changes to the standing meetings, by meeting id (slt, osb, ssg, site, …). */
  meetings: z.record(z.string(), MeetingOverrideSchema).default({}),
  /** Optional: task escalation and onboarding lists per role. */
  tasks: TasksSettingsSchema.default({}),
  /** Optional: who approves each kind of plan (階段、項目、年度、季度). */
  plans: PlanSettingsSchema.default({}),
  /** Optional expense settings: categories, approval thresholds, who marks claims paid. */
  expenses: ExpenseSettingsSchema.default({}),
  /** Optional scorecard settings: the weight of each figure (sales, expense, visits, share, a site's deals…). */
  scorecard: ScorecardSettingsSchema.default({}),
  /** A property site's units file (CSV or XLSX), relative to the org file. */
  units: z
    .string()
    .regex(/\.(csv|xlsx)$/i, 'units_file')
    .optional(),
  /** A property site's deal settings (currency, sign-by days, discount authority per role). */
  deals: DealSettingsSchema.optional(),
  people: z.array(OrgPersonSchema).min(1),
  /**
   * A brand's order settings: the price floor per role (percent of list), the director threshold, and
   * where 銷售額 actuals come from (`sales_from: invoices | shipments`).
   */
  orders: OrderSettingsSchema.optional(),
  /** A brand's product catalogue (SKU, name, unit, pack size, list price, active), beside the org file. */
  products: z
    .string()
    .regex(/^[^\0]{1,200}\.(csv|xlsx)$/i, 'products_file')
    .optional(),
  /** A brand's credit grades' labels (客戶信用等級): `{ A: 優良, B: 良好, C: 一般, D: 風險 }`. */
  credit_grades: z.record(z.enum(['A', 'B', 'C', 'D']), z.string().trim().min(1).max(20)).optional(),
  /** A brand's account register to import with the chart: a CSV or XLSX beside the org file (ERP export). */
  accounts: z
    .string()
    .regex(/^[^\0]{1,200}\.(csv|xlsx)$/i, 'accounts_file')
    .optional(),
});

export type OrgFile = z.infer<typeof OrgFileSchema>;
export type OrgPersonEntry = z.infer<typeof OrgPersonSchema>;
