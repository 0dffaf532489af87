/**
 * A country's M&E system profile, without zod (pages render with these; shared/domain/me-profile.ts
 * holds the schemas). The eight steps are those of the Quadripartite's 2023 "Guidance to facilitate
 * monitoring and evaluation for AMR national action plans"; `learning` holds the challenges a
 * country faces and the lessons it offers. One definition drives the form, the validation on both
 * sides, the side-by-side rows, the briefing pack and its spreadsheet.
 */
import { SECTORS } from './indicator';

export const ME_STEPS = [
  'audience',
  'questions',
  'indicators',
  'governance',
  'timelines',
  'me_plan',
  'resources',
  'reviews',
] as const;
export type MeStep = (typeof ME_STEPS)[number];

/** The sections of a profile: the eight steps, then challenges and lessons. Each has its own workflow. */
export const ME_SECTIONS = [...ME_STEPS, 'learning'] as const;
export type MeSection = (typeof ME_SECTIONS)[number];

export const isMeStep = (s: string): s is MeStep => (ME_STEPS as readonly string[]).includes(s);

/** Closed option lists; labels live in the shared profile catalog (shared/i18n/me-profile.ts). */
export const ME_OPTION_SETS = {
  audience: [
    'ministry_health',
    'ministry_agriculture',
    'ministry_environment',
    'multisectoral_committee',
    'national_coordinating_body',
    'sector_focal_points',
    'parliament_government',
    'donors_partners',
    'quadripartite',
    'professionals',
    'public',
  ],
  question_kind: ['implementation_progress', 'outcomes_impact', 'relevance', 'efficiency', 'sustainability'],
  indicator_type: ['input', 'process', 'output', 'outcome', 'impact'],
  data_source: [
    'amr_surveillance_human',
    'amr_surveillance_animal',
    'amu_surveillance_human',
    'amu_surveillance_animal',
    'laboratory_network',
    'health_information_system',
    'surveys',
    'administrative_records',
    'activity_reports',
    'tracss',
    'who_glass',
    'woah_animuse',
    'fao_infarm',
  ],
  frequency: ['monthly', 'quarterly', 'semiannual', 'annual', 'biennial', 'midterm_endterm', 'ad_hoc'],
  plan_form: ['nap_chapter', 'separate_document', 'framework_in_progress'],
  review_status: ['done', 'in_progress', 'planned', 'not_planned'],
  sector: SECTORS,
} as const;
export type MeOptionSet = keyof typeof ME_OPTION_SETS;

/**
 * yes_no: boolean; single: one option; multi: several options; count: whole number ≥ 0;
 * amount_usd: US dollars ≥ 0; short_text: ≤ 200 characters; text: ≤ 2000; list: up to 20 lines of ≤ 300.
 */
export const ME_FIELD_KINDS = [
  'yes_no',
  'single',
  'multi',
  'count',
  'amount_usd',
  'short_text',
  'text',
  'list',
] as const;
export type MeFieldKind = (typeof ME_FIELD_KINDS)[number];

export const ME_LIMITS = {
  shortText: 200,
  text: 2000,
  listItems: 20,
  listItem: 300,
  count: 100_000,
  amountUsd: 1_000_000_000_000,
  sources: 20,
  sourceTitle: 300,
  sourceLocator: 120,
  sourceUrl: 2000,
  sourcesPerItem: 5,
  sectionText: 4000,
  challenges: 30,
  lessons: 30,
  lessonTitle: 200,
} as const;

export interface MeFieldDef {
  key: string;
  kind: MeFieldKind;
  /** For single and multi. */
  options?: MeOptionSet;
  /** A row of the side-by-side view and the briefing pack's comparison table. */
  compare?: true;
}

export const ME_FIELDS: Record<MeStep, readonly MeFieldDef[]> = {
  audience: [
    { key: 'audiences', kind: 'multi', options: 'audience', compare: true },
    { key: 'primary_user', kind: 'short_text' },
  ],
  questions: [
    { key: 'questions_defined', kind: 'yes_no', compare: true },
    { key: 'question_kinds', kind: 'multi', options: 'question_kind', compare: true },
    { key: 'questions', kind: 'list' },
  ],
  indicators: [
    { key: 'indicator_count', kind: 'count', compare: true },
    { key: 'indicator_types', kind: 'multi', options: 'indicator_type', compare: true },
    { key: 'data_sources', kind: 'multi', options: 'data_source', compare: true },
    { key: 'baselines_set', kind: 'yes_no', compare: true },
    { key: 'targets_set', kind: 'yes_no', compare: true },
  ],
  governance: [
    { key: 'multisectoral_committee', kind: 'yes_no', compare: true },
    { key: 'coordinating_body', kind: 'short_text', compare: true },
    { key: 'me_responsible', kind: 'short_text', compare: true },
    { key: 'focal_point_sectors', kind: 'multi', options: 'sector', compare: true },
  ],
  timelines: [
    { key: 'collection_frequency', kind: 'single', options: 'frequency', compare: true },
    { key: 'reporting_frequency', kind: 'single', options: 'frequency', compare: true },
    { key: 'reporting_period', kind: 'short_text' },
    { key: 'answers_tracss_yearly', kind: 'yes_no', compare: true },
  ],
  me_plan: [
    { key: 'me_plan_exists', kind: 'yes_no', compare: true },
    { key: 'me_plan_form', kind: 'single', options: 'plan_form', compare: true },
    { key: 'me_plan_period', kind: 'short_text', compare: true },
  ],
  resources: [
    { key: 'me_budget_earmarked', kind: 'yes_no', compare: true },
    { key: 'me_budget_usd', kind: 'amount_usd', compare: true },
    { key: 'nap_budget_usd', kind: 'amount_usd', compare: true },
    { key: 'me_staff', kind: 'short_text' },
  ],
  reviews: [
    { key: 'midterm_review', kind: 'single', options: 'review_status', compare: true },
    { key: 'endterm_review', kind: 'single', options: 'review_status', compare: true },
    { key: 'review_method', kind: 'short_text', compare: true },
    { key: 'findings', kind: 'list' },
  ],
};

/** The shared vocabulary of common M&E challenges; a lesson names the challenge it answers. */
export const ME_CHALLENGES = [
  'sector_data_availability',
  'multisectoral_coordination',
  'me_funding',
  'indicator_definitions',
  'baselines_targets',
  'digital_systems',
  'human_resources',
  'laboratory_capacity',
  'private_sector_data',
  'environment_data',
  'data_quality',
  'reporting_burden',
  'political_commitment',
] as const;
export type MeChallenge = (typeof ME_CHALLENGES)[number];

/**
 * TrACSS questions that matter for M&E, by framework: multisectoral coordination, the NAP's status,
 * antimicrobial use monitoring and AMR surveillance (humans, animals, environment). Shown beside the
 * profiles; codes are the frameworks' indicator codes.
 */
export const ME_TRACSS_QUESTIONS: Record<string, readonly string[]> = {
  'tracss-2025': ['2.1', '2.3.a', '3.2', '3.5', '4.7', '6.2'],
  'tracss-2019-2020': ['4.1', '5.1', '7.1', '7.4', '7.5a'],
};

/** What a briefing pack may hold, in this order. */
export const BRIEFING_TOPICS = ['case_study', ...ME_STEPS, 'learning', 'tracss', 'implementation'] as const;
export type BriefingTopic = (typeof BRIEFING_TOPICS)[number];

/** A briefing session's title and agenda: the schema bounds them and the session form gives them as maxLength. */
export const BRIEFING_LIMITS = { title: 200, agenda: 4000 } as const;
