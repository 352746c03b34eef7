import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * A brand org in the ORG_FILE format with `below` people under one market manager
 * (MM → UMs → KAMs → reps), for the /targets team benchmark.
 */
export function writeBigOrg(file: string, below: number): { mm: string; people: string[] } {
  const lines = [
    'organisation: { name: 大型品牌銷售部, template: brand-sales, timezone: Asia/Shanghai, locale: zh-Hant }',
    'channels: { ssg: C0SSGDESK1, announcements: C0ANNOUNC2, fsf: C0FIELDSF1 }',
    'markets:',
    '  - { code: E, name: 華東, owner: U0DEPDIR01 }',
    'people:',
    '  - { slack: U0GENMGR01, name: 總經理, role: general_manager }',
    '  - { slack: U0SALDIR02, name: 銷售總監, role: sales_director, reports_to: [U0GENMGR01] }',
    '  - { slack: U0DEPDIR01, name: 銷售副總監, role: deputy_sales_director, reports_to: [U0SALDIR02] }',
    '  - { slack: U0MKTMGR01, name: 市場經理, role: market_manager, reports_to: [U0DEPDIR01], markets: [E] }',
  ];
  const people: string[] = [];
  const id = (prefix: string, n: number) => `U${prefix}${String(n).padStart(6, '0')}`;
  let count = 0;
  for (let u = 0; count < below; u += 1) {
    const um = id('UM', u);
    lines.push(`  - { slack: ${um}, name: 區域經理${u}, role: unit_manager, reports_to: [U0MKTMGR01] }`);
    people.push(um);
    count += 1;
    for (let k = 0; k < 5 && count < below; k += 1) {
      const kam = id('KA', u * 10 + k);
      lines.push(`  - { slack: ${kam}, name: 客戶經理${u}-${k}, role: key_account_manager, reports_to: [${um}] }`);
      people.push(kam);
      count += 1;
      for (let r = 0; r < 8 && count < below; r += 1) {
        const rep = id('RP', (u * 10 + k) * 10 + r);
        lines.push(`  - { slack: ${rep}, name: 銷售代表${u}-${k}-${r}, role: sales_rep, reports_to: [${kam}] }`);
        people.push(rep);
        count += 1;
      }
    }
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { mm: 'U0MKTMGR01', people };
}

/** `count` recorded actuals over 12 months for these people, with the per-month totals the bot keeps beside them. */
export function seedActuals(dbFile: string, orgId: number, people: string[], year: number, count: number): number {
  const db = new Database(dbFile);
  db.pragma('synchronous = OFF');
  const started = performance.now();
  const insert = db.prepare(
    `INSERT INTO Actual (orgId, month, personId, marketCode, account, metric, value, source, createdBy, createdAt)` +
      ` VALUES (?, ?, ?, '', '經銷商', ?, ?, 'manual', ?, ?)`,
  );
  const totals = new Map<string, number>();
  const metrics = ['amount', 'volume', 'coverage'];
  const at = new Date(`${year}-06-01T00:00:00Z`).toISOString().replace('Z', '+00:00');
  const batch = db.transaction((start: number, end: number) => {
    for (let i = start; i < end; i += 1) {
      const person = people[i % people.length];
      // every person gets every month and metric
      const month = `${year}-${String((Math.floor(i / people.length) % 12) + 1).padStart(2, '0')}`;
      const metric = metrics[Math.floor(i / (people.length * 12)) % 3];
      const value = (i % 97) * 100;
      insert.run(orgId, month, person, metric, value, person, at);
      const key = `${person}|${month}|${metric}`;
      totals.set(key, (totals.get(key) ?? 0) + value);
    }
  });
  for (let start = 0; start < count; start += 50_000) batch(start, Math.min(count, start + 50_000));
  const insertTotal = db.prepare(
    'INSERT INTO ActualTotal (orgId, personId, month, metric, value) VALUES (?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const [key, value] of totals) {
      const [person, month, metric] = key.split('|');
      insertTotal.run(orgId, person, month, metric, value);
    }
  })();
  db.close();
  return (performance.now() - started) / 1000;
}
