import type { Db } from '../../db/unit-of-work.ts';
import { chartVersionOf, loadOrgChartData } from '../../db/org/org-repo.ts';
import { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';

/**
 * The org chart in force, read from the database. Every request compares the chart's version (one
 * primary-key lookup), so a change made by any instance (a reload, someone's language) is seen by
 * all of them at once, and the chart itself is read again only when it changed.
 */
export class OrgDirectory {
  private cached?: { chart: OrgChart; version: number | null };
  private refreshing?: Promise<OrgChart>;

  constructor(
    private readonly db: Db,
    /** By id, not name: a renamed organisation is still the same one. */
    private readonly orgId: number | undefined,
  ) {}

  /**
   * `seenVersion`: the version already read for this request, after it arrived (with its signature,
   * see remember-signature.ts), which spares the read here; a chart of another organisation is never
   * taken for this one, since the read names the organisation cached.
   */
  async current(seenVersion?: number | null): Promise<OrgChart> {
    if (!this.cached) return this.refresh();
    const version =
      seenVersion !== undefined ? seenVersion : await chartVersionOf(this.db, this.cached.chart.data.orgId);
    if (version !== this.cached.version) return this.refresh();
    return this.cached.chart;
  }

  /** The organisation of the chart in force, once read: whose version a request's first statement reads along. */
  knownOrgId(): number | undefined {
    return this.cached?.chart.data.orgId;
  }

  /** The chart last read, without asking the database (which may be away): for answering in the asker's language. */
  lastKnown(): OrgChart | undefined {
    return this.cached?.chart;
  }

  private refresh(): Promise<OrgChart> {
    // the version is read with the organisation, before its people: a change landing in between
    // leaves the version behind, and the next request reads the chart again
    this.refreshing ??= loadOrgChartData(this.db, this.orgId)
      .then((data) => {
        if (!data) throw new AppError(ErrorCode.Internal, {}, 'no organisation imported');
        this.cached = { chart: new OrgChart(data), version: data.version ?? null };
        return this.cached.chart;
      })
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }
}
