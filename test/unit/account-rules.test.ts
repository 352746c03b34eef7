import { describe, expect, it } from 'vitest';
import { checkAccountFields, parseOpenedOn } from '../../src/domain/accounts/account-fields.ts';
import { checkImport, mapHeadings } from '../../src/domain/accounts/check-import.ts';
import { chartFromFile } from '../support/org-fixtures.ts';
import { BRAND_ORG } from '../support/harness.ts';

const chart = chartFromFile(BRAND_ORG);
const empty = { kinds: new Map<string, string>(), byNamePhone: new Map<string, string>() };
const base = { code: 'A1', name: '甲', kind: '經銷商', market: '華東', opened: '2024-03-05' };

describe('account rules', () => {
  it('reads dates as the ERP writes them, and refuses impossible days', () => {
    expect(parseOpenedOn('2024/3/5')).toBe('2024-03-05');
    expect(parseOpenedOn('20240305')).toBe('2024-03-05');
    expect(parseOpenedOn('2024-02-30')).toBeUndefined();
    expect(parseOpenedOn('next week')).toBeUndefined();
  });

  it('takes a market by code or name and an owner by name or Slack id, of that market only', () => {
    expect(checkAccountFields({ ...base, market: 'E', owner: '彭麗' }, chart)).toMatchObject({
      market: 'E',
      ownerId: 'U0KEYACC01',
    });
    expect(checkAccountFields({ ...base, owner: 'U0SALREP03' }, chart)).toMatchObject({ ownerId: 'U0SALREP03' });
    expect(checkAccountFields({ ...base, owner: '袁芳' }, chart)).toEqual({ reason: 'owner_market', value: '袁芳' });
    expect(checkAccountFields({ ...base, owner: '何麗君' }, chart)).toEqual({ reason: 'owner', value: '何麗君' });
  });

  it('refuses a distributor under a distributor and a phone that is not one', () => {
    expect(checkAccountFields({ ...base, distributor: 'X' }, chart)).toMatchObject({
      reason: 'distributor_of_distributor',
    });
    expect(checkAccountFields({ ...base, phone: '12' }, chart)).toMatchObject({ reason: 'phone' });
    expect(checkAccountFields({ ...base, phone: '138 1234 5678' }, chart)).toMatchObject({
      contactPhone: '+8613812345678',
    });
  });

  it('maps the ERP headings in Chinese or English and names the missing ones', () => {
    expect(mapHeadings(['\uFEFF客户编码', 'Name', '类型']).missing).toEqual(['market', 'opened']);
  });

  it('checks across rows: a code twice, an unknown distributor, the same name and phone', () => {
    const heading = ['code', 'name', 'kind', 'distributor', 'market', 'opened', 'phone'];
    const result = checkImport(
      [
        heading,
        ['D1', '甲', '經銷商', '', 'E', '2024-01-01', '13800000001'],
        ['O1', '乙', '網點', 'D1', 'E', '2024-01-01', ''],
        ['O2', '丙', '網點', 'O1', 'E', '2024-01-01', ''],
        ['D1', '丁', '經銷商', '', 'E', '2024-01-01', ''],
        ['D2', '甲', '經銷商', '', 'E', '2024-01-01', '13800000001'],
      ],
      chart,
      empty,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { line: 4, reason: 'unknown_distributor', value: 'O1' },
        { line: 5, reason: 'code_twice', value: '2' },
        { line: 6, reason: 'same_name_phone', value: 'D1' },
      ],
    });
  });
});
