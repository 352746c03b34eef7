import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/lib/logger.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { approvalMessageOf, dmsTo, fileVisitAs, openedView, untilStatus, visitValues } from '../support/visit-flow.ts';

/** Every line the bot logs, as written. */
class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
}

// the digits of every phone the flows below type, in each way they are typed
const TYPED_DIGITS = ['13866667777', '1386666', '66667777', '0912345678', '912345678', '13855556666', '5555 6666'];

describe.each(PROVIDERS)('phones in debug logs on %s', (provider) => {
  let h: Harness;
  const capture = new LogCapture();
  beforeAll(async () => {
    h = await startHarness({ provider, logger: createLogger('debug', capture) });
  });
  afterAll(async () => h?.stop());

  it('logs request bodies at debug level in filing, returning, editing, duplicates, lookups: no phone', async () => {
    await fileVisitAs(h, 'U0SALES001', { phone: '138 6666 7777', customerName: '吳先生' });
    const visit = await h.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
    const reasonView = await openedView(h, () =>
      h.driver.clickButton('U0TLEAD001', approvalMessageOf(h, visit.id), 'visit_return'),
    );
    await h.driver.submitView('U0TLEAD001', reasonView, { reason: '請補預算' });
    await untilStatus(h, visit.id, 'returned');
    const editView = await openedView(h, () =>
      h.driver.clickButton('U0SALES001', dmsTo(h, 'U0SALES001').at(-1)!, 'visit_edit'),
    );
    expect(JSON.stringify(editView.view)).toContain('13866667777');
    await h.driver.submitView('U0SALES001', editView, visitValues(h, { phone: '13866667777', customerName: '吳先生' }));
    await untilStatus(h, visit.id, 'pending');
    await fileVisitAs(h, 'U0SALES003', { phone: '+86 138-6666-7777', customerName: '吳先生' });
    await fileVisitAs(h, 'U0SALES002', { phone: '0912345678', customerName: '陳小姐' });
    const bad = await openedView(h, () => h.driver.command('U0SALES002', '/visit'));
    await h.driver.submitView('U0SALES002', bad, visitValues(h, { phone: '1385555666', partySize: '0' }));
    await h.driver.command('U0TLEAD001', '/visit', '13866667777');
    await h.driver.command('U0SALES001', '/visit', '138 5555 6666');

    const text = capture.lines.join('\n');
    expect(capture.lines.some((line) => line.includes('"component":"bolt"') && line.includes('"level":20'))).toBe(true);
    expect(text).toContain('[redacted]');
    for (const digits of TYPED_DIGITS) expect(text).not.toContain(digits);
    expect(text).not.toMatch(/138[ -]?6666[ -]?7777/);
    // the edit modal's prefilled phone, as Bolt's Web API client logs the request body
    expect(text).toContain('\\"initial_value\\":\\"[redacted]\\"');
  });
});
