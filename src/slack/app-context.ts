import type { Config } from '../config.ts';
import type { Db } from '../services/delivery/ports.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';
import type { HomeRefresher } from '../services/delivery/home-refresher.ts';
import type { OrgDirectory } from '../services/org/org-directory.ts';
import type { OutboxSender } from '../services/delivery/outbox-sender.ts';

/** What every listener may use; built once in the composition root. */
export interface AppContext {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  directory: OrgDirectory;
  outbox: Pick<OutboxSender, 'nudge'>;
  home: Pick<HomeRefresher, 'opened'>;
}
