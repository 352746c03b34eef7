import { describe, expect, it } from 'vitest';
import { ListenerRouter } from '../../src/slack/listeners/listener-router.ts';
import type { StepArgs } from '../../src/slack/middleware/steps.ts';

/** The router's step, called with the few fields of Bolt's arguments it reads. */
const attached = (router: ListenerRouter) => (args: Record<string, unknown>) =>
  router.route(args as unknown as StepArgs);

const click = (actionId: string) => ({
  body: { type: 'block_actions', actions: [{ action_id: actionId }] },
  action: { action_id: actionId },
});

describe('listener router', () => {
  it('hands a command, a click, a submission and a suggestion to the listener registered for its key', async () => {
    const router = new ListenerRouter();
    const seen: string[] = [];
    router.command('/visit', async () => void seen.push('command'));
    router.action('visit_approve', async () => void seen.push('approve'));
    router.action('visit_return', async () => void seen.push('return'));
    router.view('visit_file', async () => void seen.push('view'));
    router.options('account_pick', async () => void seen.push('options'));
    const route = attached(router);
    await route({ body: { command: '/visit' }, command: { command: '/visit' } });
    await route(click('visit_return'));
    await route({ body: { type: 'view_submission' }, view: { callback_id: 'visit_file' } });
    await route({ body: { type: 'block_suggestion' }, options: { action_id: 'account_pick' } });
    await route({ body: { command: '/other' }, command: { command: '/other' } });
    expect(seen).toEqual(['command', 'return', 'view', 'options']);
  });

  it('gives clicks and submissions no listener knows to the fallbacks, and leaves a closed modal alone', async () => {
    const router = new ListenerRouter();
    const seen: string[] = [];
    router.otherAction(async () => void seen.push('other action'));
    router.otherView(async () => void seen.push('other view'));
    const route = attached(router);
    await route(click('from_an_old_card'));
    await route({ body: { type: 'view_submission' }, view: { callback_id: 'old_modal' } });
    await route({ body: { type: 'view_closed' }, view: { callback_id: 'old_modal' } });
    expect(seen).toEqual(['other action', 'other view']);
  });

  it('runs every listener of an event type, and throws the one failure as itself', async () => {
    const router = new ListenerRouter();
    const seen: string[] = [];
    const failure = new Error('thread reply failed');
    router.event('message', async () => void seen.push('help'));
    router.event('message', async () => {
      seen.push('thread');
      throw failure;
    });
    router.event('app_home_opened', async () => void seen.push('home'));
    const route = attached(router);
    await expect(route({ body: { type: 'event_callback' }, event: { type: 'message' } })).rejects.toBe(failure);
    expect(seen).toEqual(['help', 'thread']);
    await route({ body: { type: 'event_callback' }, event: { type: 'reaction_added' } });
    expect(seen).toEqual(['help', 'thread']);
  });

  it('refuses two listeners for one key', () => {
    const router = new ListenerRouter();
    router.action('visit_approve', async () => {});
    expect(() => router.action('visit_approve', async () => {})).toThrow('two listeners for visit_approve');
  });
});
