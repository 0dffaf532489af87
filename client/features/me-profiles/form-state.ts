import type { MeSectionContent } from '../../../shared';
import type { Sector } from '../../../shared/constants/indicator';
import {
  isMeStep,
  ME_FIELDS,
  type MeChallenge,
  type MeFieldDef,
  type MeSection,
} from '../../../shared/constants/me-profile';

/*
 * A section's form as the person types it (strings, ticked boxes), prefilled from its content. The
 * form is controlled: rows are added and removed, and removing a source renumbers the citations.
 * The content it becomes is read by fromDraft (form-content.ts).
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
