import type { App } from '@slack/bolt';
import type { AppContext } from '../app-context.ts';
import { registerOrgCommand } from './commands/org-command.ts';
import { registerAppHomeOpened } from './events/app-home-opened.ts';

/** Every command, action, view and event the bot answers, registered in one place. */
export function registerListeners(app: App, ctx: AppContext): void {
  registerOrgCommand(app, ctx);
  registerAppHomeOpened(app, ctx);
}
