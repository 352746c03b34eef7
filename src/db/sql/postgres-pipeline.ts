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
  /** pg's own record of the statements prepared on this connection, and of those sent to be. */
  parsedStatements: Record<string, string>;
  submittedNamedStatements: Record<string, string>;
  on(event: 'parseComplete', listener: () => void): unknown;
  removeListener(event: 'parseComplete', listener: () => void): unknown;
}

type Field = { name: string; dataTypeID: number; format?: string };

/** A statement's rows as the server describes them: column names, and the parser of each column. */
type RowShape = { names: string[]; parsers: ((raw: string) => unknown)[] };

/**
 * The shape of each prepared statement's rows on a connection, kept from its first Describe: the rows
 * of a prepared statement cannot change shape (the server refuses "cached plan must not change result
 * type"), so it is not described again, which cost both sides on every statement. A statement without
 * rows (NoData) keeps no shape and is described each time.
 */
const rowShapes = new WeakMap<object, Map<string, RowShape>>();

function shapesOn(connection: Wire): Map<string, RowShape> {
  let shapes = rowShapes.get(connection);
  if (!shapes) {
    shapes = new Map();
    rowShapes.set(connection, shapes);
  }
  return shapes;
}

/** A value as the wire carries it, as pg's own queries send it: text or null; a Buffer goes as binary. */
function wireValue(value: unknown): string | Buffer | null {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) throw new TypeError('a list is not one parameter: use sqlList or sqlSet');
  if (typeof value === 'object') return JSON.stringify(value);
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
  private current?: { shape: RowShape; rows: Record<string, unknown>[] };
  /** Per statement, in order: the shape of its rows when known before (not described again), or undefined. */
  private readonly known: (RowShape | undefined)[] = [];
  private failed = false;
  /** The statements parsed in this pipeline, in order, named or not ('' ): their ParseCompletes come in this order. */
  private parses: { name: string; text: string }[] = [];
  private connection?: Wire;
  private readonly onParsed = () => this.parsed();

  constructor(
    /** What it sends (read by tests that watch what was sent). */
    readonly statements: PipelinedStatement[],
    private readonly types: Parsers,
    private readonly done: (error: Error | null, results: StatementResult[]) => void,
  ) {
    this.text = statements.map((s) => s.text).join(';\n');
  }

  /** Writes the pipeline; an Error returned (a value that cannot be sent) is answered by pg, nothing sent. */
  submit(connection: Wire): Error | null {
    let values: (string | Buffer | null)[][];
    try {
      values = this.statements.map((s) => s.values.map(wireValue));
    } catch (error) {
      this.failed = true;
      return error as Error;
    }
    this.connection = connection;
    connection.on('parseComplete', this.onParsed);
    connection.stream.cork?.();
    try {
      for (const [i, s] of this.statements.entries()) {
        const name = s.name ?? '';
        // a named statement is parsed once per connection, here if not before: pg keeps the record
        const known =
          name !== '' && (name in connection.parsedStatements || name in connection.submittedNamedStatements);
        if (!known) {
          connection.parse({ text: s.text, name });
          this.parses.push({ name, text: s.text });
          if (name !== '') connection.submittedNamedStatements[name] = s.text;
        }
        connection.bind({ statement: name, values: values[i] });
        const shape = known ? shapesOn(connection).get(name) : undefined;
        this.known.push(shape);
        if (!shape) connection.describe({ type: 'P' });
        connection.execute({});
      }
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
    return null;
  }

  /** A Parse went through: a named one is now prepared on this connection, as pg records a query's. */
  private parsed(): void {
    const parse = this.parses.shift();
    if (!parse?.name || !this.connection) return;
    this.connection.parsedStatements[parse.name] = parse.text;
    delete this.connection.submittedNamedStatements[parse.name];
  }

  /** The pipeline is over: a Parse the server skipped after an error was never made, and is made again next time. */
  private finish(): void {
    if (!this.connection) return;
    this.connection.removeListener('parseComplete', this.onParsed);
    for (const parse of this.parses) if (parse.name) delete this.connection.submittedNamedStatements[parse.name];
    this.parses = [];
  }

  handleRowDescription(msg: { fields: Field[] }): void {
    const shape: RowShape = {
      names: msg.fields.map((f) => f.name),
      parsers: msg.fields.map((f) => this.types.getTypeParser(f.dataTypeID, 'text') as (raw: string) => unknown),
    };
    const name = this.statements[this.results.length]?.name;
    if (name && this.connection) shapesOn(this.connection).set(name, shape);
    this.current = { shape, rows: [] };
  }

  handleDataRow(msg: { fields: (string | null)[] }): void {
    const current = this.current ?? this.knownShape();
    if (!current) return;
    const { names, parsers } = current.shape;
    const row: Record<string, unknown> = {};
    for (let i = 0; i < msg.fields.length; i += 1) {
      const raw = msg.fields[i];
      row[names[i]] = raw === null ? null : parsers[i](raw);
    }
    current.rows.push(row);
  }

  /** The rows of a statement that was not described again begin: their shape is the one kept. */
  private knownShape(): Pipeline['current'] {
    const shape = this.known[this.results.length];
    this.current = shape ? { shape, rows: [] } : undefined;
    return this.current;
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
    this.finish();
    this.done(error, this.results);
  }

  handleReadyForQuery(): void {
    this.finish();
    if (!this.failed) this.done(null, this.results);
  }

  handlePortalSuspended(): void {}

  handleCopyInResponse(connection: Wire): void {
    connection.sendCopyFail('no COPY in a pipeline');
  }

  handleCopyData(): void {}
}

/** pg's client as a pipeline uses it: a submittable goes in its queue, one at a time. */
type Submitting = { query(submittable: object): unknown };

function submit<T>(client: pg.ClientBase, make: (done: (error: Error | null, value: T) => void) => object): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    (client as unknown as Submitting).query(make((error, value) => (error ? reject(error) : resolve(value))));
  });
}

/** Sends the statements in one round trip and returns each one's rows and count. */
export function runPipeline(
  client: pg.ClientBase,
  statements: PipelinedStatement[],
  types: Parsers,
): Promise<StatementResult[]> {
  return submit<StatementResult[]>(client, (done) => new Pipeline(statements, types, done));
}

/** What a pipeline answered: the results of the statements run, and the error that stopped the rest, if one did. */
export interface PipelineOutcome {
  results: StatementResult[];
  error?: Error;
}

/**
 * runPipeline that keeps the results of the statements run before an error: the server skips those
 * after it, which a caller sending several callers' statements together sends again.
 */
export function runPipelineSettled(
  client: pg.ClientBase,
  statements: PipelinedStatement[],
  types: Parsers,
): Promise<PipelineOutcome> {
  return submit<PipelineOutcome>(
    client,
    (done) => new Pipeline(statements, types, (error, results) => done(null, error ? { results, error } : { results })),
  );
}

/**
 * The statement with its values as the wire carries them (a pipeline sends those as they are); throws,
 * as a pipeline would refuse it, when one cannot be sent.
 */
export function sendable(statement: PipelinedStatement): PipelinedStatement {
  return { ...statement, values: statement.values.map(wireValue) };
}
