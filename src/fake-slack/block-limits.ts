/**
 * Block Kit's documented limits, enforced the way Slack does: a payload over a limit is refused
 * with invalid_blocks (messages) or invalid_arguments (views), and nothing is posted.
 * Lengths count characters (code points), not bytes, as Slack does for Chinese text.
 */
type Block = Record<string, unknown>;
type TextObject = { type?: string; text?: string } | undefined;

const length = (text: unknown): number => (typeof text === 'string' ? [...text].length : 0);

export function checkBlocks(blocks: unknown, maxBlocks: number): string | null {
  if (blocks === undefined) return null;
  if (!Array.isArray(blocks)) return 'blocks must be an array';
  if (blocks.length > maxBlocks) return `too many blocks: ${blocks.length} > ${maxBlocks}`;
  const blockIds = new Set<string>();
  for (const [index, block] of (blocks as Block[]).entries()) {
    const where = `blocks[${index}]`;
    if (typeof block.block_id === 'string') {
      if (blockIds.has(block.block_id)) return `${where}: duplicate block_id ${block.block_id}`;
      if (length(block.block_id) > 255) return `${where}: block_id over 255`;
      blockIds.add(block.block_id);
    }
    const problem = checkBlock(block);
    if (problem) return `${where}: ${problem}`;
  }
  return null;
}

function checkBlock(block: Block): string | null {
  switch (block.type) {
    case 'section': {
      const text = block.text as TextObject;
      if (text && length(text.text) > 3000) return 'section text over 3000';
      const fields = block.fields as TextObject[] | undefined;
      if (fields && fields.length > 10) return 'section fields over 10';
      if (fields?.some((f) => length(f?.text) > 2000)) return 'section field over 2000';
      if (!text && !fields) return 'section needs text or fields';
      return checkElement(block.accessory as Block | undefined);
    }
    case 'header':
      return length((block.text as TextObject)?.text) > 150 ? 'header over 150' : null;
    case 'context': {
      const elements = (block.elements as Block[]) ?? [];
      if (elements.length > 10) return 'context elements over 10';
      return elements.some((e) => length(e.text) > 3000) ? 'context text over 3000' : null;
    }
    case 'actions': {
      const elements = (block.elements as Block[]) ?? [];
      if (elements.length > 25) return 'actions elements over 25';
      for (const element of elements) {
        const problem = checkElement(element);
        if (problem) return problem;
      }
      return null;
    }
    case 'input': {
      if (length((block.label as TextObject)?.text) > 2000) return 'input label over 2000';
      return checkElement(block.element as Block | undefined);
    }
    case 'divider':
    case 'image':
    case 'rich_text':
    case 'file':
    case 'video':
      return null;
    default:
      return `unknown block type ${String(block.type)}`;
  }
}

function checkElement(element: Block | undefined): string | null {
  if (!element) return null;
  if (element.type === 'button') {
    if (length((element.text as TextObject)?.text) > 75) return 'button text over 75';
    if (length(element.value) > 2000) return 'button value over 2000';
  }
  if (length(element.action_id) > 255) return 'action_id over 255';
  const options = (element.options as Block[] | undefined) ?? (element.option_groups ? [] : undefined);
  if (options) {
    if (options.length > 100) return 'select options over 100';
    for (const option of options) {
      if (length((option.text as TextObject)?.text) > 75) return 'option text over 75';
      if (length(option.value) > 150) return 'option value over 150';
    }
  }
  return null;
}

export function checkMessage(args: Record<string, unknown>): string | null {
  if (args.blocks === undefined && (args.text === undefined || args.text === '')) return 'no_text';
  return checkBlocks(args.blocks, 50);
}

export function checkView(view: unknown, surface: 'modal' | 'home'): string | null {
  if (!view || typeof view !== 'object') return 'view missing';
  const v = view as Record<string, unknown>;
  if (length(v.private_metadata) > 3000) return 'private_metadata over 3000';
  const problem = checkBlocks(v.blocks, 100);
  if (problem) return problem;
  if (surface === 'modal') {
    for (const key of ['title', 'submit', 'close'] as const) {
      if (length((v[key] as TextObject)?.text) > 24) return `${key} over 24`;
    }
    if (!v.title) return 'modal needs a title';
    const hasInput = ((v.blocks as Block[]) ?? []).some((b) => b.type === 'input');
    if (hasInput && !v.submit) return 'a modal with input blocks needs submit';
  }
  return null;
}
