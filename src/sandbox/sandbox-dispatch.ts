import type { SlackDriver, InputValue } from '../fake-slack/slack-driver.ts';
import type { StoredView } from '../fake-slack/workspace-state.ts';

type Block = { type?: string; block_id?: string; dispatch_action?: boolean; element?: Record<string, unknown> };
type ViewPayload = { view: { state: { values: Record<string, Record<string, Record<string, unknown>>> } } };

/**
 * What Slack sends when a modal's input with `dispatch_action` changes (a typed row of a split, on
 * enter): block_actions from the view, the action the element's own value, the view's state every
 * value typed so far. Undefined for a block that dispatches nothing.
 */
export function viewActionPayload(
  driver: SlackDriver,
  user: string,
  stored: StoredView,
  values: Record<string, InputValue>,
  blockId: string,
): Record<string, unknown> | undefined {
  const blocks = (stored.view.blocks ?? []) as Block[];
  const block = blocks.find((b) => b.type === 'input' && b.block_id === blockId && b.dispatch_action === true);
  const actionId = block?.element?.action_id;
  if (!block || typeof actionId !== 'string') return undefined;
  const submission = driver.viewSubmissionPayload(user, stored, values);
  const typed = (submission as unknown as ViewPayload).view.state.values[blockId]?.[actionId] ?? {};
  return {
    ...submission,
    type: 'block_actions',
    container: { type: 'view', view_id: stored.id },
    actions: [{ ...typed, action_id: actionId, block_id: blockId, action_ts: `${Date.now() / 1000}` }],
  };
}

/** The view once the bot's views.update has landed (its hash changes), or as it is after `waitMs`. */
export async function updatedView(stored: StoredView, hashBefore: string, waitMs = 3_000): Promise<StoredView> {
  for (let waited = 0; stored.hash === hashBefore && waited < waitMs; waited += 25)
    await new Promise((resolve) => setTimeout(resolve, 25));
  return stored;
}
