/**
 * A statement with its values kept apart from its text, written once for both providers: the
 * placeholders (`?` or `$1`) are chosen when it runs. Quote identifiers ("Visit") as PostgreSQL needs.
 */
export interface SqlQuery {
  readonly strings: readonly string[];
  readonly values: readonly unknown[];
  /** Prepared once per connection and its plan reused (PostgreSQL): see preparedSql. */
  readonly prepare?: boolean;
}

/**
 * A hot statement whose plan does not hang on its values (an organisation's rows by key): on
 * PostgreSQL it is prepared once per connection, so it is not planned again on every request (the
 * `/targets` roll-up took 12 times longer to plan than to run). Not for analyses over skewed data,
 * where a plan made for other values can be far off. A unit's statements and reads sent together are
 * prepared anyway (postgres-direct's pipelined); this marks one sent alone, and takes a name first.
 */
export const preparedSql = (query: SqlQuery): SqlQuery => ({ ...query, prepare: true });

const isQuery = (value: unknown): value is SqlQuery =>
  typeof value === 'object' &&
  value !== null &&
  'strings' in value &&
  'values' in value &&
  Array.isArray((value as SqlQuery).strings);

/** sql`SELECT … WHERE "id" = ${id}`; a nested sql`…` or sqlList(…) is spliced in. */
export function sql(template: TemplateStringsArray, ...values: unknown[]): SqlQuery {
  const strings: string[] = [template[0]];
  const flat: unknown[] = [];
  values.forEach((value, i) => {
    if (isQuery(value)) {
      strings[strings.length - 1] += value.strings[0];
      for (let j = 0; j < value.values.length; j += 1) {
        flat.push(value.values[j]);
        strings.push(value.strings[j + 1]);
      }
      strings[strings.length - 1] += template[i + 1];
    } else {
      flat.push(value);
      strings.push(template[i + 1]);
    }
  });
  return { strings, values: flat };
}

/** `?, ?, ?` for an IN (…) list; never empty (the caller handles no values). */
export function sqlList(values: readonly unknown[]): SqlQuery {
  if (values.length === 0) throw new Error('sqlList needs at least one value');
  return { strings: ['', ...values.slice(1).map(() => ', '), ''], values: [...values] };
}

export type Placeholder = 'question' | 'dollar';

export function renderSql(query: SqlQuery, placeholder: Placeholder): string {
  let text = query.strings[0];
  for (let i = 1; i < query.strings.length; i += 1)
    text += (placeholder === 'dollar' ? `$${i}` : '?') + query.strings[i];
  return text;
}

/**
 * `"a" = ?, "b" = ?` for an UPDATE. Column names come from code, and each must be one of `columns`:
 * a name is never taken from input.
 */
export function sqlAssignments(values: Record<string, unknown>, columns: ReadonlySet<string>): SqlQuery {
  const names = Object.keys(values).filter((name) => values[name] !== undefined);
  if (names.length === 0) throw new Error('nothing to set');
  for (const name of names) if (!columns.has(name)) throw new Error(`not a column: ${name}`);
  return {
    strings: [`"${names[0]}" = `, ...names.slice(1).map((name) => `, "${name}" = `), ''],
    values: names.map((name) => values[name]),
  };
}

/**
 * A set of any size as ONE parameter, for `"x" IN (${sqlSet(ids)})`: the values travel as a JSON
 * object's keys and `json_each` (SQLite and PostgreSQL alike) turns them back into rows. An `IN`
 * list of `?`s would grow with the organisation past SQLite's 999 parameters. Empty matches nothing.
 */
export function sqlSet(values: readonly string[]): SqlQuery {
  const keys = JSON.stringify(Object.fromEntries(values.map((value) => [value, 1])));
  return sql`SELECT "key" FROM json_each(${keys})`;
}
