import type { MeetingOverride, OrgFile } from '../domain/org/org-file-schema.ts';
import type { OrgChartData, OrgPerson } from '../domain/org/org-chart.ts';
import type { Role, Template } from '../domain/org/roles.ts';
import type { Prisma } from '../generated/sqlite/client.ts';
import type { Db, DbOrTx } from './database.ts';
import { sql, sqlList } from './sql/sql-query.ts';
import { runnerOf, type DbLike } from './sql/sql-runner.ts';

export interface ImportSummary {
  orgId: number;
  people: number;
  added: number;
  updated: number;
  deactivated: number;
}

const json = (value: unknown): string => JSON.stringify(value ?? []);
const list = (value: string): string[] => JSON.parse(value) as string[];

/**
 * Writes an org file into the database. Idempotent: the same file twice changes nothing. People
 * missing from the new file are deactivated, never deleted, so their records stay.
 */
export async function importOrgFile(db: Db, file: OrgFile, now: Date): Promise<ImportSummary> {
  return db.$transaction(async (tx) => {
    const orgFields = {
      template: file.organisation.template,
      timezone: file.organisation.timezone,
      locale: file.organisation.locale,
      channels: JSON.stringify(file.channels),
      admins: json(file.admins),
      meetings: JSON.stringify(file.meetings),
      importedAt: now,
    };
    const org = await tx.organisation.upsert({
      where: { name: file.organisation.name },
      create: { name: file.organisation.name, ...orgFields },
      update: { ...orgFields, chartVersion: { increment: 1 } },
    });
    const existing = await tx.person.findMany({ where: { orgId: org.id } });
    const existingById = new Map(existing.map((p) => [p.slackId, p]));
    const newcomers: Prisma.PersonCreateManyInput[] = [];
    let updated = 0;
    for (const entry of file.people) {
      const fields = {
        name: entry.name,
        role: entry.role,
        reportsTo: json(entry.reports_to),
        markets: json(entry.markets),
        accounts: json(entry.accounts),
        duties: json(entry.duties),
        area: entry.area ?? null,
        active: true,
      };
      const before = existingById.get(entry.slack);
      if (!before) {
        newcomers.push({ orgId: org.id, slackId: entry.slack, ...fields });
        continue;
      }
      const changed = (Object.keys(fields) as (keyof typeof fields)[]).some((key) => before[key] !== fields[key]);
      if (changed) {
        await tx.person.update({ where: { id: before.id }, data: fields });
        updated += 1;
      }
    }
    // at once: a row at a time, a 5,000-person org outlasted the transaction's time limit on PostgreSQL
    if (newcomers.length > 0) await tx.person.createMany({ data: newcomers });
    const keep = new Set(file.people.map((p) => p.slack));
    const leaving = existing.filter((p) => p.active && !keep.has(p.slackId)).map((p) => p.id);
    if (leaving.length > 0) await tx.person.updateMany({ where: { id: { in: leaving } }, data: { active: false } });

    const codes = new Set(file.markets.map((m) => m.code));
    for (const market of file.markets) {
      const fields = { name: market.name, owner: market.owner ?? '', active: true };
      await tx.market.upsert({
        where: { orgId_code: { orgId: org.id, code: market.code } },
        create: { orgId: org.id, code: market.code, ...fields },
        update: fields,
      });
    }
    await tx.market.updateMany({ where: { orgId: org.id, code: { notIn: [...codes] } }, data: { active: false } });
    return { orgId: org.id, people: file.people.length, added: newcomers.length, updated, deactivated: leaving.length };
  });
}

/** The chart as last imported, or null before the first import. */
export async function loadOrgChartData(db: DbOrTx, orgName?: string): Promise<OrgChartData | null> {
  const org = orgName
    ? await db.organisation.findUnique({ where: { name: orgName } })
    : await db.organisation.findFirst({ orderBy: { importedAt: 'desc' } });
  if (!org) return null;
  const [people, markets] = await Promise.all([
    db.person.findMany({ where: { orgId: org.id }, orderBy: { id: 'asc' } }),
    db.market.findMany({ where: { orgId: org.id, active: true }, orderBy: { id: 'asc' } }),
  ]);
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
    channels: JSON.parse(org.channels) as Record<string, string>,
    admins: list(org.admins),
    meetings: JSON.parse(org.meetings) as Record<string, MeetingOverride>,
    people: active,
    markets: markets.map((m) => ({ code: m.code, name: m.name, owner: m.owner })),
    formerNames: Object.fromEntries(people.filter((p) => !p.active).map((p) => [p.slackId, p.name])),
  };
}

export async function setPersonLocale(db: Db, orgId: number, slackId: string, locale: string): Promise<void> {
  await db.$transaction([
    db.person.update({ where: { orgId_slackId: { orgId, slackId } }, data: { locale } }),
    db.organisation.update({ where: { id: orgId }, data: { chartVersion: { increment: 1 } } }),
  ]);
}

/** How often someone gets their digest (daily | weekly | monthly | off). */
export async function setPersonDigest(db: DbOrTx, orgId: number, slackId: string, digest: string): Promise<void> {
  await db.person.update({ where: { orgId_slackId: { orgId, slackId } }, data: { digest } });
}

/** Changes whenever the chart does; read on every request (plain SQL, a primary-key lookup). */
export async function chartVersionOf(db: DbLike, orgId: number): Promise<number | null> {
  const rows = await runnerOf(db).all<{ chartVersion: number | bigint }>(sql`SELECT "chartVersion" FROM "Organisation" WHERE "id" = ${orgId}`);
  return rows[0] ? Number(rows[0].chartVersion) : null;
}

export async function lastImportedAt(db: DbOrTx, orgId: number): Promise<Date | null> {
  const org = await db.organisation.findUnique({ where: { id: orgId }, select: { importedAt: true } });
  return org?.importedAt ?? null;
}

export async function markHomeOpened(db: DbLike, orgId: number, slackId: string, at: Date): Promise<void> {
  await runnerOf(db).run(sql`UPDATE "Person" SET "homeOpenedAt" = ${at} WHERE "orgId" = ${orgId} AND "slackId" = ${slackId}`);
}

/** Which of these people have opened App Home since `since`: those whose Home is kept current. */
export async function peopleWatchingHome(db: DbLike, orgId: number, slackIds: string[], since: Date): Promise<string[]> {
  const watching: string[] = [];
  for (let i = 0; i < slackIds.length; i += 500) {
    const chunk = slackIds.slice(i, i + 500);
    const rows = await runnerOf(db).all<{ slackId: string }>(sql`
      SELECT "slackId" FROM "Person" WHERE "orgId" = ${orgId} AND "homeOpenedAt" >= ${since} AND "slackId" IN (${sqlList(chunk)})`);
    watching.push(...rows.map((row) => row.slackId));
  }
  return watching;
}
