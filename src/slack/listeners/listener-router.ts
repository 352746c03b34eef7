import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackOptionsMiddlewareArgs,
  SlackViewMiddlewareArgs,
} from '@slack/bolt';

type CommandListener = (args: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => Promise<void>;
type ViewListener = (args: SlackViewMiddlewareArgs & AllMiddlewareArgs) => Promise<void>;
type ActionListener = (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => Promise<void>;
type OptionsListener = (args: SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs) => Promise<void>;
type EventListener<E extends string> = (args: SlackEventMiddlewareArgs<E> & AllMiddlewareArgs) => Promise<void>;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const exactly = (keys: Iterable<string>) => new RegExp(`^(${[...keys].map(escapeRegExp).join('|')})$`);

/** The listener registered for a key that the router's pattern matched, so it is there. */
function listenerOf<L>(map: Map<string, L>, key: string): L {
  const listener = map.get(key);
  if (!listener) throw new Error(`no listener for ${key}`);
  return listener;
}

/**
 * Collects the listeners, then gives Bolt one listener per kind that looks the right one up.
 * Bolt runs every registered listener's filters on every request: with thirty-odd listeners that
 * was a tenth of the bot's CPU under load. Listener files still register one command or callback each.
 */
export class ListenerRouter {
  private readonly commands = new Map<string, CommandListener>();
  private readonly views = new Map<string, ViewListener>();
  private readonly actions = new Map<string, ActionListener>();
  private readonly suggestions = new Map<string, OptionsListener>();
  private readonly events: ((app: App) => void)[] = [];
  private unknownAction?: ActionListener;
  private unknownView?: ViewListener;

  command(name: string, listener: CommandListener): void {
    this.add(this.commands, name, listener);
  }

  view(callbackId: string, listener: ViewListener): void {
    this.add(this.views, callbackId, listener);
  }

  action(actionId: string, listener: ActionListener): void {
    this.add(this.actions, actionId, listener);
  }

  /** The options of an external select (a `block_suggestion` request), by the select's action_id. */
  options(actionId: string, listener: OptionsListener): void {
    this.add(this.suggestions, actionId, listener);
  }

  /**
   * Answers a click on a button no listener knows (a card from an earlier version), instead of leaving it
   * unacknowledged.
   */
  otherAction(listener: ActionListener): void {
    this.unknownAction = listener;
  }

  /** Answers the submission of a modal no listener knows (opened by an earlier version). */
  otherView(listener: ViewListener): void {
    this.unknownView = listener;
  }

  event<E extends string>(type: E, listener: EventListener<E>): void {
    this.events.push((app) => app.event(type, listener));
  }

  attachTo(app: App): void {
    if (this.commands.size > 0)
      app.command(exactly(this.commands.keys()), (args) => listenerOf(this.commands, args.command.command)(args));
    if (this.unknownView) {
      const other = this.unknownView;
      app.view({ type: 'view_submission' }, (args) => (this.views.get(args.view.callback_id) ?? other)(args));
    } else if (this.views.size > 0)
      app.view({ callback_id: exactly(this.views.keys()) }, (args) =>
        listenerOf(this.views, args.view.callback_id)(args),
      );
    if (this.unknownAction) {
      const other = this.unknownAction;
      app.action<BlockAction>({ type: 'block_actions' }, (args) =>
        (this.actions.get(args.action.action_id) ?? other)(args),
      );
    } else if (this.actions.size > 0) {
      app.action<BlockAction>({ type: 'block_actions', action_id: exactly(this.actions.keys()) }, (args) =>
        listenerOf(this.actions, args.action.action_id)(args),
      );
    }
    if (this.suggestions.size > 0)
      app.options<'block_suggestion'>(
        { type: 'block_suggestion', action_id: exactly(this.suggestions.keys()) },
        (args) => listenerOf(this.suggestions, args.options.action_id)(args),
      );
    for (const attach of this.events) attach(app);
  }

  private add<L>(map: Map<string, L>, key: string, listener: L): void {
    if (map.has(key)) throw new Error(`two listeners for ${key}`);
    map.set(key, listener);
  }
}
