/** The roles of the two organisation templates of DOMAIN.md. */
export const PROPERTY_ROLES = [
  'marketing_director',
  'vp_business',
  'sales_director',
  'project_manager',
  'deputy_manager',
  'site_secretary',
  'team_lead',
  'salesperson',
  'trainee',
] as const;

export const BRAND_ROLES = [
  'general_manager',
  'sales_director',
  'deputy_sales_director',
  'ssg_leader',
  'customer_service_rep',
  'market_manager',
  'unit_manager',
  'key_account_manager',
  'sales_rep',
] as const;

export type Template = 'property-site' | 'brand-sales';
export type Role = (typeof PROPERTY_ROLES)[number] | (typeof BRAND_ROLES)[number];

export const ROLES_BY_TEMPLATE: Record<Template, readonly Role[]> = {
  'property-site': PROPERTY_ROLES,
  'brand-sales': BRAND_ROLES,
};

/** Leadership sees everything in its organisation and may reload the chart. */
const LEADERSHIP: Record<Template, readonly Role[]> = {
  'property-site': ['marketing_director', 'vp_business', 'sales_director', 'project_manager'],
  'brand-sales': ['general_manager', 'sales_director', 'deputy_sales_director'],
};

/** Roles that keep the whole site's files (匯總、客戶檔案) and so see every team's records. */
const SITE_WIDE: Record<Template, readonly Role[]> = {
  'property-site': ['deputy_manager', 'site_secretary'],
  'brand-sales': [],
};

const SSG: readonly Role[] = ['ssg_leader', 'customer_service_rep'];

export const isLeadershipRole = (template: Template, role: Role): boolean => LEADERSHIP[template].includes(role);
export const isSiteWideRole = (template: Template, role: Role): boolean => SITE_WIDE[template].includes(role);
export const isSsgRole = (template: Template, role: Role): boolean => template === 'brand-sales' && SSG.includes(role);
