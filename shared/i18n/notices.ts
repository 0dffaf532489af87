/**
 * In-app notices (a period returned, approved or reopened) are stored as a code and parameters, not
 * as a sentence, and worded here in the reader's language: one catalog for the client's notices and
 * the server's English copy (the `message` column, kept for API clients and rows from before codes).
 * No zod here: the header's notices menu uses it on every signed-in page.
 */
import type { Locale } from './locale';

export const NOTICE_CODES = ['period_returned', 'period_approved', 'period_reopened'] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

/** What a notice is made of; names and texts as they were when it was sent. */
export interface NoticeParams {
  /** ISO3 of the country (its name is shown in the reader's language). */
  country: string;
  /** The country's stored (English) name, for codes the reader's language lacks. */
  countryName: string;
  /** The period's code: 2024, or 2024-Q1. */
  period: string;
  /** The plan's title, as written. */
  plan: string;
  /** Who returned, approved or reopened it. */
  actor: string;
  /** The reason given on return or reopening, as written. */
  reason?: string | null;
}

interface NoticeText {
  period_approved: string;
  period_returned: string;
  period_reopened: string;
  /** Appended when a reason was given (returns and reopenings always have one). */
  reason: string;
}

/*
 * "Period 2020 (plan), Jordan: …" puts the period first, so no language needs an article or an
 * elided preposition before a country's name (fr "de l'Égypte", "du Maroc"), and the participle
 * agrees with "period" (fr "période … approuvée").
 */
const TEXT: Record<Locale, NoticeText> = {
  en: {
    period_approved: 'Period {period} ({plan}), {country}: approved by {actor}.',
    period_returned: 'Period {period} ({plan}), {country}: returned for correction by {actor}.',
    period_reopened: 'Period {period} ({plan}), {country}: reopened by {actor}.',
    reason: 'Reason: {reason}',
  },
  fr: {
    period_approved: 'Période {period} ({plan}), {country}\u00a0: approuvée par {actor}.',
    period_returned: 'Période {period} ({plan}), {country}\u00a0: renvoyée pour correction par {actor}.',
    period_reopened: 'Période {period} ({plan}), {country}\u00a0: rouverte par {actor}.',
    reason: 'Motif\u00a0: {reason}',
  },
  es: {
    period_approved: 'Período {period} ({plan}), {country}: aprobado por {actor}.',
    period_returned: 'Período {period} ({plan}), {country}: devuelto para corrección por {actor}.',
    period_reopened: 'Período {period} ({plan}), {country}: reabierto por {actor}.',
    reason: 'Motivo: {reason}',
  },
  ar: {
    period_approved: 'الفترة {period} ({plan})، {country}: وافق عليها {actor}.',
    period_returned: 'الفترة {period} ({plan})، {country}: أعادها {actor} للتصحيح.',
    period_reopened: 'الفترة {period} ({plan})، {country}: أعاد {actor} فتحها.',
    reason: 'السبب: {reason}',
  },
};

/** First strong isolate … pop directional isolate: a name keeps its own direction inside any sentence. */
const FSI = '\u2068';
const PDI = '\u2069';

export function isNoticeCode(value: unknown): value is NoticeCode {
  return typeof value === 'string' && (NOTICE_CODES as readonly string[]).includes(value);
}

export interface RenderNoticeOptions {
  /** The country's name in the language (client: i18n-iso-countries); the stored name otherwise. */
  countryName?: (iso3: string, stored: string) => string;
  /**
   * Wrap every name and text in directional isolates (default true), so that an English plan title
   * in an Arabic sentence does not carry the sentence's punctuation to the wrong side. Off for the
   * stored English copy.
   */
  isolate?: boolean;
}

/** The notice as a sentence in the language, its reason (if any) after it. */
export function renderNotice(
  locale: Locale,
  code: NoticeCode,
  params: NoticeParams,
  options: RenderNoticeOptions = {},
): string {
  const text = TEXT[locale] ?? TEXT.en;
  const wrap = (s: string) => (options.isolate === false ? s : `${FSI}${s}${PDI}`);
  const country = options.countryName?.(params.country, params.countryName) ?? params.countryName;
  const vars: Record<string, string> = {
    period: wrap(params.period),
    plan: wrap(params.plan),
    country: wrap(country),
    actor: wrap(params.actor),
    reason: wrap(params.reason ?? ''),
  };
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
  const sentence = fill(text[code]);
  const reason = params.reason?.trim();
  return reason ? `${sentence} ${fill(text.reason)}` : sentence;
}
