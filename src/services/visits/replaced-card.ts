import { registrationOfReplacedCard } from '../../db/visits/replaced-card-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { storedVisitKind } from '../../domain/visits/visit-kind.ts';
import { type Locale, t, tFor } from '../../i18n/index.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { VisitIds } from '../../views/ids.ts';
import { visitKey } from '../../views/visits/visit-terms.ts';

/**
 * What to tell someone who replied 通過 or 退回 under an earlier approval card of a registration (it was
 * returned and sent again, moved to another approver, or ruled on): the reply acts on nothing there, and
 * they are told which registration it was and where it stands. Undefined under any other message.
 */
export async function replacedCardNotice(o: {
  db: DbLike;
  chart: OrgChart;
  channel: string;
  threadTs: string;
  locale: Locale;
}): Promise<string | undefined> {
  const visit = await registrationOfReplacedCard(o.db, {
    orgId: o.chart.data.orgId,
    channel: o.channel,
    ts: o.threadTs,
    approveActionId: VisitIds.approve,
  });
  if (!visit) return undefined;
  return t(o.locale, visitKey(storedVisitKind(visit.kind), 'visit.thread.replaced'), {
    filer: escapeMrkdwn(o.chart.nameOf(visit.filerId)),
    id: visit.number,
    status: tFor(o.locale, 'visit.status', visit.status),
  });
}
