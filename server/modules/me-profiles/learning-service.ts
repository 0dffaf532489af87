import {
  ME_CHALLENGES,
  type MeChallenge,
  type MeLearning,
  type MeLearningContent,
  type Sector,
} from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { effectiveSections, type MeGroupInput } from './compare-service';
import { type GroupViewer, groupCountries } from './group';
import { citedSources } from './view';

export type MeLearningInput = MeGroupInput & {
  objective?: number | undefined;
  sector?: Sector | undefined;
  challenge?: MeChallenge | undefined;
};

type Lesson = MeLearning['lessons'][number];

/**
 * The challenges the countries of a group share (every challenge of the vocabulary, most shared
 * first) and the lessons they offer, filtered by GAP objective, sector and challenge.
 *
 * Public layers only, whoever asks (approved learning content, else published): this view and the
 * briefing pack made from it are shared with other countries. Countries the caller may not read are
 * left out.
 */
export async function learningOf(db: DbOrTx, q: MeLearningInput, who: GroupViewer): Promise<MeLearning> {
  const countries = await groupCountries(db, q, who);
  const sections = await effectiveSections(
    db,
    countries.map((c) => c.iso3),
    ['learning'],
  );
  const tagged = new Map<MeChallenge, MeLearning['challenges'][number]['countries']>(
    ME_CHALLENGES.map((c) => [c, []]),
  );
  const lessons: Lesson[] = [];
  for (const country of countries) {
    const effective = sections.get(`${country.iso3}:learning`);
    const content = effective?.content as MeLearningContent | null | undefined;
    if (!content || !effective?.provenance) continue;
    const provenance = effective.provenance;
    for (const c of content.challenges)
      tagged.get(c.code)?.push({
        ...country,
        note: c.note,
        provenance,
        sources: citedSources(content, c.sources),
      });
    for (const l of content.lessons)
      lessons.push({
        country,
        challenge: l.challenge,
        title: l.title,
        text: l.text,
        objectives: l.objectives,
        sectors: l.sectors,
        provenance,
        sources: citedSources(content, l.sources),
      });
  }
  const onTopic = lessons.filter(
    (l) =>
      (q.objective === undefined || l.objectives.includes(q.objective)) &&
      (q.sector === undefined || l.sectors.includes(q.sector)),
  );
  const challenges = ME_CHALLENGES.map((code) => ({
    code,
    countries: tagged.get(code) ?? [],
    lessonCount: onTopic.filter((l) => l.challenge === code).length,
  }))
    // Stable: among equals, the vocabulary's order.
    .sort((a, b) => b.countries.length - a.countries.length || b.lessonCount - a.lessonCount);
  return {
    countries,
    challenges,
    lessons: onTopic.filter((l) => q.challenge === undefined || l.challenge === q.challenge),
  };
}
