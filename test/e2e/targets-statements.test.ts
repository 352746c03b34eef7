import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { sentDuring } from '../support/pg-sent.ts';
import { POSTGRES_AVAILABLE } from '../support/test-database.ts';

// `/targets` is the command people run most: on a site it is its roll-up and the period's 退訂, in ONE
// statement, whatever the periods shown (a bench saw three, each period's deals counted apart; then two)
describe.skipIf(!POSTGRES_AVAILABLE)('/targets on a site on PostgreSQL', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provider: 'postgres', clock: new FixedClock(new Date('2026-11-26T02:00:00Z')) });
  });
  afterAll(async () => h?.stop());

  it('reads its month and quarter, and their cancellations, in one statement', async () => {
    await h.driver.command('U0SALES001', '/targets'); // the connections warm, the chart loaded
    let answer = '';
    const sent = await sentDuring(async () => {
      answer = answerText((await h.driver.command('U0TLEAD001', '/targets')).json);
    });
    expect(answer).toContain('2026-11');
    expect(answer).toContain('2026-Q4');
    const reads = sent.filter((s) => /"Target"|"ActualTotal"|"Deal"/.test(s.text));
    expect(reads).toHaveLength(1);
    expect(reads[0].text).toMatch(/"Target"[\s\S]*"ActualTotal"[\s\S]*"Deal"/);
    expect(sent.some((s) => s.text.includes('"DealChange"'))).toBe(false);
  });
});
