import type { MeLearning } from '../../../shared';
import { isOneOf } from '../../../shared/constants/guard';
import { SECTORS, type Sector } from '../../../shared/constants/indicator';
import { ME_CHALLENGES, type MeChallenge } from '../../../shared/constants/me-profile';

/** The lesson filters the learning page keeps in its address (?objective=2&sector=…&challenge=…). */
export interface LessonFilters {
  objective: number | null;
  sector: Sector | null;
  challenge: MeChallenge | null;
}

export function lessonFiltersFrom(params: URLSearchParams): LessonFilters {
  const o = Number(params.get('objective'));
  const sector = params.get('sector');
  const challenge = params.get('challenge');
  return {
    objective: Number.isInteger(o) && o >= 1 && o <= 5 ? o : null,
    sector: isOneOf(SECTORS, sector) ? sector : null,
    challenge: isOneOf(ME_CHALLENGES, challenge) ? challenge : null,
  };
}

type Lesson = MeLearning['lessons'][number];

/**
 * The lessons a filter keeps. Filtering here (the API can filter too) keeps one answer per group:
 * the shared challenges, and who offers a lesson on each, stay whole while the list narrows.
 */
export function filterLessons(lessons: readonly Lesson[], f: LessonFilters): Lesson[] {
  return lessons.filter(
    (l) =>
      (f.objective === null || l.objectives.includes(f.objective)) &&
      (f.sector === null || l.sectors.includes(f.sector)) &&
      (f.challenge === null || l.challenge === f.challenge),
  );
}
