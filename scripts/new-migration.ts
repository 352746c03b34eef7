// Creates a migration for both providers without `prisma migrate dev` (which needs a shadow
// database the offline adapters cannot give). It diffs the schema as of the last migration
// (prisma/<provider>/last-migrated.prisma) against the current schema and commits the SQL.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const name = (process.argv[2] ?? '').trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run migration:new -- <snake_case_name>');
  process.exit(2);
}

const providers = [
  { dir: 'sqlite', url: 'file:./data/generate-only.db' },
  // The diff reads no database; a file URL keeps prisma.config.ts from dialling PostgreSQL.
  { dir: 'postgres', url: 'file:./data/generate-only.db' },
];
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
let wrote = 0;

for (const provider of providers) {
  const root = path.join('prisma', provider.dir);
  const schema = path.join(root, 'schema.prisma');
  const snapshot = path.join(root, 'last-migrated.prisma');
  const from = existsSync(snapshot) ? ['--from-schema-datamodel', snapshot] : ['--from-empty'];
  const sql = execFileSync('npx', ['prisma', 'migrate', 'diff', ...from, '--to-schema-datamodel', schema, '--script'], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: provider.url },
  });
  if (/^-- This is an empty migration\.\s*$/m.test(sql) || sql.trim() === '') {
    console.log(`${provider.dir}: no schema change`);
    continue;
  }
  const folder = path.join(root, 'migrations', `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'migration.sql'), sql);
  copyFileSync(schema, snapshot);
  console.log(`${provider.dir}: wrote ${folder}/migration.sql`);
  wrote += 1;
}
if (wrote === 0) console.log('Nothing to migrate.');
