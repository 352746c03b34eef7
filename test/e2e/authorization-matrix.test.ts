import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgChart } from '../../src/domain/org/org-chart.ts';
import { BRAND_ORG, PROPERTY_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { chartFromFile } from '../support/org-fixtures.ts';
import { approvalMessageOf, fileVisitAs } from '../support/visit-flow.ts';

const REFUSED = /沒有權限|不能查看|只有|尚未列入|找不到/;
const STRANGER = 'U0STRANGER';

/** One row per command: who the table says may run it, and how to tell an answer that let them. */
interface Cell {
  name: string;
  text: (subject: string) => [string, string];
  allowed: (chart: OrgChart, viewer: string, subject: string) => boolean;
  /** In an allowed answer; never in a refused one (no data leaked). */
  leak: (chart: OrgChart, subject: string) => string;
}

const CELLS: Cell[] = [
  { name: '/org @someone', text: (s) => ['/org', `<@${s}>`], allowed: (c, v, s) => v === s || c.isLeadership(v) || c.isAbove(v, s), leak: (c, s) => `${c.nameOf(s)}・` },
  { name: '/targets @someone', text: (s) => ['/targets', `<@${s}>`], allowed: (c, v, s) => c.canSee(v, s), leak: (c, s) => `${c.nameOf(s)} 的目標與達成` },
  { name: '/targets 全公司', text: () => ['/targets', '全公司'], allowed: (c, v) => c.isLeadership(v), leak: (c) => `${c.data.name} 全公司目標與達成` },
  { name: '/focus status', text: () => ['/focus', 'status'], allowed: (c, v) => c.isLeadership(v) || c.isSsg(v), leak: () => '尚未發佈' },
];

describe.each([
  ['property site', PROPERTY_ORG, 'U0SALES003'],
  ['brand', BRAND_ORG, 'U0SALREP01'],
] as const)('authorization matrix, %s (SQLite)', (_label, orgFile, subject) => {
  let h: Harness;
  const chart = chartFromFile(orgFile);
  const people = [...chart.people.map((p) => p.slackId), STRANGER];
  beforeAll(async () => {
    h = await startHarness({ provider: 'sqlite', orgFile });
  });
  afterAll(async () => h?.stop());

  for (const cell of CELLS) {
    it(`${cell.name}: every role allowed or refused as the table says, with nothing leaked`, async () => {
      for (const viewer of people) {
        const [command, text] = cell.text(subject);
        const answer = answerText((await h.driver.command(viewer, command, text)).json);
        const expected = chart.person(viewer) !== undefined && cell.allowed(chart, viewer, subject);
        if (expected) {
          expect(answer, `${viewer} should be allowed`).toContain(cell.leak(chart, subject));
        } else {
          expect(answer, `${viewer} should be refused`).toMatch(REFUSED);
          expect(answer, `${viewer} saw data`).not.toContain(cell.leak(chart, subject));
        }
      }
    }, 60_000);
  }

  it('approve on a registration: only the filer\'s chain (and the acting deputy) decide; everyone else changes nothing', async () => {
    await fileVisitAs(h, subject, chart.template === 'brand-sales' ? { account: '滬東分銷', purpose: 'order', outcome: '訂貨' } : { phone: '13711112222' });
    const visit = await h.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
    const message = structuredClone(approvalMessageOf(h, visit.id));
    for (const clicker of people) {
      await h.bot.db.visit.update({ where: { id: visit.id }, data: { status: 'pending', decidedBy: null, decidedAt: null } });
      const before = h.fake.calls.length;
      await h.driver.clickButton(clicker, message, 'visit_approve');
      const allowed = chart.mayApproveFor(clicker, subject);
      if (allowed) {
        await expect.poll(async () => (await h.bot.db.visit.findUniqueOrThrow({ where: { id: visit.id } })).decidedBy, { message: clicker }).toBe(clicker);
      } else {
        await expect.poll(() => h.fake.calls.slice(before).some((c) => c.method === 'chat.postEphemeral' && c.args.user === clicker), { message: clicker }).toBe(true);
        const after = await h.bot.db.visit.findUniqueOrThrow({ where: { id: visit.id } });
        expect(after.status, clicker).toBe('pending');
        const refusal = h.fake.calls.slice(before).find((c) => c.method === 'chat.postEphemeral')!;
        expect(String(refusal.args.text), clicker).not.toContain('138');
      }
    }
  }, 60_000);
});
