import { t, type MessageKey } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { header, section, type Block } from '../blocks.ts';
import { purposeName, type ReportContext } from './visit-reports.ts';

/** A brand's analysis: account visits, with no visitor fields, grades or deal stages. */
export interface BrandVisitAnalysis {
  from: Date;
  to: Date;
  total: number;
  byAccount: { account: string; count: number }[];
  byPurpose: { purpose: string; count: number }[];
  /** By the visit's approver, as the evening summary groups them. */
  byTeam: { leadId: string; count: number }[];
  byPerson: { personId: string; count: number }[];
}

/** The brand's weekly or monthly 拜訪分析 for a market manager. */
export function brandAnalysisMessage(a: BrandVisitAnalysis, c: ReportContext): { text: string; blocks: Block[] } {
  const to = new Date(a.to.getTime() - 1);
  const period = { from: formatDate(a.from, c.timeZone), to: formatDate(to, c.timeZone) };
  const title = t(c.locale, 'visit.analysis.header_brand', period);
  const item = (label: string, count: number) => t(c.locale, 'visit.analysis.item', { label, count });
  const join = (items: string[]) => (items.length > 0 ? items.join('　') : t(c.locale, 'visit.analysis.none'));
  const total = t(c.locale, 'visit.analysis.total_brand', { total: a.total });
  const part = (key: MessageKey, items: string[], id: string) => section(`${t(c.locale, key)}\n${join(items)}`, id);
  const name = (id: string) => escapeMrkdwn(c.nameOf(id));
  const byPerson = a.byPerson.slice(0, 60).map((g) => item(name(g.personId), g.count));
  const byAccount = a.byAccount.slice(0, 60).map((g) => item(escapeMrkdwn(truncate(g.account, 40)), g.count));
  const byPurpose = a.byPurpose.map((g) => item(purposeName(c, g.purpose), g.count));
  const byTeam = a.byTeam.slice(0, 30).map((g) => item(name(g.leadId), g.count));
  const blocks: Block[] = [
    header(title),
    section(total, 'total'),
    part('visit.analysis.by_person_brand', byPerson, 'by_person'),
    part('visit.analysis.by_account_brand', byAccount, 'by_account'),
    part('visit.analysis.by_purpose_brand', byPurpose, 'by_purpose'),
    part('visit.analysis.by_team_brand', byTeam, 'by_team'),
  ];
  return { text: `${title}\n${total}`, blocks };
}
