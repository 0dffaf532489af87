import {
  type BriefingSession,
  BriefingSessionSchema,
  type Me,
  type MeCompare,
  MeCompareSchema,
  type MeLearning,
  MeLearningSchema,
  type MeProfile,
  MeProfileSchema,
  MeSchema,
  type MeSectionView,
  MeSectionViewSchema,
  type MeStepContent,
} from '../../../shared';
import { ME_SECTIONS, type MeSection } from '../../../shared/constants/me-profile';

/** Builders of M&E profile payloads, each parsed by the shared schema so mocks cannot drift. */

export function buildMeUser(
  role: 'focal_point' | 'validator' | 'facilitator' | 'viewer',
  overrides: Partial<Me> = {},
) {
  const country = role === 'facilitator' ? null : 'JOR';
  return MeSchema.parse({
    id: 40,
    email: `${role}@example.org`,
    displayName: `A ${role.replace('_', ' ')}`,
    demo: false,
    roles: [{ role, country, sectors: [] }],
    via: 'session',
    scope: 'write',
    csrfToken: 'csrf-me',
    ...overrides,
  });
}

export const napSource = {
  title: 'National Action Plan on AMR 2018–2022',
  locator: 'ch. 4, p. 72',
  url: 'https://example.org/jordan-nap.pdf',
};
export const evaluationSource = { title: 'End-term evaluation', locator: 'table 2', url: null };

const empty = (section: MeSection): MeSectionView =>
  MeSectionViewSchema.parse({ section, version: 0, published: null, approved: null, draft: null });

const published = (content: MeStepContent) => ({
  content,
  dataset: 'jordan-me-profile',
  loadedAt: '2026-11-01T00:00:00.000Z',
});

/** Jordan's profile: steps 1 and 3 published (with sources), step 4 submitted by the focal point. */
export function buildJordanProfile(
  can: MeProfile['can'] = { edit: false, validate: false },
  overrides: Partial<Record<MeSection, Partial<MeSectionView>>> = {},
): MeProfile {
  const sections: Record<MeSection, MeSectionView> = Object.fromEntries(
    ME_SECTIONS.map((s) => [s, empty(s)]),
  ) as Record<MeSection, MeSectionView>;
  sections.audience = {
    ...sections.audience,
    version: 1,
    published: published({
      fields: {
        audiences: { value: ['ministry_health', 'multisectoral_committee'], sources: [1] },
      },
      text: null,
      textSources: [],
      sources: [napSource],
    }),
  };
  sections.indicators = {
    ...sections.indicators,
    version: 3,
    published: published({
      fields: {
        indicator_count: { value: 22, sources: [1] },
        baselines_set: { value: false, sources: [] },
      },
      text: null,
      textSources: [],
      sources: [napSource],
    }),
  };
  sections.resources = {
    ...sections.resources,
    version: 2,
    published: published({
      fields: { nap_budget_usd: { value: 7594700, sources: [1] } },
      text: null,
      textSources: [],
      sources: [napSource],
    }),
  };
  sections.governance = {
    ...sections.governance,
    version: 5,
    draft: {
      content: {
        fields: { coordinating_body: { value: 'National AMR committee', sources: [] } },
        text: null,
        textSources: [],
        sources: [],
      },
      state: 'submitted',
      reason: null,
      updated: { by: { id: 40, name: 'A focal point' }, at: '2026-11-20T10:00:00.000Z' },
      submitted: { by: { id: 40, name: 'A focal point' }, at: '2026-11-20T10:05:00.000Z' },
    },
  };
  for (const [s, o] of Object.entries(overrides))
    sections[s as MeSection] = { ...sections[s as MeSection], ...o };
  return MeProfileSchema.parse({
    country: { iso3: 'JOR', name: 'Jordan' },
    sections: ME_SECTIONS.map((s) => sections[s]),
    plan: {
      id: 7,
      name: 'Jordan NAP 2018–2022',
      indicators: [
        {
          code: '2.1.1',
          name: 'Laboratories reporting to the national AMR surveillance',
          gapObjective: 2,
          sectors: ['human_health'],
          resultLevel: 'output',
          dataSource: null,
          frequency: null,
        },
      ],
    },
    can,
  });
}

export const sectionView = (profile: MeProfile, section: MeSection) =>
  profile.sections.find((s) => s.section === section) as MeSectionView;

export const jordanVsEgypt: MeCompare = MeCompareSchema.parse({
  countries: [
    { iso3: 'JOR', name: 'Jordan' },
    { iso3: 'EGY', name: 'Egypt' },
  ],
  rows: [
    {
      section: 'indicators',
      field: 'indicator_count',
      cells: [
        { iso3: 'JOR', value: 22, provenance: 'published', sources: [napSource] },
        { iso3: 'EGY', value: 31, provenance: 'national_approved', sources: [] },
      ],
    },
    {
      section: 'resources',
      field: 'me_budget_earmarked',
      cells: [
        { iso3: 'JOR', value: true, provenance: 'published', sources: [napSource] },
        { iso3: 'EGY', value: null, provenance: null, sources: [] },
      ],
    },
  ],
  tracss: {
    framework: 'tracss-2025',
    frameworkName: 'TrACSS 2025',
    period: '2025',
    questions: [
      {
        code: '2.1',
        name: 'Multi-sector and One Health collaboration/coordination',
        levels: [
          { iso3: 'JOR', level: 'C' },
          { iso3: 'EGY', level: 'D' },
        ],
      },
    ],
  },
  implementation: [
    {
      iso3: 'JOR',
      planName: 'Jordan NAP 2018–2022',
      objectives: [{ number: 1, title: 'Awareness', rate: 47, provenance: 'published' }],
    },
  ],
});

export const groupLearning: MeLearning = MeLearningSchema.parse({
  countries: [
    { iso3: 'JOR', name: 'Jordan' },
    { iso3: 'EGY', name: 'Egypt' },
  ],
  challenges: [
    {
      code: 'multisectoral_coordination',
      countries: [
        {
          iso3: 'JOR',
          name: 'Jordan',
          note: 'Sectors report at different times',
          provenance: 'published',
          sources: [evaluationSource],
        },
        { iso3: 'EGY', name: 'Egypt', note: null, provenance: 'national_approved', sources: [] },
      ],
      lessonCount: 1,
    },
    { code: 'me_funding', countries: [], lessonCount: 0 },
  ],
  lessons: [
    {
      country: { iso3: 'JOR', name: 'Jordan' },
      challenge: 'multisectoral_coordination',
      title: 'One reporting calendar for every sector',
      text: 'A shared calendar set by the committee.',
      objectives: [2],
      sectors: ['human_health', 'terrestrial_animal_health'],
      provenance: 'published',
      sources: [evaluationSource],
    },
    {
      country: { iso3: 'EGY', name: 'Egypt' },
      challenge: null,
      title: 'Stewardship audits in every governorate',
      text: null,
      objectives: [4],
      sectors: ['human_health'],
      provenance: 'national_approved',
      sources: [],
    },
  ],
});

export function buildSession(overrides: Partial<BriefingSession> = {}): BriefingSession {
  return BriefingSessionSchema.parse({
    id: 12,
    title: 'Governments Cluster: M&E of NAPs',
    date: '2027-02-10',
    groupType: 'who_region',
    group: 'EMR',
    caseStudy: 'JOR',
    topics: ['case_study', 'indicators', 'learning'],
    agenda: '1. Jordan’s M&E system\n2. Shared challenges',
    lang: 'en',
    startedFrom: null,
    countries: [
      { iso3: 'JOR', name: 'Jordan' },
      { iso3: 'EGY', name: 'Egypt' },
    ],
    createdBy: { id: 41, name: 'A facilitator' },
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
    version: 1,
    packs: [],
    ...overrides,
  });
}
