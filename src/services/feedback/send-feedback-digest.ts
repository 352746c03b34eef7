import { transaction, type Db } from '../../db/unit-of-work.ts';
import { firstTimeInTx } from '../../db/job-run-repo.ts';
import { feedbackSentTo } from '../../db/feedback/feedback-repo.ts';
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
  const tz = chart.data.timezone;
  const { start, end } = previousPeriod('week', o.at, tz);
  const gatherers = chart.withRole(chart.template === 'property-site' ? 'project_manager' : 'market_manager');
  const directors = chart.withRole('sales_director').map((p) => p.slackId);
  const channel = chart.channel('planning') ?? chart.channel('ssg');
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
    await transaction(o.db, async (unit) => {
      // once per week and gatherer, even when a run is taken over or retried after a partial send
      if (
        !(await firstTimeInTx(
          unit,
          chart.data.orgId,
          'feedback.weekly-digest',
          `${start.toISOString()}:${gatherer.slackId}`,
          now,
        ))
      )
        return;
      for (const recipient of [...directors, ...(channel ? [channel] : [])]) {
        const locale = localeOf(chart, recipient.startsWith('U') ? recipient : '');
        const title = t(locale, 'feedback.digest.header', {
          scope: gatherer.name,
          from: formatDate(start, tz),
          to: formatDate(new Date(end.getTime() - 1), tz),
          count: items.length,
        });
        const lines = items.map((f) =>
          t(locale, 'feedback.digest.line', {
            type: tFor(locale, 'feedback.type', f.type),
            content: escapeMrkdwn(truncate(f.content.replace(/\s+/g, ' '), 200)),
            sender: escapeMrkdwn(chart.nameOf(f.senderId)),
            importance: f.importance === 'normal' ? '' : `｜${tFor(locale, 'feedback.importance', f.importance)}`,
          }),
        );
        await enqueueMessage(
          unit,
          {
            method: 'chat.postMessage',
            channel: recipient,
            args: {
              text: title,
              blocks: capBlocks([
                header(title),
                ...packLines(lines, 45, (count) => t(locale, 'issue.list.more', { count })),
              ]),
            },
          },
          now,
        );
        sent += 1;
      }
    });
  }
  return sent;
}
