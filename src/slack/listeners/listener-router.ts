import {
  type AllMiddlewareArgs,
  MultipleListenerError,
  type BlockAction,
  type SlackActionMiddlewareArgs,
  type SlackCommandMiddlewareArgs,
  type SlackEventMiddlewareArgs,
  type SlackOptionsMiddlewareArgs,
  type SlackViewMiddlewareArgs,
} from '@slack/bolt';
import type { StepArgs } from '../middleware/steps.ts';

type CommandListener = (args: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => Promise<void>;
type ViewListener = (args: SlackViewMiddlewareArgs & AllMiddlewareArgs) => Promise<void>;
type ActionListener = (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => Promise<void>;
type OptionsListener = (args: SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs) => Promise<void>;
type EventListener<E extends string> = (args: SlackEventMiddlewareArgs<E> & AllMiddlewareArgs) => Promise<void>;

/**
 * Collects the listeners; its `route` is the bot's last step (steps.ts) and looks the right one up as
 * Bolt's app.command, view, action, options and event would. Bolt runs every registered listener's
 * filters on every request, each with a copy of the request's arguments: with thirty-odd listeners that
 * was a tenth of the bot's CPU under load, and with one per kind still a twentieth. Listener files still
 * register one command or callback each.
 */
export class ListenerRouter {
  private readonly commands = new Map<string, CommandListener>();
  private readonly views = new Map<string, ViewListener>();
  private readonly actions = new Map<string, ActionListener>();
  private readonly suggestions = new Map<string, OptionsListener>();
  private readonly events = new Map<string, EventListener<string>[]>();
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
    const listeners = this.events.get(type) ?? [];
    listeners.push(listener as unknown as EventListener<string>);
    this.events.set(type, listeners);
  }

  /**
   * The last step (steps.ts): a middleware's arguments are the listener's own (with Bolt's `next`, which
   * a listener ignores).
   */
  readonly route = async (args: StepArgs): Promise<void> => {
    const body = args.body as { type?: string };
    // biome-ignore lint/suspicious/noExplicitAny: each kind's arguments, told apart by the fields Bolt sets
    const a = args as any;
    if ('command' in args) return this.commands.get(args.command.command)?.(a);
    if ('view' in args && body.type === 'view_submission')
      return (this.views.get(args.view.callback_id) ?? this.unknownView)?.(a);
    if ('action' in args && body.type === 'block_actions')
      return (this.actions.get((args.action as BlockAction['actions'][number]).action_id) ?? this.unknownAction)?.(a);
    if ('options' in args && body.type === 'block_suggestion') return this.suggestions.get(args.options.action_id)?.(a);
    if ('event' in args) return allOf(this.events.get(args.event.type) ?? [], a);
  };

  private add<L>(map: Map<string, L>, key: string, listener: L): void {
    if (map.has(key)) throw new Error(`two listeners for ${key}`);
    map.set(key, listener);
  }
}

/** Every listener of an event type, at once, as Bolt runs them; one failure is thrown as itself. */
async function allOf(listeners: EventListener<string>[], args: SlackEventMiddlewareArgs<string> & AllMiddlewareArgs) {
  const settled = await Promise.allSettled(listeners.map((listener) => listener(args)));
  const failures = settled.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new MultipleListenerError(failures);
}
