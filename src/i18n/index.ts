import { en } from './en.ts';
import { zhHant, type MessageKey } from './zh-hant.ts';
import { zhHantTw } from './zh-hant-tw.ts';

export type { MessageKey };
/** zh-Hant-TW is not chosen by a person: an organisation's variant of zh-Hant (see localeOf). */
export type Locale = 'zh-Hant' | 'zh-Hant-TW' | 'en';
export const LOCALES: readonly Locale[] = ['zh-Hant', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-Hant';

const catalogues: Record<Locale, Record<MessageKey, string>> = { 'zh-Hant': zhHant, 'zh-Hant-TW': zhHantTw, en };

export type MessageParams = Record<string, string | number>;

/** The sentence for a key in a locale, with {placeholders} filled in. */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogues[locale][key] ?? catalogues[DEFAULT_LOCALE][key];
  if (template.includes(', plural,')) return fill(splitAtPlaceholders(plurals(template, locale, params)), params);
  let parts = split.get(template);
  if (!parts) {
    parts = splitAtPlaceholders(template);
    split.set(template, parts);
  }
  return fill(parts, params);
}

/**
 * Each template split once at its placeholders: a card or a list asks for dozens of sentences, and a
 * regular expression over each, every time, was 4% of the bot's CPU on an approval.
 */
const split = new Map<string, string[]>();

/** Literal text at even places, placeholder names at odd ones. */
function splitAtPlaceholders(template: string): string[] {
  return template.split(/\{(\w+)\}/);
}

function fill(parts: string[], params: MessageParams): string {
  if (parts.length === 1) return parts[0];
  let text = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    text += (Object.hasOwn(params, name) ? String(params[name]) : `{${name}}`) + parts[i + 1];
  }
  return text;
}

export function toLocale(value: string | null | undefined): Locale | undefined {
  if (!value) return undefined;
  const lowered = value.toLowerCase();
  if (lowered === 'en' || lowered.startsWith('en-') || lowered === 'english') return 'en';
  if (['zh-hant', 'zh-tw', 'zh-hk', 'zh', 'zh_tw', '中文', '繁體', '繁體中文'].includes(lowered)) return 'zh-Hant';
  return undefined;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhHant, key);
}

/** The prefixes of the catalogue's keys at their dots: 'issue' and 'issue.status' for 'issue.status.open'. */
type PrefixesOf<K extends string> = K extends `${infer Head}.${infer Rest}`
  ? Head | `${Head}.${PrefixesOf<Rest>}`
  : never;
export type KeyPrefix = PrefixesOf<MessageKey>;

/** The key of a stored value under a prefix (`issue.status` and `open`), if the catalogue has it. */
export function keyFor(prefix: KeyPrefix, value: string): MessageKey | undefined {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? key : undefined;
}

/** The text of a stored value (a status, a type, a metric); a value the catalogue lacks shows as itself. */
export function tFor(locale: Locale, prefix: KeyPrefix, value: string, params?: MessageParams): string {
  const key = keyFor(prefix, value);
  return key ? t(locale, key, params) : value;
}

const PLURAL = /\{(\w+), plural,((?:\s*\w+ \{[^{}]*\})+)\s*\}/g;

/** Building plural rules costs far more than asking them: one per language. */
const pluralRules = new Map<Locale, Intl.PluralRules>();

/** `{count, plural, one {# person} other {# people}}`: the form the language's plural rules pick. */
function plurals(template: string, locale: Locale, params: MessageParams): string {
  if (!template.includes(', plural,')) return template;
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return template.replace(PLURAL, (whole, name: string, forms: string) => {
    if (!(name in params)) return whole;
    const value = Number(params[name]);
    const byCategory = new Map([...forms.matchAll(/(\w+) \{([^{}]*)\}/g)].map((m) => [m[1], m[2]]));
    const form = byCategory.get(rules.select(value)) ?? byCategory.get('other') ?? '';
    return form.replace(/#/g, String(params[name]));
  });
}
