import type { AllMiddlewareArgs, AnyMiddlewareArgs, Middleware } from '@slack/bolt';

export type StepArgs = AnyMiddlewareArgs & AllMiddlewareArgs;

/** One step before (or as) the listener: the request's arguments, shared, and the step after it. */
export type Step = (args: StepArgs, next: () => Promise<void>) => Promise<void>;

/**
 * The bot's steps as one Bolt middleware. Bolt hands every middleware its own copy of the request's
 * arguments, a cost on every request; the steps share one, and each is given the next explicitly.
 */
export function inOrder(steps: readonly Step[]): Middleware<AnyMiddlewareArgs> {
  return (args) => {
    const from = (i: number): Promise<void> => (i < steps.length ? steps[i](args, () => from(i + 1)) : args.next());
    return from(0);
  };
}
