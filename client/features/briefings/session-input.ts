import type { BriefingSession, BriefingSessionInput } from '../../../shared';
import { BRIEFING_TOPICS, type BriefingTopic } from '../../../shared/constants/me-profile';
import type { Locale } from '../../../shared/i18n/locale';
import { DEFAULT_CASE_STUDY, type GroupSelection, groupFromSearchParams, groupQuery } from '../compare';

/** The new-session form's state: the session's fields, the group as the group picker holds it. */
export interface SessionFormValues {
  title: string;
  date: string;
  group: GroupSelection;
  caseStudy: string | null;
  topics: BriefingTopic[];
  agenda: string;
  lang: Locale;
  startedFrom: number | null;
}

const FALLBACK: GroupSelection = { groupType: 'who_region', group: 'EMR' };

export function emptySession(lang: Locale): SessionFormValues {
  return {
    title: '',
    date: '',
    group: FALLBACK,
    caseStudy: DEFAULT_CASE_STUDY,
    topics: [...BRIEFING_TOPICS],
    agenda: '',
    lang,
    startedFrom: null,
  };
}

/** A saved session's group as the picker holds it. */
export function sessionGroup(s: Pick<BriefingSession, 'groupType' | 'group'>): GroupSelection {
  const params = new URLSearchParams({ groupType: s.groupType });
  if (s.group) params.set('group', s.group);
  return groupFromSearchParams(params, FALLBACK);
}

/** The form filled from a session, to edit it. */
export function sessionValues(s: BriefingSession): SessionFormValues {
  return {
    title: s.title,
    date: s.date ?? '',
    group: sessionGroup(s),
    caseStudy: s.caseStudy,
    topics: [...s.topics],
    agenda: s.agenda ?? '',
    lang: s.lang,
    startedFrom: s.startedFrom,
  };
}

/**
 * The next session of a series: the same group, case study, topics, agenda and pack language,
 * pointing back at this one; its own title and date are the facilitator's to give.
 */
export function nextSessionValues(s: BriefingSession): SessionFormValues {
  return { ...sessionValues(s), title: '', date: '', startedFrom: s.id };
}

/** The API body of the form (the shared schema checks it before it is sent). */
export function sessionInput(v: SessionFormValues): BriefingSessionInput {
  const g = groupQuery(v.group);
  return {
    title: v.title.trim(),
    date: v.date || null,
    groupType: g.groupType,
    group: g.group ?? null,
    caseStudy: v.caseStudy,
    // In the catalogue's order, whatever order they were ticked in.
    topics: BRIEFING_TOPICS.filter((t) => v.topics.includes(t)),
    agenda: v.agenda.trim() || null,
    lang: v.lang,
    startedFrom: v.startedFrom,
  };
}
