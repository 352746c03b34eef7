import type {
  ExpenseSettings,
  MeetingOverride,
  OrgFile,
  ScorecardSettings,
  TasksSettings,
  PlanSettings,
} from '../../domain/org/org-file-schema.ts';
import { dealSettingsOf } from '../../domain/deals/deal-settings.ts';
import { orderSettingsOf } from '../../domain/orders/order-settings.ts';
import type { OrgChartData, OrgPerson } from '../../domain/org/org-chart.ts';
import type { Role, Template } from '../../domain/org/roles.ts';
import type { Db } from '../database.ts';
import type { Organisation, Person } from '../../generated/sqlite/client.ts';
import { preparedSql, sql, sqlSet } from '../sql/sql-query.ts';
import { rowReader, runnerOf, sqlTransaction, type DbLike } from '../sql/sql-runner.ts';

export interface ImportSummary {
  orgId: number;
  people: number;
  added: number;
  updated: number;
  deactivated: number;
}

const json = (value: unknown): string => JSON.stringify(value ?? []);
const list = (value: string): string[] => JSON.parse(value) as string[];

/** People written per transaction: small enough that other requests get the database in between. */
const IMPORT_CHUNK = 500;

/** The last step of a chart of thousands of people may take longer than Prisma's default 5 s. */
const IMPORT_TRANSACTION = { timeout: 120_000, maxWait: 30_000 };

type PersonFields = {
  name: string;
  role: string;
  reportsTo: string;
  markets: string;
  accounts: string;
  duties: string;
  area: string | null;
  active: boolean;
};

function personFields(entry: OrgFile['people'][number]): PersonFields {
  return {
    name: entry.name,
    role: entry.role,
    reportsTo: json(entry.reports_to),
    markets: json(entry.markets),
    accounts: json(entry.accounts),
    duties: json(entry.duties),
    area: entry.area ?? null,
    active: true,
  };
}

/** The organisation's columns from its org file: its settings, each section as JSON. */
function orgFieldsOf(file: OrgFile, now: Date) {
  return {
    template: file.organisation.template,
    timezone: file.organisation.timezone,
    locale: file.organisation.locale,
    localeVariant: file.organisation.locale_variant ?? '',
    channels: JSON.stringify(file.channels),
    admins: json(file.admins),
    meetings: JSON.stringify(file.meetings),
    tasks: JSON.stringify(file.tasks ?? {}),
    plans: JSON.stringify(file.plans ?? {}),
    expenses: JSON.stringify(file.expenses),
    scorecard: JSON.stringify(file.scorecard),
    creditGrades: JSON.stringify(file.credit_grades ?? {}),
    deals: JSON.stringify(file.deals ?? {}),
    orders: JSON.stringify(file.orders ?? {}),
    importedAt: now,
  };
}

/**
 * The chart as stored of the organisation this file imports into (another's in the same database is
 * not its past), or null when it is new: what an import compares the file with.
 */
export async function storedChartOf(db: Db, file: OrgFile): Promise<OrgChartData | null> {
  const { id, name, template } = file.organisation;
  const known = await findOrganisationFor(db, id ?? null, name, template);
  return known ? loadOrgChartData(db, known.id) : null;
}

/**
 * Writes an org file into the database. Idempotent: the same file twice changes nothing. People
 * missing from the new file are deactivated, never deleted, so their records stay.
 *
 * People go in chunks, a transaction each, yielding in between: a 50,000-person file in one
 * transaction held SQLite for over a minute and /healthz timed out. The chart's version moves on
 * only in the last transaction, so instances switch to the new chart when all of it is written.
 */
export async function importOrgFile(db: Db, file: OrgFile, now: Date): Promise<ImportSummary> {
  const orgFields = orgFieldsOf(file, now);
  const key = file.organisation.id ?? null;
  const known = await findOrganisationFor(db, key, file.organisation.name, file.organisation.template);
  // a new organisation: no instance reads it before its people are in
  const org = known ?? (await db.organisation.create({ data: { ...orgFields, name: file.organisation.name, key } }));
  const existing = await db.person.findMany({ where: { orgId: org.id } });
  const existingById = new Map(existing.map((p) => [p.slackId, p]));
  let added = 0;
  let updated = 0;
  for (let start = 0; start < file.people.length; start += IMPORT_CHUNK) {
    const chunk = file.people.slice(start, start + IMPORT_CHUNK);
    const fresh = chunk.filter((entry) => !existingById.has(entry.slack));
    const changed = chunk.flatMap((entry) => {
      const before = existingById.get(entry.slack);
      const fields = personFields(entry);
      return before && (Object.keys(fields) as (keyof PersonFields)[]).some((k) => before[k] !== fields[k])
        ? [{ id: before.id, fields }]
        : [];
    });
    if (fresh.length === 0 && changed.length === 0) continue;
    await db.$transaction(async (tx) => {
      const rows = fresh.map((entry) => ({ orgId: org.id, slackId: entry.slack, ...personFields(entry) }));
      // in batches small enough for SQLite's 999 parameters
      for (let i = 0; i < rows.length; i += 50) await tx.person.createMany({ data: rows.slice(i, i + 50) });
      for (const { id, fields } of changed) await tx.person.update({ where: { id }, data: fields });
    }, IMPORT_TRANSACTION);
    added += fresh.length;
    updated += changed.length;
    await new Promise((resolve) => setImmediate(resolve));
  }
  const keep = new Set(file.people.map((p) => p.slack));
  const leaving = existing.filter((p) => p.active && !keep.has(p.slackId)).map((p) => p.id);
  await db.$transaction(async (tx) => {
    // the file's people as one set: a list of ids would pass SQLite's 999 parameters in a big org
    if (leaving.length > 0) {
      await runnerOf(tx).run(sql`
        UPDATE "Person" SET "active" = false
        WHERE "orgId" = ${org.id} AND "active" = true AND "slackId" NOT IN (${sqlSet([...keep])})`);
    }
    const codes = new Set(file.markets.map((m) => m.code));
    for (const market of file.markets) {
      const fields = { name: market.name, owner: market.owner ?? '', active: true };
      await tx.market.upsert({
        where: { orgId_code: { orgId: org.id, code: market.code } },
        create: { orgId: org.id, code: market.code, ...fields },
        update: fields,
      });
    }
    await runnerOf(tx).run(sql`
      UPDATE "Market" SET "active" = false WHERE "orgId" = ${org.id} AND "code" NOT IN (${sqlSet([...codes])})`);
    const identity = { name: file.organisation.name, key: key ?? known?.key ?? null };
    await tx.organisation.update({
      where: { id: org.id },
      data: { ...orgFields, ...identity, ...(known ? { chartVersion: { increment: 1 } } : {}) },
    });
  }, IMPORT_TRANSACTION);
  return { orgId: org.id, people: file.people.length, added, updated, deactivated: leaving.length };
}

/**
 * Which stored organisation an org file means. Its `id:` when it has one; else, with one
 * organisation in the database, that one (a new name is a rename, not a new organisation); else the
 * one of that name. An organisation stored before ids existed is adopted by the first file with an id.
 */
async function findOrganisationFor(
  tx: Db,
  key: string | null,
  name: string,
  template: string,
): Promise<{ id: number; key: string | null } | null> {
  if (key) {
    const byKey = await tx.organisation.findUnique({ where: { key }, select: { id: true, key: true } });
    if (byKey) return byKey;
  } else {
    const all = await tx.organisation.findMany({ select: { id: true, key: true, template: true }, take: 2 });
    if (all.length === 1 && all[0].template === template) return all[0];
  }
  const byName = await tx.organisation.findUnique({ where: { name }, select: { id: true, key: true } });
  if (byName && (!key || byName.key === null)) return byName;
  if (!key) return null;
  const unkeyed = await tx.organisation.findMany({
    where: { key: null },
    select: { id: true, key: true, template: true },
    take: 2,
  });
  return unkeyed.length === 1 && unkeyed[0].template === template ? unkeyed[0] : null;
}

const organisationFromRow = rowReader<Organisation>({ numbers: ['id', 'chartVersion'], dates: ['importedAt'] });
const personFromRow = (row: Record<string, unknown>): Person => ({
  ...rowReader<Person>({ numbers: ['id', 'orgId'], dates: ['homeOpenedAt'] })(row),
  // SQLite keeps a boolean as 0 or 1
  active: Number(row.active) === 1,
});

/** The chart as last imported (or of one organisation, by id), or null before the first import. */
export async function loadOrgChartData(db: DbLike, orgId?: number): Promise<OrgChartData | null> {
  const runner = runnerOf(db);
  const found =
    orgId !== undefined
      ? await runner.all(sql`SELECT * FROM "Organisation" WHERE "id" = ${orgId}`)
      : await runner.all(sql`SELECT * FROM "Organisation" ORDER BY "importedAt" DESC LIMIT 1`);
  if (!found[0]) return null;
  const org = organisationFromRow(found[0]);
  const people = (await runner.all(sql`SELECT * FROM "Person" WHERE "orgId" = ${org.id} ORDER BY "id" ASC`)).map(
    personFromRow,
  );
  const markets = await runner.all<{ code: string; name: string; owner: string }>(sql`
    SELECT "code", "name", "owner" FROM "Market" WHERE "orgId" = ${org.id} AND "active" = TRUE ORDER BY "id" ASC`);
  return chartData(org, people, markets);
}

function chartData(
  org: Organisation,
  people: Person[],
  markets: { code: string; name: string; owner: string }[],
): OrgChartData {
  const active: OrgPerson[] = people
    .filter((p) => p.active)
    .map((p) => ({
      slackId: p.slackId,
      name: p.name,
      role: p.role as Role,
      reportsTo: list(p.reportsTo),
      markets: list(p.markets),
      accounts: list(p.accounts),
      duties: list(p.duties),
      area: p.area,
      locale: p.locale,
    }));
  return {
    orgId: org.id,
    version: org.chartVersion,
    name: org.name,
    template: org.template as Template,
    timezone: org.timezone,
    locale: org.locale,
    localeVariant: org.localeVariant,
    channels: JSON.parse(org.channels) as Record<string, string>,
    admins: list(org.admins),
    meetings: JSON.parse(org.meetings) as Record<string, MeetingOverride>,
    tasks: JSON.parse(org.tasks) as TasksSettings,
    plans: JSON.parse(org.plans) as PlanSettings,
    expenses: JSON.parse(org.expenses) as ExpenseSettings,
    scorecard: JSON.parse(org.scorecard) as ScorecardSettings,
    creditGrades: JSON.parse(org.creditGrades) as Record<string, string>,
    deals: dealSettingsOf(org.deals),
    orders: orderSettingsOf(org.orders),
    people: active,
    markets: markets.map((m) => ({ code: m.code, name: m.name, owner: m.owner })),
    formerNames: Object.fromEntries(people.filter((p) => !p.active).map((p) => [p.slackId, p.name])),
    formerReportsTo: Object.fromEntries(people.filter((p) => !p.active).map((p) => [p.slackId, list(p.reportsTo)])),
  };
}

/** A person's language; the chart's version moves on with it, so every instance reloads the chart. */
export async function setPersonLocale(db: Db, orgId: number, slackId: string, locale: string): Promise<void> {
  await sqlTransaction(db, async (unit) => {
    await unit.run(sql`UPDATE "Person" SET "locale" = ${locale} WHERE "orgId" = ${orgId} AND "slackId" = ${slackId}`);
    await unit.run(sql`UPDATE "Organisation" SET "chartVersion" = "chartVersion" + 1 WHERE "id" = ${orgId}`);
  });
}

/** How often someone gets their digest (daily | weekly | monthly | off). */
export async function setPersonDigest(db: DbLike, orgId: number, slackId: string, digest: string): Promise<void> {
  await runnerOf(db).run(
    sql`UPDATE "Person" SET "digest" = ${digest} WHERE "orgId" = ${orgId} AND "slackId" = ${slackId}`,
  );
}

/** Changes whenever the chart does; read on every request (plain SQL, a primary-key lookup). */
export async function chartVersionOf(db: DbLike, orgId: number): Promise<number | null> {
  const rows = await runnerOf(db).all<{ chartVersion: number | bigint }>(
    preparedSql(sql`SELECT "chartVersion" FROM "Organisation" WHERE "id" = ${orgId}`),
  );
  return rows[0] ? Number(rows[0].chartVersion) : null;
}

export async function markHomeOpened(db: DbLike, orgId: number, slackId: string, at: Date): Promise<void> {
  await runnerOf(db).run(
    sql`UPDATE "Person" SET "homeOpenedAt" = ${at} WHERE "orgId" = ${orgId} AND "slackId" = ${slackId}`,
  );
}

/** Which of these people have opened App Home since `since`: those whose Home is kept current. */
export async function peopleWatchingHome(
  db: DbLike,
  orgId: number,
  slackIds: string[],
  since: Date,
): Promise<string[]> {
  if (slackIds.length === 0) return [];
  const rows = await runnerOf(db).all<{ slackId: string }>(sql`
    SELECT "slackId" FROM "Person" WHERE "orgId" = ${orgId} AND "homeOpenedAt" >= ${since} AND "slackId" IN
    (${sqlSet(slackIds)})`);
  return rows.map((row) => row.slackId);
}
