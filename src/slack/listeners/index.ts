import type { ListenerRouter } from './listener-router.ts';
import type { AppContext } from '../app-context.ts';
import { registerCustomerActions } from './actions/customer-actions.ts';
import { registerVisitActions } from './actions/visit-actions.ts';
import { registerIssueActions } from './actions/issue-actions.ts';
import { registerIssueCommands } from './commands/issue-command.ts';
import { registerSalesCommand } from './commands/sales-command.ts';
import { registerFocus } from './commands/focus-command.ts';
import { registerTargetsCommand } from './commands/targets-command.ts';
import { registerTargetsSubmissions } from './views/targets-submissions.ts';
import { registerIssueSubmissions } from './views/issue-submissions.ts';
import { registerOrgCommand } from './commands/org-command.ts';
import { registerVisitCommand } from './commands/visit-command.ts';
import { registerAppHomeOpened } from './events/app-home-opened.ts';
import { registerThreadReplies } from './events/thread-reply.ts';
import { registerDmHelp } from './events/dm-help.ts';
import { registerReasonSubmissions } from './views/reason-submissions.ts';
import { registerUnknownActions } from './actions/unknown-action.ts';
import { registerVisitSubmissions } from './views/visit-submissions.ts';
import { registerUnitsCommand } from './commands/units-command.ts';
import { registerDealCommand } from './commands/deal-command.ts';
import { registerDealActions } from './actions/deal-actions.ts';
import { registerDealSubmissions } from './views/deal-submissions.ts';

/** Every command, action, view and event the bot answers, registered in one place. */
export function registerListeners(app: ListenerRouter, ctx: AppContext): void {
  registerOrgCommand(app, ctx);
  registerVisitCommand(app, ctx);
  registerVisitSubmissions(app, ctx);
  registerReasonSubmissions(app, ctx);
  registerVisitActions(app, ctx);
  registerCustomerActions(app, ctx);
  registerIssueCommands(app, ctx);
  registerIssueSubmissions(app, ctx);
  registerIssueActions(app, ctx);
  registerTargetsCommand(app, ctx);
  registerSalesCommand(app, ctx);
  registerTargetsSubmissions(app, ctx);
  registerFocus(app, ctx);
  registerUnitsCommand(app, ctx);
  registerDealCommand(app, ctx);
  registerDealActions(app, ctx);
  registerDealSubmissions(app, ctx);
  registerThreadReplies(app, ctx);
  registerDmHelp(app, ctx);
  registerAppHomeOpened(app, ctx);
  registerUnknownActions(app, ctx);
}
