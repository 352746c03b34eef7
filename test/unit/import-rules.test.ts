import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const depcruise = path.join(root, 'node_modules/.bin/depcruise');
const config = path.join(root, '.dependency-cruiser.cjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Runs the checker of `npm test`, with the project's config, on a tree of small planted files. */
function cruise(dir: string): { status: number | null; violations: Violation[] } {
  const args = ['src', '--config', config];
  const json = spawnSync(depcruise, [...args, '--output-type', 'json'], { cwd: dir, encoding: 'utf8' });
  const report = JSON.parse(json.stdout) as { summary: { violations: Violation[] } };
  // the exit status of the command as npm test runs it (its default report)
  const asInNpmTest = spawnSync(depcruise, args, { cwd: dir, encoding: 'utf8' });
  return { status: asInNpmTest.status, violations: report.summary.violations };
}

function plant(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

describe('the import rules checked by npm test', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'import-rules-'));
    copyFileSync(path.join(root, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports each planted violation by its rule, and fails the run', () => {
    plant(dir, {
      'src/db/customer-repo.ts': 'export const findCustomer = (id: number) => id;\n',
      'src/generated/sqlite/client.ts': 'export class PrismaClient {}\n',
      'src/jobs/some-job.ts': 'export const job = 1;\n',
      'src/slack/listener.ts':
        "import { findCustomer } from '../db/customer-repo.ts';\nexport const x = findCustomer(1);\n",
      'src/services/service.ts':
        "import { PrismaClient } from '../generated/sqlite/client.ts';\nexport const c = new PrismaClient();\n",
      'src/services/other.ts': "import type { Prisma } from '@prisma/client';\nexport type P = Prisma.JsonValue;\n",
      'src/views/card.ts': "import { c } from '../services/service.ts';\nexport const card = c;\n",
      'src/domain/rule.ts': "import { job } from '../jobs/some-job.ts';\nexport const rule = job;\n",
      'src/services/visits/visit-helper.ts': 'export const helper = 1;\n',
      'src/services/delivery/sender.ts':
        "import { helper } from '../visits/visit-helper.ts';\nexport const s = helper;\n",
      'src/db/sql/sql-runner.ts': 'export const sqlTransaction = 1;\n',
      'src/services/visits/file-visit.ts':
        "import { sqlTransaction } from '../../db/sql/sql-runner.ts';\nexport const f = sqlTransaction;\n",
      'src/lib/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
      'src/lib/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
    });
    const { status, violations } = cruise(dir);
    const found = violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'slack-never-imports-db: src/slack/listener.ts -> src/db/customer-repo.ts',
        'services-never-import-prisma: src/services/service.ts -> src/generated/sqlite/client.ts',
        'views-never-import-services: src/views/card.ts -> src/services/service.ts',
        'services-never-import-prisma: src/services/other.ts -> @prisma/client',
        'domain-stays-pure: src/domain/rule.ts -> src/jobs/some-job.ts',
        'shared-rooms-import-no-feature: src/services/delivery/sender.ts -> src/services/visits/visit-helper.ts',
        'one-unit-of-work: src/services/visits/file-visit.ts -> src/db/sql/sql-runner.ts',
      ]),
    );
    expect(violations.some((v) => v.rule.name === 'no-cycles' && v.from.startsWith('src/lib/'))).toBe(true);
    expect(status).not.toBe(0);
  });

  it('passes a tree that keeps the layers', () => {
    const clean = mkdtempSync(path.join(tmpdir(), 'import-rules-clean-'));
    try {
      copyFileSync(path.join(root, 'tsconfig.json'), path.join(clean, 'tsconfig.json'));
      plant(clean, {
        'src/db/customer-repo.ts': 'export const findCustomer = (id: number) => id;\n',
        'src/services/service.ts':
          "import { findCustomer } from '../db/customer-repo.ts';\nexport const s = findCustomer(1);\n",
        'src/slack/listener.ts': "import { s } from '../services/service.ts';\nexport const x = s;\n",
      });
      expect(cruise(clean)).toEqual({ status: 0, violations: [] });
    } finally {
      rmSync(clean, { recursive: true, force: true });
    }
  });
});
