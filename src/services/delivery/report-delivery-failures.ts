import { transaction, type Unit, type Db } from '../../db/unit-of-work.ts';
import {
  findUnreportedFailures,
  markFailureReported,
  type FailedDelivery,
} from '../../db/delivery/outbox-failure-repo.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { keyFor, t, type Locale, tFor } from '../../i18n/index.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Logger } from '../../lib/logger.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { localeOf } from '../org/locale-of.ts';
import type { OrgDirectory } from '../org/org-directory.ts';
import { PARENT_NOT_DELIVERED } from './outbox-destinations.ts';
import { NO_ANSWER } from './ports.ts';

export interface ReportDeliveryFailuresOptions {
  db: Db;
  clock: Clock;
  chart: OrgChart;
}

const BATCH = 100;
const LINES_PER_ADMIN_NOTICE = 20;
/** Slack's reasons the catalogue explains in words; any other is shown as Slack's code. */
const KNOWN_REASONS = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'user_not_found',
  'invalid_blocks',
]);
const UNREACHABLE = /^(http_5|internal_error|fatal_error|service_unavailable|request_timeout)/;
/** The notices themselves: one that fails is not reported again, or a broken DM would loop. */
const NOTICE = { kind: 'notice', ref: '' };

/**
 * Tells the people concerned of messages the outbox gave up on: the person who caused each (its
 * origin) and the admins (leadership and the org file's `admins:`), once per failure, even across
 * instances and restarts. A reply or update failing because its parent did is not told again.
 */
export async function reportDeliveryFailures(o: ReportDeliveryFailuresOptions): Promise<number> {
  let told = 0;
  for (;;) {
    const failures = await findUnreportedFailures(o.db, BATCH);
    if (failures.length > 0) told += await transaction(o.db, (unit) => tellAbout(unit, o, failures));
    if (failures.length < BATCH) break;
  }
  return told;
}

async function tellAbout(unit: Unit, o: ReportDeliveryFailuresOptions, failures: FailedDelivery[]): Promise<number> {
  const { chart } = o;
  const now = o.clock.now();
  const worth: FailedDelivery[] = [];
  for (const failure of failures) {
    if (!(await markFailureReported(unit, failure.id, now))) continue; // another instance told them
    if (failure.origin?.kind === NOTICE.kind || failure.lastError?.startsWith(PARENT_NOT_DELIVERED)) continue;
    worth.push(failure);
  }
  for (const failure of worth) {
    const by = failure.origin?.by;
    if (!by || !chart.person(by)) continue;
    const locale = localeOf(chart, by);
    const text = t(locale, 'delivery.failed.sender', describe(chart, locale, failure));
    await enqueueMessage(unit, { method: 'chat.postMessage', channel: by, args: { text }, origin: NOTICE }, now);
  }
  if (worth.length === 0) return 0;
  for (const admin of chart.administrators()) {
    const locale = localeOf(chart, admin);
    const lines = worth.slice(0, LINES_PER_ADMIN_NOTICE).map((failure) => {
      const parts = describe(chart, locale, failure);
      const by = failure.origin?.by;
      if (!by) return t(locale, 'delivery.failed.line', parts);
      return t(locale, 'delivery.failed.line_by', { ...parts, by: escapeMrkdwn(chart.nameOf(by)) });
    });
    const more = worth.length - LINES_PER_ADMIN_NOTICE;
    if (more > 0) lines.push(t(locale, 'delivery.failed.more', { count: more }));
    const text = t(locale, 'delivery.failed.admins', { count: worth.length, lines: lines.join('\n') });
    await enqueueMessage(unit, { method: 'chat.postMessage', channel: admin, args: { text }, origin: NOTICE }, now);
  }
  return worth.length;
}

/** The item, who it was for, and why it failed, in the reader's words. */
function describe(
  chart: OrgChart,
  locale: Locale,
  failure: FailedDelivery,
): Record<'item' | 'recipient' | 'reason', string> {
  const kind = failure.origin?.kind ?? 'message';
  const itemKey = keyFor('delivery.item', ['visit', 'issue', 'feedback'].includes(kind) ? kind : 'message');
  return {
    item: t(locale, itemKey ?? 'delivery.item.message', { ref: failure.origin?.ref ?? '' }),
    recipient: recipientOf(chart, failure.channel, failure.origin?.by),
    reason: reasonText(locale, failure.lastError ?? ''),
  };
}

/** A person by name; a group DM by the names of the others in it; a channel as a link. */
function recipientOf(chart: OrgChart, channel: string, by: string | undefined): string {
  if (channel.startsWith('mpim:')) {
    const members = channel.slice('mpim:'.length).split(',');
    const others = members.filter((id) => id !== by);
    return escapeMrkdwn((others.length > 0 ? others : members).map((id) => chart.nameOf(id)).join('、'));
  }
  if (/^[UW]/.test(channel)) return escapeMrkdwn(chart.nameOf(channel));
  return `<#${channel}>`;
}

function reasonText(locale: Locale, reason: string): string {
  if (KNOWN_REASONS.has(reason)) return tFor(locale, 'delivery.reason', reason);
  if (UNREACHABLE.test(reason) || reason.startsWith(NO_ANSWER)) return t(locale, 'delivery.reason.unreachable');
  return t(locale, 'delivery.reason.other', { code: reason });
}

export interface FailureReporterOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  directory: Pick<OrgDirectory, 'current'>;
  /** Told when notices were queued, so they go out soon. */
  queued: () => void;
}

/**
 * reportDeliveryFailures, run when asked; asks during a run fold into one more run after it.
 * A failure of the report itself is logged: what was not told stays unreported for the next run.
 */
export function failureReporter(o: FailureReporterOptions): { report(): Promise<void>; idle(): Promise<void> } {
  let running: Promise<void> | undefined;
  let again = false;
  const run = async (): Promise<void> => {
    do {
      again = false;
      try {
        const chart = await o.directory.current();
        if ((await reportDeliveryFailures({ db: o.db, clock: o.clock, chart })) > 0) o.queued();
      } catch (error) {
        o.logger.error({ err: error }, 'could not tell of failed deliveries; will try at the next failure or start');
      }
    } while (again);
  };
  return {
    report() {
      if (running) {
        again = true;
        return running;
      }
      running = run().finally(() => (running = undefined));
      return running;
    },
    async idle() {
      await running;
    },
  };
}
