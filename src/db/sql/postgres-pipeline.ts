import type pg from 'pg';

/** One statement to send: its text with $n placeholders, its values, and its prepared name if it has one. */
export interface PipelinedStatement {
  text: string;
  values: readonly unknown[];
  name?: string;
}

/** What each statement answered, in order. */
export interface StatementResult {
  rows: Record<string, unknown>[];
  rowCount: number;
}

type Parsers = Pick<pg.CustomTypesConfig, 'getTypeParser'>;

/** The parts of pg's connection a submittable drives (pg-protocol's messages). */
interface Wire {
  parse(o: { text: string; name?: string }): void;
  bind(o: { portal?: string; statement?: string; values?: unknown[] }): void;
  describe(o: { type: 'P' | 'S'; name?: string }): void;
  execute(o: { portal?: string }): void;
  sync(): void;
  sendCopyFail(message: string): void;
  stream: { cork?: () => void; uncork?: () => void };
  parsedStatements: Record<string, string>;
}

type Field = { name: string; dataTypeID: number; format?: string };

/** A value as the wire carries it: text, or null; a Buffer goes as binary (pg-protocol's bind). */
function wireValue(value: unknown): string | Buffer | null {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/**
 * Several statements in ONE round trip on the extended protocol: each one's Parse (unless it is a
 * statement already prepared on this connection), Bind, Describe and Execute, then a single Sync. The
 * server runs them in order and stops at the first error. Unlike a multi-statement text, the values
 * travel as parameters and a prepared statement keeps its plan. pg's client takes any object with
 * `submit` and these handlers as a query (as pg-cursor does); it calls them in the order the server answers.
 */
class Pipeline {
  /** For logs and tests that read what was sent: the statements' texts, as one multi-statement text reads. */
  readonly text: string;
  private readonly results: StatementResult[] = [];
  private current?: { names: string[]; parsers: ((raw: string) => unknown)[]; rows: Record<string, unknown>[] };
  private failed = false;

  constructor(
    private readonly statements: PipelinedStatement[],
    private readonly types: Parsers,
    private readonly done: (error: Error | null, results: StatementResult[]) => void,
  ) {
    this.text = statements.map((s) => s.text).join(';\n');
  }

  submit(connection: Wire): void {
    connection.stream.cork?.();
    try {
      for (const s of this.statements) {
        const prepared = s.name !== undefined && connection.parsedStatements[s.name] !== undefined;
        if (!prepared) connection.parse({ text: s.text });
        const values = s.values.map(wireValue);
        connection.bind({ statement: prepared ? s.name : '', values });
        connection.describe({ type: 'P' });
        connection.execute({});
      }
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
  }

  handleRowDescription(msg: { fields: Field[] }): void {
    this.current = {
      names: msg.fields.map((f) => f.name),
      parsers: msg.fields.map((f) => this.types.getTypeParser(f.dataTypeID, 'text') as (raw: string) => unknown),
      rows: [],
    };
  }

  handleDataRow(msg: { fields: (string | null)[] }): void {
    const current = this.current;
    if (!current) return;
    const row: Record<string, unknown> = {};
    msg.fields.forEach((raw, i) => {
      row[current.names[i]] = raw === null ? null : current.parsers[i](raw);
    });
    current.rows.push(row);
  }

  handleCommandComplete(msg: { text: string }): void {
    const count = Number(msg.text.split(' ').at(-1));
    this.results.push({ rows: this.current?.rows ?? [], rowCount: Number.isFinite(count) ? count : 0 });
    this.current = undefined;
  }

  handleEmptyQuery(): void {
    this.results.push({ rows: [], rowCount: 0 });
  }

  handleError(error: Error): void {
    this.failed = true;
    this.done(error, this.results);
  }

  handleReadyForQuery(): void {
    if (!this.failed) this.done(null, this.results);
  }

  handlePortalSuspended(): void {}

  handleCopyInResponse(connection: Wire): void {
    connection.sendCopyFail('no COPY in a pipeline');
  }

  handleCopyData(): void {}
}

/**
 * Prepares a named statement on a connection, and only that (Parse and Sync, no Execute): once per
 * connection, before a pipeline binds it by name. pg records it as parsed (it reads `name` and `text`).
 */
class Preparation {
  constructor(
    readonly name: string,
    readonly text: string,
    private readonly done: (error: Error | null) => void,
  ) {}

  submit(connection: Wire): void {
    connection.parse({ text: this.text, name: this.name });
    connection.sync();
  }

  handleError(error: Error): void {
    this.done(error);
  }

  handleReadyForQuery(): void {
    this.done(null);
  }

  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleCommandComplete(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyInResponse(): void {}
  handleCopyData(): void {}
}

/** pg's client as a pipeline uses it: a submittable goes in its queue, one at a time. */
type Submitting = { query(submittable: object): unknown; connection: Wire };

function submit<T>(client: pg.ClientBase, make: (done: (error: Error | null, value: T) => void) => object): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    (client as unknown as Submitting).query(make((error, value) => (error ? reject(error) : resolve(value))));
  });
}

/**
 * Sends the statements in one round trip and returns each one's rows and count. A named statement
 * not yet prepared on this connection is prepared first, in a round trip of its own, once.
 */
export async function runPipeline(
  client: pg.ClientBase,
  statements: PipelinedStatement[],
  types: Parsers,
): Promise<StatementResult[]> {
  const parsed = (client as unknown as Submitting).connection.parsedStatements;
  for (const s of statements)
    if (s.name !== undefined && parsed[s.name] === undefined) {
      const { name, text } = s;
      await submit<void>(client, (done) => new Preparation(name, text, (error) => done(error, undefined)));
    }
  return submit<StatementResult[]>(client, (done) => new Pipeline(statements, types, done));
}
