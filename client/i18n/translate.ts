import { numberFormat } from '../../shared/i18n/intl-formats';
import type { Locale } from '../../shared/i18n/locale';
import type { Message, Params } from './types';

const pluralRules = new Map<Locale, Intl.PluralRules>();

function pluralCategory(locale: Locale, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

/**
 * The text of a message with `{name}` placeholders filled. A plural message picks its form by
 * `params.count` (Intl.PluralRules of the language; a missing form falls back to `other`).
 * Numbers are formatted for the language.
 */
export function formatMessage(locale: Locale, message: Message, params: Params = {}): string {
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const count = typeof params.count === 'number' ? params.count : Number(params.count ?? 0);
    text = message[pluralCategory(locale, count)] ?? message.other;
  }
  if (!text.includes('{')) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? numberFormat(locale).format(v) : v;
  });
}
