import { describe, expect, it } from 'vitest';
import { t, type MessageKey } from '../../src/i18n/index.ts';
import { zhHant } from '../../src/i18n/zh-hant.ts';
import { TAIWAN_WORDS, zhHantTw } from '../../src/i18n/zh-hant-tw.ts';

const SEED_WORDS = TAIWAN_WORDS.map(([seed]) => seed);
const keys = Object.keys(zhHant) as MessageKey[];

describe('the zh-Hant-TW variant of the catalogue', () => {
  it('leaves every default text as the seed wrote it', () => {
    expect(t('zh-Hant', 'feedback.modal.title')).toBe('銷售信息反饋');
    expect(t('zh-Hant', 'visit.source.online')).toBe('網絡');
    expect(t('zh-Hant', 'metric.share')).toBe('市場占有率 %');
    expect(t('zh-Hant', 'stage.mortgage')).toBe('銀行按揭');
    for (const key of keys) expect(t('zh-Hant', key), key).toBe(zhHant[key]);
  });

  it("uses Taiwan's words in every entry that has one of the seed's, and changes nothing else", () => {
    const differing = keys.filter((key) => zhHantTw[key] !== zhHant[key]);
    expect(differing.sort()).toEqual(keys.filter((key) => SEED_WORDS.some((w) => zhHant[key].includes(w))).sort());
    expect(differing).toEqual(
      expect.arrayContaining([
        'feedback.modal.title',
        'feedback.type.market_info',
        'metric.share',
        'visit.source.online',
        'stage.mortgage',
        'home.commands',
      ]),
    );
    for (const key of keys)
      expect(
        SEED_WORDS.filter((w) => t('zh-Hant-TW', key).includes(w)),
        key,
      ).toEqual([]);
    expect(t('zh-Hant-TW', 'feedback.modal.title')).toBe('銷售資訊反饋');
    expect(t('zh-Hant-TW', 'visit.source.online')).toBe('網路');
    expect(t('zh-Hant-TW', 'metric.share')).toBe('市場佔有率 %');
    expect(t('zh-Hant-TW', 'role.site_secretary')).toBe('女專');
  });
});
