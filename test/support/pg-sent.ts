import pg from 'pg';

/** A statement a pg client was given: the client (one connection), what it was given, and its text. */
export interface SentStatement {
  client: pg.Client;
  config: unknown;
  text: string;
}

/** Each statement sent to PostgreSQL while `work` ran, in order, with the client (connection) that sent it. */
export async function sentDuring(work: () => Promise<unknown>): Promise<SentStatement[]> {
  const sent: SentStatement[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function recorded(this: pg.Client, ...args: unknown[]) {
    sent.push({ client: this, config: args[0], text: String((args[0] as { text?: string })?.text ?? args[0]) });
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await work();
    return sent;
  } finally {
    pg.Client.prototype.query = query;
  }
}

/**
 * The statements inside what was sent, one by one: a pipeline's each (with its prepared name), a
 * plain query as it was given (`name` when it went by name).
 */
export function statementsIn(sent: SentStatement[]): { text: string; name?: string }[] {
  return sent.flatMap(({ config, text }) => {
    const inner = (config as { statements?: { text: string; name?: string }[] })?.statements;
    if (Array.isArray(inner)) return inner.map((s) => ({ text: s.text, name: s.name }));
    const name = (config as { name?: string })?.name;
    return [{ text, name: typeof name === 'string' ? name : undefined }];
  });
}
