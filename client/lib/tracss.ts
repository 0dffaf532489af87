import type { Round } from '../../shared';

/**
 * The TrACSS round the app shows by default. One place to change when a new round lands.
 * TrACSS = Tracking AMR Country Self-assessment Survey (WHO, FAO, WOAH, UNEP).
 */
export const TRACSS = {
  framework: 'tracss-2019-2020',
  period: '2019-2020',
  label: 'TrACSS 2019–2020',
  /** An indicator every respondent answered; its value count is the respondent count. */
  respondentIndicator: '4.1',
} as const;

/** A round as the pages name and query it. */
export interface SurveyRound {
  framework: string;
  period: string;
  label: string;
}

/**
 * The round a page shows: the one the address names (`?round=tracss-2025`) among the rounds the
 * server has, its latest period; else the default round (also while the list loads or fails).
 */
export function surveyRound(rounds: readonly Round[] | undefined, code: string | null): SurveyRound {
  const r = code ? rounds?.find((x) => x.code === code) : undefined;
  const period = r?.periods.at(-1);
  if (r && period) return { framework: r.code, period, label: r.name };
  return { framework: TRACSS.framework, period: TRACSS.period, label: TRACSS.label };
}
