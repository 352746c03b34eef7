import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { t } from '../../src/i18n/index.ts';
import { zhHant } from '../../src/i18n/zh-hant.ts';
import { BRAND_ROLES, PROPERTY_ROLES } from '../../src/domain/org/roles.ts';

// `{count}` and `{count, plural, one {…} other {…}}` both name the placeholder count
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort();

describe('message catalogue', () => {
  it('has the same keys and placeholders in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhHant).sort());
    for (const key of Object.keys(zhHant) as (keyof typeof zhHant)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zhHant[key]));
    }
  });

  it('says "1 person" and "2 people" in English, and 人 in Chinese either way', () => {
    const params = (party: number) => ({ at: '', party, source: '', type: '', grade: 'A' });
    expect(t('en', 'visit.approval.visit', params(1))).toContain('1 person ·');
    expect(t('en', 'visit.approval.visit', params(2))).toContain('2 people ·');
    expect(t('zh-Hant', 'visit.approval.visit', params(1))).toContain('1 人');
    expect(t('en', 'org.reload.done', { people: 1, added: 0, updated: 0, deactivated: 0 })).toContain('1 person,');
    for (const [key, text] of Object.entries(en)) expect(text, key).not.toMatch(/\{\w+\} (people|days|visits|items)\b/);
  });

  it('fills each placeholder with its value as given, every time, and leaves one without a value as it was', () => {
    const params = { filer: '林{by}', id: 12, customer: '$& 王先生', by: '周子豪' };
    const expected = '林{by} 的來訪登記 #12（$& 王先生）已由 周子豪 通過，客戶檔案已更新。';
    expect(t('zh-Hant', 'visit.thread.approved', params)).toBe(expected);
    expect(t('zh-Hant', 'visit.thread.approved', params)).toBe(expected);
    expect(t('zh-Hant', 'visit.thread.approved', { filer: 'A', id: 1, customer: 'C' })).toBe(
      'A 的來訪登記 #1（C）已由 {by} 通過，客戶檔案已更新。',
    );
    expect(t('zh-Hant', 'visit.thread.approved', { filer: 'A', id: 0, customer: '', by: 'constructor' })).toContain(
      '#0（）已由 constructor',
    );
  });

  it('names every role of both templates', () => {
    for (const role of [...PROPERTY_ROLES, ...BRAND_ROLES]) expect(`role.${role}` in zhHant, role).toBe(true);
  });

  it("uses the users' own terms by default", () => {
    expect(t('zh-Hant', 'role.site_secretary')).toBe('女專');
    expect(t('zh-Hant', 'role.key_account_manager')).toBe('客戶經理');
    expect(t('en', 'org.lang.set')).toContain('English');
  });
});

describe('Prisma schemas', () => {
  it('keep the same models for SQLite and PostgreSQL', () => {
    const models = (provider: string) =>
      readFileSync(path.resolve(import.meta.dirname, `../../prisma/${provider}/schema.prisma`), 'utf8').replace(
        /^[\s\S]*?\n(\/\/\/|model )/,
        '$1',
      );
    expect(models('postgres')).toBe(models('sqlite'));
  });
});
