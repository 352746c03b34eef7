import { describe, expect, it } from 'vitest';
import { phoneSummaryMessage, type PhoneCallShown } from '../../src/views/accounts/phone-call-views.ts';
import { BRAND_ORG } from '../support/harness.ts';
import { chartFromFile } from '../support/org-fixtures.ts';

const chart = chartFromFile(BRAND_ORG);
const call = (id: number, callerId: string, code: string): PhoneCallShown => ({
  id,
  code,
  name: `客戶${code}`,
  kind: 'distributor',
  market: 'E',
  callerId,
  reasons: [],
  status: 'made',
  outcome: 'reached',
  nextStep: '',
});

describe("the week's phone-visit summary", () => {
  it("puts each CSR's calls under her own line, not one list after the last CSR", () => {
    const [first, second] = ['U0CSREP001', 'U0CSREP002'];
    const calls = [call(1, first, 'AA01'), call(2, second, 'BB01'), call(3, first, 'AA02')];
    const message = phoneSummaryMessage({ week: '2026-W48', calls, chart, locale: 'zh-Hant' });
    const sections = message.blocks.slice(1).map((b) => JSON.stringify(b));
    expect(sections).toHaveLength(2);
    expect(sections[0]).toContain(chart.nameOf(first));
    expect(sections[0]).toContain('AA01');
    expect(sections[0]).toContain('AA02');
    expect(sections[0]).not.toContain('BB01');
    expect(sections[1]).toContain(chart.nameOf(second));
    expect(sections[1]).toContain('BB01');
    expect(sections[1]).not.toContain('AA0');
  });
});
