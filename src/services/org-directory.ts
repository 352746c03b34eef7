import type { Db } from '../db/database.ts';
import { loadOrgChartData } from '../db/org-repo.ts';
import { OrgChart } from '../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../lib/app-error.ts';

/**
 * The org chart in force, read from the database. Changes made here (a reload, a language) are
 * seen at once; another instance's within a few seconds: a chart older than that is still served
 * while a fresh one is read in the background, so no request waits for a large chart to load.
 */
export class OrgDirectory {
  private cached?: { chart: OrgChart; at: number };
  private refreshing?: Promise<OrgChart>;

  constructor(
    private readonly db: Db,
    private readonly orgName: string | undefined,
    private readonly ttlMs = 5_000,
  ) {}

  async current(): Promise<OrgChart> {
    if (!this.cached) return this.refresh();
    if (Date.now() - this.cached.at >= this.ttlMs) void this.refresh().catch(() => undefined);
    return this.cached.chart;
  }

  private refresh(): Promise<OrgChart> {
    this.refreshing ??= loadOrgChartData(this.db, this.orgName)
      .then((data) => {
        if (!data) throw new AppError(ErrorCode.Internal, {}, 'no organisation imported');
        this.cached = { chart: new OrgChart(data), at: Date.now() };
        return this.cached.chart;
      })
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }

  /** Forget the chart: the next request reads it afresh (after a reload or a language change here). */
  invalidate(): void {
    this.cached = undefined;
  }
}
