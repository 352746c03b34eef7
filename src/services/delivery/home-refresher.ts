import type { Db } from '../../db/unit-of-work.ts';
import { markHomeOpened, peopleWatchingHome } from '../../db/org/org-repo.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Logger } from '../../lib/logger.ts';
import { homeFor } from '../home/home-sections.ts';
import type { OrgDirectory } from '../org/org-directory.ts';
import type { SlackApi } from './ports.ts';

export interface HomeRefresherOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  directory: OrgDirectory;
  slack: SlackApi;
  /** Changes arriving within this window are shown with one publish. */
  debounceMs?: number;
  /** Someone who has not opened App Home for this long is no longer pushed to. */
  keepMs?: number;
}

/**
 * Keeps App Home current while people use it: whoever opened it in the last day is pushed a fresh
 * one when the bot tells them something (a registration to approve, an issue, a decision). When
 * they opened it is kept in the database, so any instance's deliveries push. Changes within
 * `debounceMs` make one publish; a fan-out to thousands who never look at App Home makes none.
 */
export class HomeRefresher {
  private readonly dirty = new Set<string>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(private readonly o: HomeRefresherOptions) {}

  /** Someone opened App Home (and was just shown a fresh one). */
  async opened(orgId: number, userId: string): Promise<void> {
    await markHomeOpened(this.o.db, orgId, userId, this.o.clock.now());
  }

  /** Something the bot told these people may have changed their Home. */
  changed(userIds: Iterable<string>): void {
    for (const id of userIds) this.dirty.add(id);
    if (this.dirty.size > 0 && !this.timer && !this.stopped)
      this.timer = setTimeout(() => this.flush(), this.o.debounceMs ?? 1_000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private flush(): void {
    this.timer = undefined;
    const users = [...this.dirty];
    this.dirty.clear();
    this.running = this.publishAll(users)
      .catch((error: unknown) => this.o.logger.warn({ err: error }, 'could not refresh App Home'))
      .finally(() => {
        this.running = undefined;
        if (this.dirty.size > 0) this.changed([]);
      });
  }

  private async publishAll(users: string[]): Promise<void> {
    const chart = await this.o.directory.current();
    const since = new Date(this.o.clock.now().getTime() - (this.o.keepMs ?? 86_400_000));
    for (const slackId of await peopleWatchingHome(this.o.db, chart.data.orgId, users, since)) {
      if (this.stopped) return;
      if (!chart.person(slackId)) continue;
      await this.o.slack.call('views.publish', {
        user_id: slackId,
        view: await homeFor({ db: this.o.db, clock: this.o.clock, chart, userId: slackId }),
      });
    }
  }
}

/** The people a queued message speaks to: a DM's user, or the members of a group DM. */
export function audienceOf(outboxChannel: string): string[] {
  if (outboxChannel.startsWith('mpim:')) return outboxChannel.slice('mpim:'.length).split(',');
  return /^[UW][A-Z0-9]+$/.test(outboxChannel) ? [outboxChannel] : [];
}
