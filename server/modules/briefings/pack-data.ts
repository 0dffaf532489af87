import type { BriefingPackData, BriefingSession, MeProfile } from '../../../shared';
import type { MeProfileReader } from '../me-profiles/reader';

type SessionData = Omit<BriefingSession, 'packs'>;

/**
 * A pack must hold nothing unapproved, whoever makes it: the reader gives public layers only, and
 * any draft layer is dropped here as well.
 */
const publicLayers = (p: MeProfile): MeProfile => ({
  ...p,
  sections: p.sections.map((s) => ({ ...s, draft: null })),
  can: { edit: false, validate: false },
});

/**
 * What a briefing pack is made of, read now: the case study's public profile, the comparison and
 * the learning of the countries the session resolved when it was saved (not today's members of its
 * group), the case study first.
 */
export async function loadBriefingPackData(
  session: SessionData,
  reader: MeProfileReader,
  now: Date = new Date(),
): Promise<BriefingPackData> {
  const group = {
    groupType: 'countries' as const,
    group: session.countries.map((c) => c.iso3).join(','),
    case: session.caseStudy ?? ('none' as const),
  };
  const [caseStudy, compare, learning] = await Promise.all([
    session.caseStudy ? reader.publicProfile(session.caseStudy) : Promise.resolve(null),
    reader.compare(group),
    reader.learning(group),
  ]);
  return {
    session,
    generatedAt: now.toISOString(),
    caseStudy: caseStudy ? publicLayers(caseStudy) : null,
    compare,
    learning,
  };
}
