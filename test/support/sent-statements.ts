import pg from 'pg';

/** The texts each pg client was asked to run while `work` ran: one call is one round trip. */
export async function sentDuring<T>(work: () => Promise<T>): Promise<{ result: T; texts: string[] }> {
  const texts: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
    texts.push(String((args[0] as { text?: string })?.text ?? args[0]));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    return { result: await work(), texts };
  } finally {
    pg.Client.prototype.query = query;
  }
}
