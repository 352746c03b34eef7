import { sentDuring as recorded } from './pg-sent.ts';

/** The texts each pg client was asked to run while `work` ran: one call is one round trip. */
export async function sentDuring<T>(work: () => Promise<T>): Promise<{ result: T; texts: string[] }> {
  let result: T | undefined;
  const sent = await recorded(async () => {
    result = await work();
  });
  return { result: result as T, texts: sent.map((s) => s.text) };
}
