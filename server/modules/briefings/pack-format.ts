import type { Locale } from '../../../shared';
import {
  effectiveMeSection,
  ME_FIELDS,
  ME_STEPS,
  type MeFieldDef,
  type MeSectionContent,
  type MeSectionView,
  type MeSource,
  type MeStep,
  type PeerGroupType,
} from '../../../shared';
import { ME_PROFILE_TEXT, type MeProfileText } from '../../../shared/i18n/me-profile';
import { type ReportI18n, reportI18n } from '../reports/i18n';
import { countryNamer } from './country-names';

/** The words and formats of a pack in one language: report chrome, profile labels, country names. */
export interface PackText {
  i18n: ReportI18n;
  me: MeProfileText;
  country: (c: { iso3: string; name: string }) => string;
}

export function packText(lang: Locale): PackText {
  return { i18n: reportI18n(lang), me: ME_PROFILE_TEXT[lang], country: countryNamer(lang) };
}

const FIELD_DEFS = new Map<string, { step: MeStep; def: MeFieldDef }>(
  ME_STEPS.flatMap((step) => ME_FIELDS[step].map((def) => [def.key, { step, def }] as const)),
);
export const fieldDef = (key: string) => FIELD_DEFS.get(key)?.def;

type Value = boolean | number | string | string[] | null | undefined;

/** A field's value in words: yes/no as words, options by their labels, numbers and dollars in the language. */
export function formatMeValue(pt: PackText, def: MeFieldDef | undefined, value: Value): string {
  if (value === null || value === undefined) return '—';
  const option = (o: string) => (def?.options ? pt.me.options[def.options][o] : undefined) ?? o;
  if (typeof value === 'boolean') return value ? pt.me.yes : pt.me.no;
  if (typeof value === 'number')
    return def?.kind === 'amount_usd' ? pt.i18n.money(value, 'USD') : pt.i18n.num(value, 0);
  if (Array.isArray(value)) {
    if (def?.kind === 'list') return value.map((v) => `• ${v}`).join('\n');
    // Not a comma: option labels hold commas ("AMR surveillance, human health").
    return value.map(option).join(pt.i18n.rtl ? '؛ ' : '; ');
  }
  return def?.kind === 'single' ? option(value) : value;
}

/** The sources a section cites by number (1-based into its list). */
export const citedSources = (c: { sources: MeSource[] }, refs: readonly number[]): MeSource[] =>
  refs.map((n) => c.sources[n - 1]).filter((s): s is MeSource => s !== undefined);

/** Sources numbered for the whole pack in the order they are first cited: [1], [2] … */
export class SourceRegistry {
  private readonly numbers = new Map<string, number>();
  readonly list: MeSource[] = [];

  cite(s: MeSource): number {
    const key = JSON.stringify([s.title, s.locator ?? null, s.url ?? null]);
    let n = this.numbers.get(key);
    if (n === undefined) {
      this.list.push(s);
      n = this.list.length;
      this.numbers.set(key, n);
    }
    return n;
  }

  /** "[1][3]" in number order, or '' when nothing is cited. */
  refs(sources: readonly MeSource[]): string {
    return [...new Set(sources.map((s) => this.cite(s)))]
      .sort((a, b) => a - b)
      .map((n) => `[${n}]`)
      .join('');
  }
}

/** A section's public content (approved, else published) and where it comes from; drafts never. */
export function publicSection(view: MeSectionView | undefined): {
  content: MeSectionContent | null;
  provenance: 'published' | 'national_approved' | null;
} {
  if (!view) return { content: null, provenance: null };
  return effectiveMeSection(
    (view.published?.content as MeSectionContent | undefined) ?? null,
    (view.approved?.content as MeSectionContent | undefined) ?? null,
  );
}

/** The comma of a list in the pack's language (Arabic has its own: ،). */
export const comma = (pt: PackText) => (pt.i18n.rtl ? '، ' : ', ');

export const provenanceLabel = (pt: PackText, p: 'published' | 'national_approved' | null) =>
  pt.i18n.t(p === null ? 'provenance_none' : `provenance_${p}`);

export function groupLabel(pt: PackText, type: PeerGroupType, key: string | null, n: number): string {
  const group = pt.i18n.t(`group_${type}`, { key: key ?? '' }).trim();
  return pt.i18n.t('briefGroupCount', { group, n: pt.i18n.num(n, 0) });
}

/** A session date (YYYY-MM-DD) as the language writes it. */
export function sessionDate(pt: PackText, date: string | null): string {
  if (!date) return pt.i18n.t('briefNoDate');
  return new Intl.DateTimeFormat(pt.i18n.lang, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}
