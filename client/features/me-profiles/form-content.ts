import type { MeLearningContent, MeSectionContent, MeStepContent } from '../../../shared';
import {
  isMeStep,
  ME_CHALLENGES,
  ME_FIELDS,
  ME_LIMITS,
  type MeFieldDef,
  type MeSection,
} from '../../../shared/constants/me-profile';
import type { TFunction } from '../../i18n/context';
import type { FormIssue } from './form-issues';
import type { LearningDraft, SectionDraft } from './form-state';

/*
 * The content a section's form stands for (form-state.ts), and the problems found while reading it.
 * The content is then checked with the shared schema and meSectionIssues, as the server does.
 */

const sorted = <T extends number>(a: readonly T[]) => [...new Set(a)].sort((x, y) => x - y);
const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function sourcesOf(draft: SectionDraft, t: TFunction, issues: FormIssue[]) {
  return draft.sources.map((s, i) => {
    const url = orNull(s.url);
    if (s.title.trim() === '')
      issues.push({ path: `sources.${i}.title`, message: t('meForm.err.sourceTitle') });
    if (url !== null && !/^https?:\/\/\S+$/i.test(url))
      issues.push({ path: `sources.${i}.url`, message: t('meForm.err.sourceUrl') });
    return { title: s.title.trim(), locator: orNull(s.locator), url };
  });
}

/** A field's typed value, or null when unanswered; a value it cannot be is an issue in words people read. */
function fieldValue(
  def: MeFieldDef,
  raw: string | string[],
  path: string,
  t: TFunction,
  issues: FormIssue[],
): MeStepContent['fields'][string]['value'] | null {
  if (Array.isArray(raw)) return raw.length === 0 ? null : raw;
  const s = raw.trim();
  if (s === '') return null;
  switch (def.kind) {
    case 'yes_no':
      return s === 'yes';
    case 'count': {
      const n = Number(s);
      if (!Number.isInteger(n) || n < 0 || n > ME_LIMITS.count) {
        issues.push({ path, message: t('meForm.err.count', { max: ME_LIMITS.count }) });
        return null;
      }
      return n;
    }
    case 'amount_usd': {
      const n = Number(s);
      if (!Number.isFinite(n) || n < 0 || n > ME_LIMITS.amountUsd) {
        issues.push({ path, message: t('meForm.err.amount') });
        return null;
      }
      return n;
    }
    case 'list': {
      const lines = s
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      if (lines.length > ME_LIMITS.listItems)
        issues.push({ path, message: t('meForm.err.listItems', { max: ME_LIMITS.listItems }) });
      else if (lines.some((l) => l.length > ME_LIMITS.listItem))
        issues.push({ path, message: t('meForm.err.listItem', { max: ME_LIMITS.listItem }) });
      return lines;
    }
    default:
      return s;
  }
}

/**
 * The content a form stands for, and the problems found while reading it (in the interface
 * language). Unanswered fields are left out, as the contract says.
 */
export function fromDraft(
  section: MeSection,
  draft: SectionDraft,
  t: TFunction,
): { content: MeSectionContent; issues: FormIssue[] } {
  const issues: FormIssue[] = [];
  const sources = sourcesOf(draft, t, issues);
  if (draft.kind === 'learning' || !isMeStep(section)) {
    const d = draft as LearningDraft;
    const content: MeLearningContent = {
      challenges: ME_CHALLENGES.flatMap((code) => {
        const c = d.challenges.find((e) => e.code === code);
        return c
          ? [
              {
                code,
                note: orNull(c.note),
                objectives: sorted(c.objectives),
                sectors: c.sectors,
                sources: sorted(c.sources),
              },
            ]
          : [];
      }),
      lessons: d.lessons.map((l, i) => {
        if (l.title.trim() === '')
          issues.push({ path: `lessons.${i}.title`, message: t('meForm.err.lessonTitle') });
        return {
          challenge: l.challenge === '' ? null : l.challenge,
          title: l.title.trim(),
          text: orNull(l.text),
          objectives: sorted(l.objectives),
          sectors: l.sectors,
          sources: sorted(l.sources),
        };
      }),
      sources,
    };
    return { content, issues };
  }
  const fields: MeStepContent['fields'] = {};
  for (const def of ME_FIELDS[section]) {
    const f = draft.fields[def.key];
    if (!f) continue;
    const value = fieldValue(def, f.value, `fields.${def.key}.value`, t, issues);
    if (value !== null) fields[def.key] = { value, sources: sorted(f.sources) };
  }
  const text = orNull(draft.text);
  return {
    content: { fields, text, textSources: text === null ? [] : sorted(draft.textSources), sources },
    issues,
  };
}
