import type { EntryRow, EvidenceLink, PutValueBody, ValueStatus } from '../../../shared';
import { isFarOutsideHistory } from '../../../shared/constants/reporting';
import { type Issue, issuesFromZod } from '../../../shared/domain/issues';
import type { Locale } from '../../../shared/i18n/locale';
import { formatInputNumber, type ParsedNumber, parseLocaleNumber } from '../../../shared/i18n/number';

/** What a focal point typed in one row of the grid: strings, as the inputs hold them. */
export interface Draft {
  status: ValueStatus;
  main: string;
  denominator: string;
  reason: string;
  comment: string;
  evidence: EvidenceLink[];
  /** The language its numbers are written in ("45,5" in French): the interface's when it began. */
  locale: Locale;
}

/** Why a typed number was refused, in words (the grid gives them in the interface language). */
export type NumberFailure = Extract<ParsedNumber, { ok: false }>;
export type ExplainNumber = (failure: NumberFailure) => string;
const inEnglish: ExplainNumber = (f) => (f.problem === 'empty' ? 'is required' : f.message);

/** The draft of a stored value (or an empty one), its numbers written as `locale` writes them. */
export function draftOf(row: EntryRow, locale: Locale): Draft {
  const v = row.value;
  const str = (n: number | null | undefined) =>
    n === null || n === undefined ? '' : formatInputNumber(n, locale);
  const base = {
    status: v?.status ?? 'reported',
    reason: v?.statusReason ?? '',
    comment: v?.comment ?? '',
    evidence: v?.evidence ?? [],
    denominator: '',
    locale,
  };
  if (v?.status !== 'reported') return { ...base, main: '' };
  switch (row.indicator.measureType) {
    case 'level':
      return { ...base, main: v.level ?? '' };
    case 'yes_no':
      return { ...base, main: v.numericValue === 1 ? 'yes' : v.numericValue === 0 ? 'no' : '' };
    case 'ratio':
      return { ...base, main: str(v.numerator), denominator: str(v.denominator) };
    case 'text':
      return { ...base, main: v.textValue ?? '' };
    default:
      return { ...base, main: str(v.numericValue) };
  }
}

/** A typed number as the draft's language writes it; NaN when it is not one. */
const num = (s: string, d: Draft) => {
  const r = parseLocaleNumber(s, d.locale);
  return r.ok ? r.value : Number.NaN;
};

/** The answer of a draft; the typed numbers that are not numbers go to `problems`, named by field. */
function answerOf(
  row: EntryRow,
  d: Draft,
  problems: Issue[],
  explain: ExplainNumber,
): PutValueBody['value'] | Record<string, unknown> {
  const read = (field: string, text: string) => {
    const r = parseLocaleNumber(text, d.locale);
    if (r.ok) return r.value;
    problems.push({ path: `value.${field}`, message: explain(r) });
    return Number.NaN;
  };
  switch (row.indicator.measureType) {
    case 'level':
      return { type: 'level', level: d.main };
    case 'yes_no':
      return { type: 'yes_no', answer: d.main === 'yes' ? true : d.main === 'no' ? false : undefined };
    case 'ratio':
      return {
        type: 'ratio',
        numerator: read('numerator', d.main),
        denominator: read('denominator', d.denominator),
      };
    case 'percentage':
      return { type: 'percentage', percentage: read('percentage', d.main) };
    case 'number':
      return { type: 'number', number: read('number', d.main) };
    case 'count':
      return { type: 'count', count: read('count', d.main) };
    case 'text':
      return { type: 'text', text: d.main };
    default:
      return { type: row.indicator.measureType };
  }
}

/**
 * The request body of a draft, checked with the shared schema: the body, or the problems by field
 * (a typed number that is not one is explained by `explain`, in the interface language).
 * The schema is imported on the first save: the entry page's first JS has no zod
 * (docs/decisions/lazy-response-schemas.md).
 */
export async function bodyOf(
  row: EntryRow,
  d: Draft,
  explain: ExplainNumber = inEnglish,
  describe: (issue: Issue) => string = (i) => `${i.path}: ${i.message}`,
): Promise<{ ok: true; body: PutValueBody } | { ok: false; problems: string[] }> {
  const { EntryValueBodySchema } = await import('../../../shared/api/values');
  const typed: Issue[] = [];
  const value = d.status === 'reported' ? answerOf(row, d, typed, explain) : undefined;
  if (typed.length) return { ok: false, problems: typed.map(describe) };
  const candidate = {
    status: d.status,
    ...(d.status === 'reported' ? { value } : { reason: d.reason }),
    ...(d.comment.trim() ? { comment: d.comment } : {}),
    evidence: d.evidence,
    ...(row.value ? { version: row.value.version } : {}),
  };
  const parsed = EntryValueBodySchema.safeParse(candidate);
  if (parsed.success) return { ok: true, body: parsed.data };
  return { ok: false, problems: issuesFromZod(parsed.error.issues).map(describe) };
}

/** The number to compare with the indicator's history (null: nothing numeric typed). */
export function numericOf(row: EntryRow, d: Draft): number | null {
  if (d.status !== 'reported') return null;
  const t = row.indicator.measureType;
  if (t === 'ratio') {
    const v = num(d.main, d) / num(d.denominator, d);
    return Number.isFinite(v) ? v : null;
  }
  if (t !== 'number' && t !== 'count' && t !== 'percentage') return null;
  const v = num(d.main, d);
  return Number.isFinite(v) ? v : null;
}

/**
 * The code a row goes by: a national indicator following a published question is named by the
 * question's code (9.1); its internal code (tracss-2019-2020:9.1) is only the API's key.
 */
export function rowCode(row: EntryRow): string {
  return row.follows?.code ?? row.indicator.code;
}

/** A warning when the typed value is far outside the indicator's earlier values (never a block). */
export function historyWarning(row: EntryRow, d: Draft): { value: number; min: number; max: number } | null {
  const v = numericOf(row, d);
  const past = row.previous.flatMap((p) =>
    p.status === 'reported' && p.numericValue !== null ? [p.numericValue] : [],
  );
  if (v === null || !isFarOutsideHistory(v, past)) return null;
  return { value: v, min: Math.min(...past), max: Math.max(...past) };
}

/** Drafts stay in localStorage until the server confirms them, so a closed tab loses nothing. */
const key = (periodId: number, rowId: number) => `nap-draft:${periodId}:${rowId}`;
export const localDrafts = {
  load(periodId: number, rowId: number): Draft | null {
    try {
      const raw = globalThis.localStorage?.getItem(key(periodId, rowId));
      // A draft kept before drafts knew their language was typed with a decimal point.
      return raw ? ({ locale: 'en', ...JSON.parse(raw) } as Draft) : null;
    } catch {
      return null;
    }
  },
  save(periodId: number, rowId: number, d: Draft) {
    globalThis.localStorage?.setItem(key(periodId, rowId), JSON.stringify(d));
  },
  clear(periodId: number, rowId: number) {
    globalThis.localStorage?.removeItem(key(periodId, rowId));
  },
};
