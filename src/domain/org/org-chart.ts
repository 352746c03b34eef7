import { isLeadershipRole, isSiteWideRole, isSsgRole, type Role, type Template } from './roles.ts';
import type { OrgChartData, OrgMarket, OrgPerson } from './org-chart-data.ts';
import { remembered } from '../../lib/remembered.ts';

export type { OrgChartData, OrgMarket, OrgPerson } from './org-chart-data.ts';

/** The active org chart and the questions every feature asks of it. Pure: no I/O. */
export class OrgChart {
  private readonly byId: Map<string, OrgPerson>;
  private readonly reportsById = new Map<string, string[]>();
  /**
   * Chains asked for, by person: a chart does not change once made (a reload makes a new one), and every
   * decision asks for the decider's chain, which walked the chart and allocated afresh each time.
   */
  private readonly levelsById = new Map<string, readonly (readonly string[])[]>();
  private readonly chainById = new Map<string, readonly string[]>();
  private readonly approversById = new Map<string, readonly string[]>();
  /** Everyone below a person, kept the same way: `/targets team` asked it for every row, every time. */
  private readonly reportsBelowById = new Map<string, readonly string[]>();
  private readonly subtreeById = new Map<string, readonly string[]>();

  constructor(readonly data: OrgChartData) {
    this.byId = new Map(data.people.map((p) => [p.slackId, p]));
    for (const person of data.people) {
      for (const managerId of person.reportsTo) {
        if (!this.byId.has(managerId)) continue;
        const list = this.reportsById.get(managerId) ?? [];
        list.push(person.slackId);
        this.reportsById.set(managerId, list);
      }
    }
  }

  get template(): Template {
    return this.data.template;
  }

  get people(): readonly OrgPerson[] {
    return this.data.people;
  }

  person(slackId: string): OrgPerson | undefined {
    return this.byId.get(slackId);
  }

  /** A display name even for someone who has left the chart. */
  nameOf(slackId: string): string {
    return this.byId.get(slackId)?.name ?? this.data.formerNames?.[slackId] ?? slackId;
  }

  /** Managers level by level up to the top: [[team lead], [PM], [marketing director, VP]]. */
  managerLevels(slackId: string): readonly (readonly string[])[] {
    return remembered(this.levelsById, slackId, () => this.walkManagerLevels(slackId));
  }

  private walkManagerLevels(slackId: string): string[][] {
    const levels: string[][] = [];
    const seen = new Set<string>([slackId]);
    let current = [slackId];
    while (current.length > 0) {
      const next: string[] = [];
      for (const id of current) {
        for (const managerId of this.activeManagersOf(id, seen)) {
          seen.add(managerId);
          next.push(managerId);
        }
      }
      if (next.length > 0) levels.push(next);
      current = next;
    }
    return levels;
  }

  /**
   * Someone's managers who are still in the chart. A manager who left is seen through: their own
   * former managers stand in. Someone who left keeps the chain they had, so their undecided
   * registrations can still be decided.
   */
  private activeManagersOf(slackId: string, seen: Set<string>): string[] {
    const found: string[] = [];
    const walk = (id: string): void => {
      for (const managerId of this.byId.get(id)?.reportsTo ?? this.data.formerReportsTo?.[id] ?? []) {
        if (seen.has(managerId) || found.includes(managerId)) continue;
        if (this.byId.has(managerId)) found.push(managerId);
        else if (this.data.formerReportsTo?.[managerId] && managerId !== slackId) {
          seen.add(managerId);
          walk(managerId);
        }
      }
    };
    walk(slackId);
    return found;
  }

  /** Every manager above, nearest first. */
  chainOf(slackId: string): readonly string[] {
    return remembered(this.chainById, slackId, () => this.managerLevels(slackId).flat());
  }

  directReports(slackId: string): string[] {
    return this.reportsById.get(slackId) ?? [];
  }

  /** Everyone below, direct and indirect. */
  allReports(slackId: string): readonly string[] {
    return remembered(this.reportsBelowById, slackId, () => this.walkReports(slackId));
  }

  /** A person and everyone below: the people whose figures make up theirs. */
  subtree(slackId: string): readonly string[] {
    return remembered(this.subtreeById, slackId, () => [slackId, ...this.allReports(slackId)]);
  }

  private walkReports(slackId: string): string[] {
    const result: string[] = [];
    const seen = new Set<string>([slackId]);
    const queue = [...this.directReports(slackId)];
    // an index, not shift(): shifting a queue of thousands is quadratic
    for (let next = 0; next < queue.length; next += 1) {
      const id = queue[next];
      if (seen.has(id)) continue;
      seen.add(id);
      result.push(id);
      queue.push(...this.directReports(id));
    }
    return result;
  }

  isAbove(managerId: string, subjectId: string): boolean {
    return this.chainOf(subjectId).includes(managerId);
  }

  /** The day-to-day approver: a salesperson's team lead, a rep's KAM, a team lead's PM. */
  primaryApprover(slackId: string): string | undefined {
    return this.activeManagersOf(slackId, new Set([slackId]))[0];
  }

  /**
   * Everyone who may approve for this person: their chain of managers, and on a property site the
   * deputy (副專), who acts for the project manager.
   */
  approversFor(slackId: string): readonly string[] {
    return remembered(this.approversById, slackId, () => this.findApprovers(slackId));
  }

  private findApprovers(slackId: string): string[] {
    const chain = this.chainOf(slackId);
    const acting: string[] = [];
    if (this.template === 'property-site') {
      for (const managerId of chain) {
        if (this.byId.get(managerId)?.role !== 'project_manager') continue;
        for (const reportId of this.directReports(managerId)) {
          if (this.byId.get(reportId)?.role === 'deputy_manager' && reportId !== slackId) acting.push(reportId);
        }
      }
    }
    return [...new Set([...chain, ...acting])];
  }

  mayApproveFor(approverId: string, subjectId: string): boolean {
    return approverId !== subjectId && this.approversFor(subjectId).includes(approverId);
  }

  market(code: string): OrgMarket | undefined {
    return this.data.markets.find((m) => m.code === code);
  }

  /** The market matching a code or a name (華東 or E). */
  findMarket(codeOrName: string): OrgMarket | undefined {
    const wanted = codeOrName.trim();
    return this.data.markets.find((m) => m.code === wanted.toUpperCase() || m.name === wanted);
  }

  /** Which SLT member owns a market. */
  marketOwner(code: string): string | undefined {
    return this.market(code)?.owner;
  }

  marketsOwnedBy(slackId: string): string[] {
    return this.data.markets.filter((m) => m.owner === slackId).map((m) => m.code);
  }

  /** A field person's markets: their own, or those of the nearest manager who has some. */
  marketsOf(slackId: string): string[] {
    const own = this.byId.get(slackId)?.markets ?? [];
    if (own.length > 0) return own;
    for (const managerId of this.chainOf(slackId)) {
      const theirs = this.byId.get(managerId)?.markets ?? [];
      if (theirs.length > 0 && !this.isSsg(managerId)) return theirs;
    }
    return [];
  }

  isLeadership(slackId: string): boolean {
    const person = this.byId.get(slackId);
    return person !== undefined && isLeadershipRole(this.template, person.role);
  }

  isAdmin(slackId: string): boolean {
    return this.data.admins.includes(slackId) && this.byId.has(slackId);
  }

  /** Leadership or the org file's admins: who may reload and resend, and who hears what failed for good. */
  mayAdminister(slackId: string): boolean {
    return this.isLeadership(slackId) || this.isAdmin(slackId);
  }

  administrators(): string[] {
    return this.people.filter((p) => this.mayAdminister(p.slackId)).map((p) => p.slackId);
  }

  isSiteWide(slackId: string): boolean {
    const person = this.byId.get(slackId);
    return person !== undefined && isSiteWideRole(this.template, person.role);
  }

  isSsg(slackId: string): boolean {
    const person = this.byId.get(slackId);
    return person !== undefined && isSsgRole(this.template, person.role);
  }

  /**
   * Whether the viewer may see the subject's records: themselves, anyone above them, leadership,
   * the site-wide office on a property site, the owner of the subject's market, and the SSG for the
   * markets it serves (all markets when it has none listed).
   */
  canSee(viewerId: string, subjectId: string): boolean {
    if (!this.byId.has(viewerId)) return false;
    if (viewerId === subjectId) return true;
    if (this.isLeadership(viewerId) || this.isSiteWide(viewerId)) return true;
    if (this.isAbove(viewerId, subjectId)) return true;
    const subjectMarkets = this.marketsOf(subjectId);
    if (subjectMarkets.some((code) => this.marketOwner(code) === viewerId)) return true;
    if (this.isSsg(viewerId)) {
      const served = this.byId.get(viewerId)?.markets ?? [];
      return served.length === 0 || subjectMarkets.some((code) => served.includes(code));
    }
    return false;
  }

  /** Everyone whose records the viewer may see, themselves included. */
  visibleTo(viewerId: string): string[] {
    return this.data.people.filter((p) => this.canSee(viewerId, p.slackId)).map((p) => p.slackId);
  }

  /** The first person holding a role, e.g. the site secretary. */
  firstWithRole(role: Role): OrgPerson | undefined {
    return this.data.people.find((p) => p.role === role);
  }

  withRole(role: Role): OrgPerson[] {
    return this.data.people.filter((p) => p.role === role);
  }

  channel(purpose: string): string | undefined {
    return this.data.channels[purpose];
  }
}
