import { describe, expect, it } from 'vitest';
import { inOrder, type Step, type StepArgs } from '../../src/slack/middleware/steps.ts';

/** Bolt's arguments as far as the steps touch them, and a record of Bolt's own next being reached. */
function boltArgs() {
  const reached: string[] = [];
  const args = { context: {}, body: {}, next: async () => void reached.push('bolt next') };
  return { args: args as unknown as StepArgs & { context: Record<string, unknown> }, reached };
}

describe('middleware steps', () => {
  it('runs the steps in order on one shared set of arguments, then Bolt’s next', async () => {
    const { args, reached } = boltArgs();
    const seen: unknown[] = [];
    const mark: Step = async (a, next) => {
      a.context.asker = 'U1';
      await next();
      reached.push('after the rest');
    };
    const read: Step = async (a, next) => {
      seen.push(a, a.context.asker);
      await next();
    };
    await inOrder([mark, read])(args);
    expect(seen).toEqual([args, 'U1']);
    expect(reached).toEqual(['bolt next', 'after the rest']);
  });

  it('stops where a step does not go on, and a failure reaches the steps before it', async () => {
    const { args, reached } = boltArgs();
    const caught: unknown[] = [];
    const failure = new Error('database away');
    const guard: Step = async (_a, next) => {
      try {
        await next();
      } catch (error) {
        caught.push(error);
      }
    };
    const drop: Step = async () => {};
    const fail: Step = async () => {
      throw failure;
    };
    await inOrder([guard, drop, fail])(args);
    expect(caught).toEqual([]);
    await inOrder([guard, fail, drop])(args);
    expect(caught).toEqual([failure]);
    expect(reached).toEqual([]);
  });
});
