import {
  effectiveMeSection,
  ME_FIELDS,
  ME_STEPS,
  type MeCompare,
  type MeEffectiveSection,
  type MeGroupQuery,
  type MeSection,
  type MeStepContent,
} from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { publishedAnswersOf, publishedKey } from '../visibility/published-repository';
import { type CountryRef, type GroupViewer, groupCountries, MAX_SIDE_BY_SIDE } from './group';
import { currentPlans, objectiveRates } from './plan-repository';
import { publicSections } from './repository';
import { latestMeRound } from './tracss-repository';
import { citedSources } from './view';

export type MeGroupInput = {
  groupType: NonNullable<MeGroupQuery['groupType']>;
  group?: string | undefined;
  case: string;
};

/** Each country's sections as the public reads them (approved, else published), by `iso3:section`. */
export async function effectiveSections(
  db: DbOrTx,
  iso3s: string[],
  sections?: readonly MeSection[],
): Promise<Map<string, MeEffectiveSection>> {
  const out = new Map<string, MeEffectiveSection>();
  for (const r of await publicSections(db, iso3s, sections))
    out.set(`${r.countryIso3}:${r.section}`, effectiveMeSection(r.published, r.approved));
  return out;
}

/**
 * The case study and a group side by side: every comparable field of the eight steps, the M&E
 * questions of the latest TrACSS round, and the implementation rates each current plan published.
 *
 * Public layers only, whoever asks (the profile's approved content, else its published content;
 * published TrACSS levels; published rates; plans past approval): a side-by-side view and the
 * briefing pack made from it are shown to a room of other countries, so nothing unapproved goes in,
 * even for a caller who could read the drafts. Countries the caller may not read are left out.
 */
export async function compareProfiles(
  db: DbOrTx,
  q: MeGroupInput,
  who: GroupViewer,
  year: number,
): Promise<MeCompare> {
  const countries = await groupCountries(db, q, who, MAX_SIDE_BY_SIDE);
  const iso3s = countries.map((c) => c.iso3);
  const sections = await effectiveSections(db, iso3s, ME_STEPS);
  const rows = ME_STEPS.flatMap((step) =>
    ME_FIELDS[step]
      .filter((f) => f.compare)
      .map((f) => ({
        section: step,
        field: f.key,
        cells: countries.map(({ iso3 }) => {
          const effective = sections.get(`${iso3}:${step}`);
          const content = effective?.content as MeStepContent | null | undefined;
          const answer = content?.fields[f.key];
          if (!content || !answer) return { iso3, value: null, provenance: null, sources: [] };
          return {
            iso3,
            value: answer.value,
            provenance: effective?.provenance ?? null,
            sources: citedSources(content, answer.sources),
          };
        }),
      })),
  );
  return {
    countries,
    rows,
    tracss: await tracssLevels(db, iso3s),
    implementation: await implementation(db, countries, year),
  };
}

async function tracssLevels(db: DbOrTx, iso3s: string[]): Promise<MeCompare['tracss']> {
  const round = await latestMeRound(db);
  if (!round) return null;
  const answers = await publishedAnswersOf(
    db,
    iso3s,
    round.questions.map((q) => q.id),
  );
  return {
    framework: round.framework,
    frameworkName: round.frameworkName,
    period: round.period,
    questions: round.questions.map((q) => ({
      code: q.code,
      name: q.name,
      levels: iso3s.map((iso3) => ({ iso3, level: answers.get(publishedKey(iso3, q.id))?.level ?? null })),
    })),
  };
}

/** Each country's current public plan (past approval) and the rates its evaluation published by objective. */
async function implementation(
  db: DbOrTx,
  countries: CountryRef[],
  year: number,
): Promise<MeCompare['implementation']> {
  const plans = await currentPlans(
    db,
    countries.map((c) => c.iso3),
    year,
    () => false,
  );
  const rates = await objectiveRates(
    db,
    [...plans.values()].map((p) => p.id),
  );
  return countries.map(({ iso3 }) => {
    const plan = plans.get(iso3);
    return {
      iso3,
      planName: plan?.title ?? null,
      objectives: rates
        .filter((r) => r.planId === plan?.id && r.published)
        .map((r) => ({ number: r.number, title: r.title, rate: r.rate, provenance: 'published' as const })),
    };
  });
}
