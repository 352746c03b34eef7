import type { PlainTextOption } from '@slack/types';
import { plain } from '../blocks.ts';

/** The account picker's options: "ED01 滬東分銷", the code as the value. */
export function accountOptions(accounts: { code: string; name: string }[]): { options: PlainTextOption[] } {
  return { options: accounts.slice(0, 100).map((a) => ({ text: plain(`${a.code} ${a.name}`, 75), value: a.code })) };
}
