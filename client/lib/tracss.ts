/**
 * The TrACSS round the app shows today. One place to change when a new round lands.
 * TrACSS = Tracking AMR Country Self-assessment Survey (WHO, FAO, WOAH, UNEP).
 */
export const TRACSS = {
  framework: 'tracss-2019-2020',
  period: '2019-2020',
  label: 'TrACSS 2019–2020',
  /** An indicator every respondent answered; its value count is the respondent count. */
  respondentIndicator: '4.1',
} as const;
