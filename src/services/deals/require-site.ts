import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';

/** Units and deals are a property site's: on a brand, `/units` and `/deal` say so (as `/order` does on a site). */
export function requireSite(chart: OrgChart, key: 'deal.site_only' | 'units.site_only' = 'deal.site_only'): void {
  if (chart.template !== 'property-site') throw new AppError(ErrorCode.Forbidden, {}, 'site only', key);
}
