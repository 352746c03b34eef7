import { transaction, type Db } from '../../db/unit-of-work.ts';
import { firstTimeInTx } from '../../db/job-run-repo.ts';
import { feedbackSentTo, type Feedback } from '../../db/feedback/feedback-repo.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { previousPeriod } from '../../domain/schedule/schedule-rules.ts';
import { t, tFor } from '../../i18n/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDate } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { capBlocks, header } from '../../views/blocks.ts';
import { packLines } from '../../views/visits/visit-reports.ts';
import { localeOf } from '../org/locale-of.ts';

/**
 * 定期向銷售總監和策劃部反饋銷售信息: each week the feedback that reached the PM (property) or each
 * market manager (brand) goes as one digest to the sales director and the planning channel.
 */
export async function sendFeedbackDigests(o: { db: Db; clock: Clock; chart: OrgChart; at: Date }): Promise<number> {
  const { chart } = o;
  const { start, end } = previousPeriod('week', o.at, chart.data.timezone);
  const gatherers = chart.withRole(chart.template === 'property-site' ? 'project_manager' : 'market_manager');
  const directors = chart.withRole('sales_director').map((p) => p.slackId);
  const channel = chart.channel('planning') ?? chart.channel('ssg');
  const recipients = [...directors, ...(channel ? [channel] : [])];
  const now = o.clock.now();
  let sent = 0;
  for (const gatherer of gatherers) {
    const items = await feedbackSentTo(o.db, {
      orgId: chart.data.orgId,
      recipientId: gatherer.slackId,
      from: start,
      to: end,
      take: 500,
    });
    if (items.length === 0) continue;
    sent += await transaction(o.db, async (unit) => {
      // once per week and gatherer, even when a run is taken over or retried after a partial send
      const key = `${start.toISOString()}:${gatherer.slackId}`;
      if (!(await firstTimeInTx(unit, chart.data.orgId, 'feedback.weekly-digest', key, now))) return 0;
      for (const recipient of recipients) {
        const args = digestMessage(chart, recipient, { gatherer: gatherer.name, start, end, items });
        await enqueueMessage(unit, { method: 'chat.postMessage', channel: recipient, args }, now);
      }
      return recipients.length;
    });
  }
  return sent;
}

/** One gatherer's week of feedback, in the recipient's language (a channel: the organisation's). */
function digestMessage(
  chart: OrgChart,
  recipient: string,
  d: { gatherer: string; start: Date; end: Date; items: Feedback[] },
): Record<string, unknown> {
  const tz = chart.data.timezone;
  const locale = localeOf(chart, recipient.startsWith('U') ? recipient : '');
  const title = t(locale, 'feedback.digest.header', {
    scope: d.gatherer,
    from: formatDate(d.start, tz),
    to: formatDate(new Date(d.end.getTime() - 1), tz),
    count: d.items.length,
  });
  const lines = d.items.map((f) =>
    t(locale, 'feedback.digest.line', {
      type: tFor(locale, 'feedback.type', f.type),
      content: escapeMrkdwn(truncate(f.content.replace(/\s+/g, ' '), 200)),
      sender: escapeMrkdwn(chart.nameOf(f.senderId)),
      importance: f.importance === 'normal' ? '' : `｜${tFor(locale, 'feedback.importance', f.importance)}`,
    }),
  );
  const more = (count: number) => t(locale, 'issue.list.more', { count });
  return { text: title, blocks: capBlocks([header(title), ...packLines(lines, 45, more)]) };
}
