import type { ActionsBlockElement, Button, KnownBlock, ModalView } from '@slack/types';
import { truncate } from '../lib/text.ts';

/** Small Block Kit builders that keep every text inside Slack's limits, typed by Slack's own definitions. */
export type Block = KnownBlock;

export const header = (text: string): Block => ({
  type: 'header',
  text: { type: 'plain_text', text: truncate(text, 150), emoji: true },
});
export const section = (text: string, blockId?: string): Block => ({
  type: 'section',
  ...(blockId ? { block_id: blockId } : {}),
  text: { type: 'mrkdwn', text: truncate(text, 3000) },
});
export const context = (text: string): Block => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: truncate(text, 3000) }],
});
export const divider = (): Block => ({ type: 'divider' });
export const plain = (text: string, max = 3000) => ({
  type: 'plain_text' as const,
  text: truncate(text, max),
  emoji: true,
});

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  return { type: 'button', text: plain(text, 75), action_id: actionId, value, ...(style ? { style } : {}) };
}

export const actions = (blockId: string, elements: ActionsBlockElement[]): Block => ({
  type: 'actions',
  block_id: blockId,
  elements,
});

/** A message never carries more than Slack's 50 blocks: the last word of every message that grows with its data. */
export function capBlocks(blocks: Block[], max = 50): Block[] {
  return blocks.length <= max ? blocks : blocks.slice(0, max);
}

/** A modal's frame: title, submit and close in the user's language, each within Slack's 24 characters. */
export function modal(o: {
  callbackId: string;
  title: string;
  submit: string;
  close: string;
  blocks: Block[];
  privateMetadata?: string;
}): ModalView {
  return {
    type: 'modal',
    callback_id: o.callbackId,
    ...(o.privateMetadata ? { private_metadata: o.privateMetadata } : {}),
    title: plain(o.title, 24),
    submit: plain(o.submit, 24),
    close: plain(o.close, 24),
    blocks: o.blocks,
  };
}
