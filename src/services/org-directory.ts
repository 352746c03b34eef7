import type { Db } from '../db/database.ts';
import { loadOrgChartData } from '../db/org-repo.ts';
import { OrgChart } from '../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../lib/app-error.ts';

/**
 * The org chart in force, read from the database and kept for a few seconds: another instance's
 * reload reaches this one within that time, and this one's at once.
 */
export class OrgDirectory {
  private cached?: { chart: OrgChart; at: number };

  constructor(
    private readonly db: Db,
    private readonly orgName: string | undefined,
    private readonly ttlMs = 5_000,
  ) {}

  async current(): Promise<OrgChart> {
    if (this.cached && Date.now() - this.cached.at < this.ttlMs) return this.cached.chart;
    const data = await loadOrgChartData(this.db, this.orgName);
    if (!data) throw new AppError(ErrorCode.Internal, {}, 'no organisation imported');
    this.cached = { chart: new OrgChart(data), at: Date.now() };
    return this.cached.chart;
  }

  invalidate(): void {
    this.cached = undefined;
  }
}
