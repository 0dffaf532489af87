import { z } from 'zod';
import {
  ME_CHALLENGES,
  ME_FIELDS,
  ME_LIMITS,
  ME_OPTION_SETS,
  ME_SECTIONS,
  ME_STEPS,
  type MeFieldDef,
  type MeSection,
  type MeStep,
} from '../constants/me-profile';
import { GapObjectiveSchema, SectorSchema } from './indicator';
import type { Provenance } from './provenance';

export * from '../constants/me-profile';

export const MeStepSchema = z.enum(ME_STEPS);
export const MeSectionSchema = z.enum(ME_SECTIONS);
export const MeChallengeSchema = z.enum(ME_CHALLENGES);

/** A source cited by a section: a document (title, where in it) and optionally its address. */
export const MeSourceSchema = z.object({
  title: z.string().trim().min(1, 'is required').max(ME_LIMITS.sourceTitle),
  locator: z
    .string()
    .trim()
    .max(ME_LIMITS.sourceLocator)
    .nullable()
    .default(null)
    .describe('Where in the document, e.g. "ch. 4, p. 72"'),
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) address' })
    .max(ME_LIMITS.sourceUrl)
    .nullable()
    .default(null),
});
export type MeSource = z.output<typeof MeSourceSchema>;

/** 1-based numbers of the section's sources an item cites ([1], [2] …). */
const SourceRefsSchema = z
  .array(z.number().int().min(1).max(ME_LIMITS.sources))
  .max(ME_LIMITS.sourcesPerItem)
  .default([]);

const shortText = z.string().trim().min(1, 'is required').max(ME_LIMITS.shortText);
const longText = z.string().trim().min(1, 'is required').max(ME_LIMITS.text);

/** The schema of one field's value, from its definition. */
export function meFieldValueSchema(def: MeFieldDef): z.ZodType {
  switch (def.kind) {
    case 'yes_no':
      return z.boolean();
    case 'single':
      return z.enum(ME_OPTION_SETS[def.options ?? 'audience'] as unknown as [string, ...string[]]);
    case 'multi': {
      const options = ME_OPTION_SETS[def.options ?? 'audience'] as unknown as [string, ...string[]];
      return z
        .array(z.enum(options))
        .min(1, 'choose at least one')
        .max(options.length)
        .refine((a) => new Set(a).size === a.length, {
          message: 'lists an option twice',
          params: { code: 'duplicate' },
        });
    }
    case 'count':
      return z.number().int('must be a whole number').min(0).max(ME_LIMITS.count);
    case 'amount_usd':
      return z.number().min(0).max(ME_LIMITS.amountUsd);
    case 'short_text':
      return shortText;
    case 'text':
      return longText;
    case 'list':
      return z.array(z.string().trim().min(1).max(ME_LIMITS.listItem)).min(1).max(ME_LIMITS.listItems);
  }
}

/** A field's answer: its value and the sources it cites. Unanswered fields are absent. */
export const MeFieldAnswerSchema = z.object({
  value: z.union([z.boolean(), z.number(), z.string(), z.array(z.string())]),
  sources: SourceRefsSchema,
});
export type MeFieldAnswer = z.output<typeof MeFieldAnswerSchema>;

/** One of the eight steps: structured fields, a short text, and the sources they cite. */
export const MeStepContentSchema = z.strictObject({
  fields: z.record(z.string().max(40), MeFieldAnswerSchema).default({}),
  text: z.string().trim().max(ME_LIMITS.sectionText).nullable().default(null),
  textSources: SourceRefsSchema,
  sources: z.array(MeSourceSchema).max(ME_LIMITS.sources).default([]),
});
export type MeStepContent = z.output<typeof MeStepContentSchema>;

const ObjectivesSchema = z.array(GapObjectiveSchema).max(5).default([]);
const SectorsSchema = z.array(SectorSchema).max(7).default([]);

export const MeChallengeEntrySchema = z.object({
  code: MeChallengeSchema,
  note: z.string().trim().max(ME_LIMITS.text).nullable().default(null),
  objectives: ObjectivesSchema.describe('GAP objectives (1–5) the challenge touches'),
  sectors: SectorsSchema,
  sources: SourceRefsSchema,
});
export type MeChallengeEntry = z.output<typeof MeChallengeEntrySchema>;

export const MeLessonSchema = z.object({
  challenge: MeChallengeSchema.nullable().default(null).describe('The challenge this lesson answers'),
  title: z.string().trim().min(1, 'is required').max(ME_LIMITS.lessonTitle),
  text: z.string().trim().max(ME_LIMITS.text).nullable().default(null).describe('What worked'),
  objectives: ObjectivesSchema,
  sectors: SectorsSchema,
  sources: SourceRefsSchema,
});
export type MeLesson = z.output<typeof MeLessonSchema>;

/** The `learning` section: the challenges the country faces and the lessons it offers. */
export const MeLearningContentSchema = z.strictObject({
  challenges: z.array(MeChallengeEntrySchema).max(ME_LIMITS.challenges).default([]),
  lessons: z.array(MeLessonSchema).max(ME_LIMITS.lessons).default([]),
  sources: z.array(MeSourceSchema).max(ME_LIMITS.sources).default([]),
});
export type MeLearningContent = z.output<typeof MeLearningContentSchema>;

export type MeSectionContent = MeStepContent | MeLearningContent;

type Issue = { path: (string | number)[]; message: string };

function checkRefs(refs: number[], sourceCount: number, path: (string | number)[], out: Issue[]) {
  refs.forEach((r, i) => {
    if (r > sourceCount)
      out.push({ path: [...path, i], message: `cites source ${r}; the section lists ${sourceCount}` });
  });
}

/**
 * The rules a schema alone cannot say: field keys and value types from the step's definition,
 * citations that point at a listed source, one entry per challenge. Both the form and the server
 * run it; paths are relative to the section's content.
 */
export function meSectionIssues(section: MeSection, content: MeSectionContent): Issue[] {
  const out: Issue[] = [];
  const n = content.sources.length;
  if (section === 'learning') {
    const c = content as MeLearningContent;
    const seen = new Set<string>();
    c.challenges.forEach((e, i) => {
      if (seen.has(e.code)) out.push({ path: ['challenges', i, 'code'], message: 'is listed twice' });
      seen.add(e.code);
      checkRefs(e.sources, n, ['challenges', i, 'sources'], out);
    });
    c.lessons.forEach((l, i) => {
      checkRefs(l.sources, n, ['lessons', i, 'sources'], out);
    });
    return out;
  }
  const c = content as MeStepContent;
  const defs = new Map(ME_FIELDS[section].map((d) => [d.key, d]));
  for (const [key, answer] of Object.entries(c.fields)) {
    const def = defs.get(key);
    if (!def) {
      out.push({ path: ['fields', key], message: `is not a field of ${section}` });
      continue;
    }
    const parsed = meFieldValueSchema(def).safeParse(answer.value);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        out.push({
          path: ['fields', key, 'value', ...(issue.path as (string | number)[])],
          message: issue.message,
        });
    checkRefs(answer.sources, n, ['fields', key, 'sources'], out);
  }
  checkRefs(c.textSources, n, ['textSources'], out);
  return out;
}

/** The content schema of a section, with its cross-field rules. */
export function meSectionContentSchema(section: MeSection) {
  const base: z.ZodType<MeSectionContent> =
    section === 'learning' ? (MeLearningContentSchema as never) : (MeStepContentSchema as never);
  return base.superRefine((content, ctx) => {
    for (const issue of meSectionIssues(section, content)) ctx.addIssue({ code: 'custom', ...issue });
  });
}

/** Is there anything in this content? An empty section is not worth a row in a comparison. */
export function isEmptyMeContent(content: MeSectionContent | null | undefined): boolean {
  if (!content) return true;
  if ('fields' in content) return Object.keys(content.fields).length === 0 && !content.text;
  return content.challenges.length === 0 && content.lessons.length === 0;
}

/** What the public reads of a section: the national approved content, else the published one. */
export interface MeEffectiveSection {
  content: MeSectionContent | null;
  provenance: Extract<Provenance, 'published' | 'national_approved'> | null;
}

export function effectiveMeSection(
  published: MeSectionContent | null,
  approved: MeSectionContent | null,
): MeEffectiveSection {
  if (!isEmptyMeContent(approved)) return { content: approved, provenance: 'national_approved' };
  if (!isEmptyMeContent(published)) return { content: published, provenance: 'published' };
  return { content: null, provenance: null };
}

export type { MeSection, MeStep };
