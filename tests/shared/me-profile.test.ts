import { describe, expect, it } from 'vitest';
import {
  effectiveMeSection,
  LOCALES,
  ME_CHALLENGES,
  ME_FIELDS,
  ME_OPTION_SETS,
  ME_SECTIONS,
  ME_STEPS,
  meSectionContentSchema,
  SaveMeSectionBodySchema,
} from '../../shared';
import { BRIEFING_TOPICS } from '../../shared/constants/me-profile';
import { ME_PROFILE_TEXT, meTopicLabel } from '../../shared/i18n/me-profile';

describe('M&E profile catalog', () => {
  it.each(LOCALES)('has a label for every section, field, option, challenge and topic in %s', (lang) => {
    const text = ME_PROFILE_TEXT[lang];
    const missing: string[] = [];
    const need = (label: string | undefined, what: string) => {
      if (!label?.trim()) missing.push(what);
    };
    for (const s of ME_SECTIONS) {
      need(text.sections[s], `section ${s}`);
      need(text.hints[s], `hint ${s}`);
    }
    for (const step of ME_STEPS) for (const f of ME_FIELDS[step]) need(text.fields[f.key], `field ${f.key}`);
    for (const [set, options] of Object.entries(ME_OPTION_SETS))
      for (const o of options)
        need(text.options[set as keyof typeof ME_OPTION_SETS][o], `option ${set}.${o}`);
    for (const c of ME_CHALLENGES) need(text.challenges[c], `challenge ${c}`);
    for (const t of BRIEFING_TOPICS) need(meTopicLabel(text, t), `topic ${t}`);
    expect(missing).toEqual([]);
  });

  it('translates rather than copies English', () => {
    for (const lang of ['fr', 'es', 'ar'] as const)
      expect(ME_PROFILE_TEXT[lang].sections.governance).not.toBe(ME_PROFILE_TEXT.en.sections.governance);
  });

  it('gives every field key once across the steps', () => {
    const keys = ME_STEPS.flatMap((s) => ME_FIELDS[s].map((f) => f.key));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('M&E section content', () => {
  it('names the field, the wrong option and the missing source', () => {
    const r = meSectionContentSchema('governance').safeParse({
      fields: {
        multisectoral_committee: { value: true, sources: [2] },
        focal_point_sectors: { value: ['human_health', 'space'] },
        budget: { value: 3 },
      },
      sources: [{ title: 'NAP' }],
    });
    expect(r.success).toBe(false);
    const issues = r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(issues).toContain('fields.multisectoral_committee.sources.0: cites source 2; the section lists 1');
    expect(issues).toContain('fields.budget: is not a field of governance');
    expect(issues.some((i) => i.startsWith('fields.focal_point_sectors.value.1:'))).toBe(true);
  });

  it('rejects a negative or fractional count', () => {
    for (const value of [-3, 2.5]) {
      const r = meSectionContentSchema('indicators').safeParse({ fields: { indicator_count: { value } } });
      expect(r.success).toBe(false);
    }
  });

  it('keeps challenges and lessons when the body is a learning section', () => {
    const body = SaveMeSectionBodySchema.parse({
      content: { challenges: [{ code: 'me_funding' }], lessons: [{ title: 'A costed M&E plan' }] },
      version: 0,
    });
    expect(body.content).toMatchObject({
      challenges: [{ code: 'me_funding' }],
      lessons: [{ title: 'A costed M&E plan' }],
    });
  });

  it('refuses a challenge listed twice', () => {
    const r = meSectionContentSchema('learning').safeParse({
      challenges: [{ code: 'me_funding' }, { code: 'me_funding' }],
    });
    expect(r.error?.issues[0]?.path).toEqual(['challenges', 1, 'code']);
  });

  it('reads approved national content before published content', () => {
    const published = {
      fields: { me_plan_exists: { value: true, sources: [] } },
      text: null,
      textSources: [],
      sources: [],
    };
    const approved = {
      fields: { me_plan_exists: { value: false, sources: [] } },
      text: null,
      textSources: [],
      sources: [],
    };
    const empty = { fields: {}, text: null, textSources: [], sources: [] };
    expect(effectiveMeSection(published, approved)).toEqual({
      content: approved,
      provenance: 'national_approved',
    });
    expect(effectiveMeSection(published, empty).provenance).toBe('published');
    expect(effectiveMeSection(null, null)).toEqual({ content: null, provenance: null });
  });
});
