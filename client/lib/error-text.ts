import { useMemo } from 'react';
import { fieldOfMessage, type Issue, issuesFromZod, type ZodLikeIssue } from '../../shared/domain/issues';
import type { Locale } from '../../shared/i18n/locale';
import { type TFunction, useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/types';
import { ApiError } from './api-client';

/*
 * What went wrong, in the reader's language: the server's (and the forms' own) problems carry a
 * stable code with parameters (shared/domain/issues.ts); this turns them into the sentence a focal
 * point reads beside the field ("Saisissez un pourcentage entre 0 et 100"). The English message of
 * the API stays the fallback for a code this client does not know yet.
 */

type IssueLike = Pick<Issue, 'path' | 'message'> & { code?: string | undefined; params?: Issue['params'] };

/** Where the input came from, as the server prefixes paths (body.value.percentage). */
const SOURCES = new Set(['body', 'query', 'path', 'header', 'content']);
/** The answer's parts all read "Value" beside the value input. */
const VALUE_PARTS = new Set(['percentage', 'number', 'count', 'answer', 'text']);

/** The path without its source: body.roles.0.country → roles.0.country. */
export function fieldPath(path: string): string {
  const parts = path.split('.');
  if (parts.length > 1 && SOURCES.has(parts[0] ?? '')) parts.shift();
  return parts.join('.');
}

/** The field's name: the last part of the path that is not an index (roles.0.country → country). */
export function fieldName(path: string): string {
  const parts = fieldPath(path)
    .split('.')
    .filter((p) => p && !/^\d+$/.test(p));
  const last = parts.at(-1) ?? '';
  return VALUE_PARTS.has(last) && parts.at(-2) === 'value' ? 'value' : last;
}

function lookup(t: TFunction, key: string, params?: Record<string, string | number>): string | null {
  const text = t(key as MessageKey, params);
  return text === key ? null : text;
}

/** The field's label in the interface language, or null when the catalog does not name it. */
export function fieldLabel(t: TFunction, path: string): string | null {
  const name = fieldName(path);
  return name ? lookup(t, `field.${name}`) : null;
}

/** A parameter that names an option of a field (status "no_data" → "No data"). */
function optionLabel(t: TFunction, field: string, value: string): string {
  if (field === 'status') return lookup(t, `valueStatus.${value}`) ?? value;
  if (field === 'role') return lookup(t, `role.${value}`) ?? value;
  return value;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/** One problem as a sentence for beside its field (no field name in it). */
export function issueText(t: TFunction, issue: IssueLike): string {
  const p = issue.params ?? {};
  const code = issue.code;
  const field = typeof p.field === 'string' ? p.field : '';
  const isPercentage = p.kind === 'percentage' || /(^|\.)percentage$/.test(issue.path);
  switch (code) {
    case undefined:
      return issue.message;
    case 'required_when':
    case 'absent_when': {
      const label = lookup(t, `field.${field}`) ?? field;
      if (p.value == null)
        return t(code === 'required_when' ? 'issue.required_with' : 'issue.absent_when', {
          field: label,
          value: '',
        });
      return t(`issue.${code}`, { field: label, value: optionLabel(t, field, String(p.value)) });
    }
    case 'too_big':
    case 'too_small': {
      if (isPercentage) return t('issue.percentage');
      const min = num(p.min);
      const max = num(p.max);
      if (min !== undefined && max !== undefined) return t('issue.between', { min, max });
      if (code === 'too_small' && min === 0 && p.inclusive !== false) return t('issue.not_negative');
      const strict = p.inclusive === false ? '_strict' : '';
      if (code === 'too_big' && max !== undefined) return t(`issue.too_big${strict}` as MessageKey, { max });
      if (code === 'too_small' && min !== undefined)
        return t(`issue.too_small${strict}` as MessageKey, { min });
      return t('issue.invalid');
    }
    case 'not_whole':
      return num(p.min) === 0 ? t('issue.not_whole_positive') : t('issue.not_whole');
    case 'too_long':
      return t('issue.too_long', { count: num(p.max) ?? 0 });
    case 'too_short':
    case 'too_many':
    case 'too_few': {
      const count = num(code === 'too_many' ? p.max : p.min) ?? 0;
      return t(`issue.${code}`, { count });
    }
    case 'not_before': {
      const other =
        typeof p.other === 'string' ? (lookup(t, `field.${p.other}`) ?? p.other) : String(p.date ?? '');
      return t('issue.not_before', { other });
    }
    case 'incorrect':
      if (/(^|\.)password$/.test(issue.path)) return t('issue.incorrectSignIn');
      if (/(^|\.)currentPassword$/.test(issue.path)) return t('account.currentWrong');
      return t('issue.incorrect');
    case 'invalid_type':
      return t('issue.invalid');
  }
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  // A number as typed that is not one (shared/i18n/number.ts): the grid's own words for it.
  if (code.startsWith('number_'))
    return (
      lookup(t, `number.${code.slice(7)}`, { suggestion: '', alternative: '', ...params }) ?? issue.message
    );
  return lookup(t, `issue.${code}`, params) ?? issue.message;
}

/** The problem with the field's name before it, for a list of problems away from the form. */
export function issueLine(t: TFunction, issue: IssueLike): string {
  const text = issueText(t, issue);
  // "The e-mail address or the password is incorrect" names its fields itself.
  if (issue.code === 'incorrect' && /(^|\.)password$/.test(issue.path)) return text;
  const label = fieldLabel(t, issue.path) ?? (fieldPath(issue.path) || null);
  // A problem of one indicator's row (a submit refused by a rule) goes by the indicator's code.
  const indicator = issue.params?.indicator;
  const named = typeof indicator === 'string' && label ? `${indicator} · ${label}` : label;
  return named ? t('issue.inField', { field: named, message: text }) : text;
}

/** A whole failure as one sentence in the interface language. */
export function errorText(t: TFunction, locale: Locale, err: unknown): string {
  if (err instanceof ApiError && err.issues && err.issues.length > 0)
    return err.issues.map((i) => issueLine(t, i)).join(' · ');
  return failureText(t, locale, err);
}

/** The failure as a whole, leaving its issues to a list of their own. */
export function failureText(t: TFunction, locale: Locale, err: unknown): string {
  if (!(err instanceof ApiError))
    return err instanceof Error && err.message ? err.message : t('error.unknown');
  const retryAfter = num(err.params?.retryAfter);
  if (err.code === 'rate_limited' && retryAfter !== undefined)
    return t('failure.rate_limited_in', { count: retryAfter });
  // English readers get the server's own sentence, which names the resource ("plan: no plan 5").
  if (locale === 'en' && err.statusCode >= 400 && err.statusCode < 500 && err.code !== 'stale')
    return err.message;
  if (err.code === 'invalid_input') {
    const named = fieldOfMessage(err.message);
    const label = named ? fieldLabel(t, named.field) : null;
    return label ? t('issue.inField', { field: label, message: t('issue.invalid') }) : t('issue.invalid');
  }
  return lookup(t, `failure.${err.code}`) ?? err.message;
}

export type FieldErrors = Record<string, string>;

/**
 * The problems of a failure by field (its path without the source: "email", "roles.0.country"),
 * each in the interface language; `form` holds what names no field the form shows.
 */
export function fieldErrors(
  t: TFunction,
  locale: Locale,
  err: unknown,
  fields: readonly string[],
): FieldErrors & { form?: string } {
  if (!err) return {};
  const issues: IssueLike[] = err instanceof ApiError ? (err.issues ?? []) : [];
  if (issues.length === 0) return { form: errorText(t, locale, err) };
  return issueFieldErrors(t, issues, fields);
}

/** Issues by field (see fieldErrors); what names none of `fields` goes to `form`. */
export function issueFieldErrors(
  t: TFunction,
  issues: readonly IssueLike[],
  fields: readonly string[],
): FieldErrors & { form?: string } {
  const out: FieldErrors & { form?: string } = {};
  const rest: IssueLike[] = [];
  for (const issue of issues) {
    const path = fieldPath(issue.path);
    const field = fields.find((f) => path === f || path.startsWith(`${f}.`));
    if (field && out[field] === undefined) out[field] = issueText(t, issue);
    else if (!field) rest.push(issue);
  }
  if (rest.length > 0) out.form = rest.map((i) => issueLine(t, i)).join(' · ');
  return out;
}

/** The functions above, bound to the current language. */
export function useErrorText() {
  const { t, locale } = useI18n();
  return useMemo(
    () => ({
      errorText: (err: unknown) => errorText(t, locale, err),
      failureText: (err: unknown) => failureText(t, locale, err),
      issueText: (issue: IssueLike) => issueText(t, issue),
      issueLine: (issue: IssueLike) => issueLine(t, issue),
      issuesText: (issues: readonly IssueLike[]) => issues.map((i) => issueLine(t, i)).join(' · '),
      /** A form's own zod check failing, in the same words as the server's. */
      zodText: (error: { issues: readonly ZodLikeIssue[] }) =>
        issuesFromZod(error.issues)
          .map((i) => issueLine(t, i))
          .join(' · '),
      fieldErrors: (err: unknown, fields: readonly string[]) => fieldErrors(t, locale, err, fields),
      /** A form's own zod check, by field. */
      zodFieldErrors: (error: { issues: readonly ZodLikeIssue[] }, fields: readonly string[]) =>
        issueFieldErrors(t, issuesFromZod(error.issues), fields),
    }),
    [t, locale],
  );
}
