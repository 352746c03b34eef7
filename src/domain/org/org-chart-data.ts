import type {
  ExpenseSettings,
  MeetingOverride,
  PlanSettings,
  ScorecardSettings,
  TasksSettings,
} from './org-file-schema.ts';
import type { DealSettings } from '../deals/deal-settings.ts';
import type { OrderSettings } from '../orders/order-settings.ts';
import type { Role, Template } from './roles.ts';

// What an organisation's chart holds, as loaded from its org file (OrgChart answers the questions about it).

export interface OrgPerson {
  slackId: string;
  name: string;
  role: Role;
  /** Managers, the day-to-day one first. */
  reportsTo: string[];
  markets: string[];
  accounts: string[];
  duties: string[];
  area?: string | null;
  locale?: string | null;
}

export interface OrgMarket {
  code: string;
  name: string;
  owner: string;
}

export interface OrgChartData {
  orgId: number;
  /** Changes whenever the stored chart does (see OrgDirectory). */
  version?: number;
  name: string;
  template: Template;
  timezone: string;
  locale: string;
  /** '' or zh-Hant-TW: the regional words its Chinese readers get. */
  localeVariant?: string;
  channels: Record<string, string>;
  admins: string[];
  people: OrgPerson[];
  markets: OrgMarket[];
  /** The property site's deal settings from the org file (see domain/deals/deal-settings.ts). */
  deals?: DealSettings;
  /** Changes to the template's standing meetings, from the org file. */
  meetings?: Record<string, MeetingOverride>;
  /** The org file's tasks section: escalation days and onboarding lists per role. */
  tasks?: TasksSettings;
  /** The org file's plans section: who approves each kind of plan ({} or absent: the defaults). */
  plans?: PlanSettings;
  /** The org file's expense settings ({} or absent: the template's defaults). */
  expenses?: ExpenseSettings;
  /** The org file's scorecard settings ({} or absent: the defaults). */
  scorecard?: ScorecardSettings;
  /** A brand's order settings from the org file (see domain/orders/order-settings.ts). */
  orders?: OrderSettings;
  /** A brand's credit grades' labels, from the org file (A → 優良). */
  creditGrades?: Record<string, string>;
  /** Names of people no longer in the chart, so old records still show who they were. */
  formerNames?: Record<string, string>;
  /** The managers people no longer in the chart had, so their undecided items still have a chain. */
  formerReportsTo?: Record<string, string[]>;
}
