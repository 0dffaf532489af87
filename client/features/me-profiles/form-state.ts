import type { MeLearningContent, MeSectionContent, MeStepContent } from '../../../shared';
import type { Sector } from '../../../shared/constants/indicator';
import {
  isMeStep,
  ME_CHALLENGES,
  ME_FIELDS,
  ME_LIMITS,
  type MeChallenge,
  type MeFieldDef,
  type MeSection,
} from '../../../shared/constants/me-profile';
import type { TFunction } from '../../i18n/context';

/*
 * A section's form as the person types it (strings, ticked boxes), and the content it becomes. The
 * form is controlled: rows are added and removed, and removing a source renumbers the citations.
 * The content is then checked with the shared schema and meSectionIssues, as the server does.
 */

export interface SourceDraft {
  title: string;
  locator: string;
  url: string;
}
/** A field as typed: a string, or the ticked options of a multi field; the sources it cites (1-based). */
export interface FieldDraft {
  value: string | string[];
  sources: number[];
}
export interface StepDraft {
  kind: 'step';
  fields: Record<string, FieldDraft>;
  text: string;
  textSources: number[];
  sources: SourceDraft[];
}
export interface ChallengeDraft {
  code: MeChallenge;
  note: string;
  objectives: number[];
  sectors: Sector[];
  sources: number[];
}
export interface LessonDraft {
  /** Keeps React's row identity when rows above are removed. */
  key: number;
  challenge: MeChallenge | '';
  title: string;
  text: string;
  objectives: number[];
  sectors: Sector[];
  sources: number[];
}
export interface LearningDraft {
  kind: 'learning';
  challenges: ChallengeDraft[];
  lessons: LessonDraft[];
  sources: SourceDraft[];
}
export type SectionDraft = StepDraft | LearningDraft;

/** A problem with the form, at a content path ("fields.indicator_count.value", "lessons.0.title"). */
export interface FormIssue {
  path: string;
  message: string;
}

let nextKey = 1;
export const newLessonKey = () => nextKey++;

function rawValue(def: MeFieldDef, value: unknown): string | string[] {
  if (def.kind === 'multi') return Array.isArray(value) ? value.map(String) : [];
  if (def.kind === 'yes_no') return value === true ? 'yes' : value === false ? 'no' : '';
  if (def.kind === 'list') return Array.isArray(value) ? value.join('\n') : String(value ?? '');
  return value === undefined || value === null ? '' : String(value);
}

const sourceDraft = (s: { title: string; locator: string | null; url: string | null }): SourceDraft => ({
  title: s.title,
  locator: s.locator ?? '',
  url: s.url ?? '',
});

/** The form of a section, prefilled from its content (the draft, else approved, else published). */
export function toDraft(section: MeSection, content: MeSectionContent | null): SectionDraft {
  if (!isMeStep(section)) {
    const c = content && 'lessons' in content ? content : null;
    return {
      kind: 'learning',
      challenges: (c?.challenges ?? []).map((e) => ({
        code: e.code,
        note: e.note ?? '',
        objectives: [...e.objectives],
        sectors: [...e.sectors],
        sources: [...e.sources],
      })),
      lessons: (c?.lessons ?? []).map((l) => ({
        key: newLessonKey(),
        challenge: l.challenge ?? '',
        title: l.title,
        text: l.text ?? '',
        objectives: [...l.objectives],
        sectors: [...l.sectors],
        sources: [...l.sources],
      })),
      sources: (c?.sources ?? []).map(sourceDraft),
    };
  }
  const c = content && 'fields' in content ? content : null;
  const fields: Record<string, FieldDraft> = {};
  for (const def of ME_FIELDS[section]) {
    const answer = c?.fields[def.key];
    fields[def.key] = { value: rawValue(def, answer?.value), sources: [...(answer?.sources ?? [])] };
  }
  return {
    kind: 'step',
    fields,
    text: c?.text ?? '',
    textSources: [...(c?.textSources ?? [])],
    sources: (c?.sources ?? []).map(sourceDraft),
  };
}

/** Citations after source `removed` (1-based) is deleted: it goes, the ones after it move up. */
export function renumber(refs: readonly number[], removed: number): number[] {
  return refs.filter((r) => r !== removed).map((r) => (r > removed ? r - 1 : r));
}

/** The form without source `index` (0-based), every citation renumbered. */
export function removeSource(draft: SectionDraft, index: number): SectionDraft {
  const n = index + 1;
  const sources = draft.sources.filter((_, i) => i !== index);
  if (draft.kind === 'learning')
    return {
      ...draft,
      sources,
      challenges: draft.challenges.map((c) => ({ ...c, sources: renumber(c.sources, n) })),
      lessons: draft.lessons.map((l) => ({ ...l, sources: renumber(l.sources, n) })),
    };
  return {
    ...draft,
    sources,
    textSources: renumber(draft.textSources, n),
    fields: Object.fromEntries(
      Object.entries(draft.fields).map(([k, f]) => [k, { ...f, sources: renumber(f.sources, n) }]),
    ),
  };
}

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

/** Paths a form input shows its problem under; any other problem is listed at the top of the form. */
const INPUT_PATH =
  /^(fields\.[^.]+\.(value|sources)|text|textSources|sources\.\d+\.(title|locator|url)|challenges\.\d+\.(code|note|objectives|sectors|sources)|lessons\.\d+\.(title|text|challenge|objectives|sectors|sources))(\.|$)/;

export const hasInput = (path: string) => INPUT_PATH.test(path);

/** The server names paths from the body ("content.fields.x.value"); the form's are the content's. */
export function serverIssues(issues: readonly { path: string; message: string }[]): FormIssue[] {
  return issues.map((i) => ({ path: i.path.replace(/^content\./, ''), message: i.message }));
}

/** The first problem at `path` or below it. */
export function issueAt(issues: readonly FormIssue[], path: string): string | undefined {
  return issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;
}
