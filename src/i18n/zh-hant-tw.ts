import { zhHant, type MessageKey } from './zh-hant.ts';

/**
 * The seed's words are the default (信息, 網絡, 占有率, 按揭). An organisation in Taiwan reads
 * Taiwan's, chosen with `locale_variant: zh-Hant-TW` in its org file. Longer terms come first.
 */
export const TAIWAN_WORDS: readonly (readonly [string, string])[] = [
  ['占有率', '佔有率'],
  ['信息', '資訊'],
  ['網絡', '網路'],
  ['按揭', '房貸'],
];

const inTaiwanWords = (text: string): string =>
  TAIWAN_WORDS.reduce((out, [seed, taiwan]) => out.replaceAll(seed, taiwan), text);

/** Every entry of the default catalogue, in Taiwan's words where they differ. */
export const zhHantTw: Record<MessageKey, string> = Object.fromEntries(
  Object.entries(zhHant).map(([key, text]) => [key, inTaiwanWords(text)]),
) as Record<MessageKey, string>;
