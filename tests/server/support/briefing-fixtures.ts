import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { MeProfileReader } from '../../../server/modules/me-profiles/reader';
import {
  ME_CHALLENGES,
  ME_FIELDS,
  ME_SECTIONS,
  ME_STEPS,
  type MeCompare,
  MeCompareSchema,
  type MeLearning,
  type MeLearningContent,
  MeLearningContentSchema,
  MeLearningSchema,
  type MeProfile,
  MeProfileSchema,
  type MeSection,
  type MeSectionContent,
  type MeSource,
  type MeStepContent,
  MeStepContentSchema,
} from '../../../shared';

/*
 * Test fixtures for briefing packs, made valid by the shared schemas. Jordan's profile is the shipped
 * transcription (server/db/reference-data/jordan/me_profile.json), its objectives those of its NAP and
 * its rates the end-term evaluation's; the TrACSS levels are the published 2019–2020 answers
 * (tests/fixtures). What the other countries say is labelled "Test fixture" and stands for nothing real.
 */
const JORDAN_FILE = 'server/db/reference-data/jordan/me_profile.json';
const shipped = JSON.parse(readFileSync(JORDAN_FILE, 'utf8')) as { sections: Record<string, unknown> };

type Country = { iso3: string; name: string };
export const JORDAN: Country = { iso3: 'JOR', name: 'Jordan' };
export const PEERS: Country[] = [
  { iso3: 'EGY', name: 'Egypt' },
  { iso3: 'LBN', name: 'Lebanon' },
];
/** A draft the country is still writing: it must never reach a pack. */
export const DRAFT_MARK = 'Unapproved draft wording';

const step = (c: unknown) => MeStepContentSchema.parse(c);
const JORDAN_CONTENT: Partial<Record<MeSection, MeSectionContent>> = Object.fromEntries(
  ME_SECTIONS.filter((s) => shipped.sections[s]).map((s) => [
    s,
    s === 'learning' ? MeLearningContentSchema.parse(shipped.sections[s]) : step(shipped.sections[s]),
  ]),
);
const resources = JORDAN_CONTENT.resources as MeStepContent;
const reviews = JORDAN_CONTENT.reviews as MeStepContent;
/** The NAP as the transcription cites it, and the end-term evaluation. */
export const NAP = resources.sources[0] as MeSource;
export const EVALUATION = reviews.sources.find((x) => x.url) as MeSource;

/** Governance: the country's approved content, and a draft that must not show. */
const GOVERNANCE_APPROVED = step({
  fields: { multisectoral_committee: { value: true, sources: [1] } },
  sources: [{ title: 'Test fixture: approved governance note' }],
});

export function jordanProfile(): MeProfile {
  return MeProfileSchema.parse({
    country: JORDAN,
    sections: ME_SECTIONS.map((section) => ({
      section,
      version: 1,
      published: JORDAN_CONTENT[section]
        ? { content: JORDAN_CONTENT[section], dataset: 'test-fixture', loadedAt: '2026-01-01T00:00:00.000Z' }
        : null,
      approved:
        section === 'governance'
          ? { content: GOVERNANCE_APPROVED, approved: { by: null, at: '2026-01-02T00:00:00.000Z' } }
          : null,
      draft:
        section === 'timelines'
          ? {
              content: step({ fields: { reporting_period: { value: DRAFT_MARK } } }),
              state: 'draft',
              reason: null,
              updated: { by: null, at: '2026-01-03T00:00:00.000Z' },
              submitted: null,
            }
          : null,
    })),
    plan: { id: 1, name: 'NAP 2018–2022', indicators: [] },
    can: { edit: false, validate: false },
  });
}

const fixtureSource = (c: Country) => ({
  title: `Test fixture: ${c.name} NAP document`,
  locator: null,
  url: null,
});

/** Published TrACSS 2019–2020 levels of these countries on four M&E questions. */
function tracss(countries: Country[]): MeCompare['tracss'] {
  const rows = parse(readFileSync('tests/fixtures/tracss_2019_2020_long.csv'), { columns: true }) as Record<
    string,
    string
  >[];
  const codes = ['4.1', '5.1', '7.1', '7.4'];
  return {
    framework: 'tracss-2019-2020',
    frameworkName: 'TrACSS 2019–2020',
    period: '2019–2020',
    questions: codes.map((code) => {
      const answers = rows.filter((r) => r.indicator_code === code);
      return {
        code,
        name: answers[0]?.short_name ?? code,
        levels: countries.map((c) => ({
          iso3: c.iso3,
          level: (answers.find((r) => r.iso3 === c.iso3)?.level || null) as never,
        })),
      };
    }),
  };
}

/** Side by side: Jordan's public content, Egypt with fixture answers, the others empty. */
export function compareOf(countries: Country[]): MeCompare {
  const profile = jordanProfile();
  const jordanContent = (s: MeSection) => {
    const v = profile.sections.find((x) => x.section === s);
    return v?.approved
      ? { c: v.approved.content, p: 'national_approved' as const }
      : v?.published
        ? { c: v.published.content, p: 'published' as const }
        : null;
  };
  const rows = ME_STEPS.flatMap((section) =>
    ME_FIELDS[section]
      .filter((f) => f.compare)
      .map((f) => ({
        section,
        field: f.key,
        cells: countries.map((c) => {
          if (c.iso3 === 'JOR') {
            const j = jordanContent(section);
            const answer = j && 'fields' in j.c ? j.c.fields[f.key] : undefined;
            return answer && j && 'fields' in j.c
              ? {
                  iso3: c.iso3,
                  value: answer.value,
                  provenance: j.p,
                  sources: answer.sources.map((n) => j.c.sources[n - 1]),
                }
              : { iso3: c.iso3, value: null, provenance: null, sources: [] };
          }
          if (c.iso3 === 'EGY' && f.kind === 'yes_no')
            return { iso3: c.iso3, value: false, provenance: 'published', sources: [fixtureSource(c)] };
          return { iso3: c.iso3, value: null, provenance: null, sources: [] };
        }),
      })),
  );
  return MeCompareSchema.parse({
    countries,
    rows,
    tracss: tracss(countries),
    implementation: countries.map((c) =>
      c.iso3 === 'JOR'
        ? { iso3: 'JOR', planName: 'NAP 2018–2022', objectives: jordanRates() }
        : { iso3: c.iso3, planName: null, objectives: [] },
    ),
  });
}

/** Jordan's objectives as its NAP titles them, with the end-term evaluation's rates (research: none implemented). */
function jordanRates() {
  const rows = parse(readFileSync('server/db/reference-data/jordan/nap_2018_2022_objectives.csv'), {
    columns: true,
  }) as { objective: string; objective_title: string }[];
  const rates = [47, 56, 63, 69, 0];
  return rates.map((rate, i) => ({
    number: i + 1,
    title: rows.find((r) => r.objective === String(i + 1))?.objective_title ?? '',
    rate,
    provenance: 'published',
  }));
}

/** Jordan's transcribed challenges; Egypt faces two in the fixture and offers its one lesson. */
export function learningOf(countries: Country[]): MeLearning {
  const egypt = countries.find((c) => c.iso3 === 'EGY');
  const jordan = JORDAN_CONTENT.learning as MeLearningContent;
  const facing = (code: string) => [
    ...jordan.challenges
      .filter((c) => c.code === code && countries.some((x) => x.iso3 === 'JOR'))
      .map((c) => ({
        ...JORDAN,
        note: c.note,
        provenance: 'published',
        sources: c.sources.map((n) => jordan.sources[n - 1]),
      })),
    ...(egypt && (code === 'digital_systems' || code === 'me_funding')
      ? [{ ...egypt, note: null, provenance: 'published', sources: [fixtureSource(egypt)] }]
      : []),
  ];
  return MeLearningSchema.parse({
    countries,
    challenges: ME_CHALLENGES.map((code) => ({
      code,
      countries: facing(code),
      lessonCount: egypt && code === 'digital_systems' ? 1 : 0,
    })).sort((a, b) => b.countries.length - a.countries.length),
    lessons: egypt
      ? [
          {
            country: egypt,
            challenge: 'digital_systems',
            title: FIXTURE_LESSON,
            text: 'Test fixture: what worked.',
            objectives: [2, 5],
            sectors: ['human_health'],
            provenance: 'published',
            sources: [fixtureSource(egypt)],
          },
        ]
      : [],
  });
}

export const FIXTURE_LESSON = 'Test fixture: a lesson on digital systems';

/** A reader that answers from fixtures (or what a test puts in `answers`) and records what it was asked. */
export function fakeReader() {
  const calls: { method: string; query: unknown }[] = [];
  const answers: { profile?: MeProfile | null; compare?: MeCompare; learning?: MeLearning } = {};
  const countriesOf = (q: { group?: string; case: string }) => {
    const codes = [...(q.case !== 'none' ? [q.case] : []), ...(q.group ?? '').split(',').filter(Boolean)];
    const known = [JORDAN, ...PEERS];
    return [...new Set(codes)].map((iso3) => known.find((c) => c.iso3 === iso3) ?? { iso3, name: iso3 });
  };
  const reader: MeProfileReader = {
    async publicProfile(iso3) {
      calls.push({ method: 'publicProfile', query: iso3 });
      if (answers.profile !== undefined) return answers.profile;
      return iso3 === 'JOR' ? jordanProfile() : null;
    },
    async compare(q) {
      calls.push({ method: 'compare', query: q });
      return answers.compare ?? compareOf(countriesOf(q));
    },
    async learning(q) {
      calls.push({ method: 'learning', query: q });
      return answers.learning ?? learningOf(countriesOf(q));
    },
  };
  return { reader, calls, answers };
}
