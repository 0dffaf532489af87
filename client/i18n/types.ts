import type { en } from './locales/en';

/** A message: a text, or a text per plural category (Intl.PluralRules: Arabic uses all six). */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;

/** English is the source: its keys are the keys every catalog must have, and only those. */
export type MessageKey = keyof typeof en;
export type Catalog = { [K in MessageKey]: (typeof en)[K] extends string ? string : PluralMessage };
export type Params = Record<string, string | number>;
