import { describe, expect, it } from 'vitest';
import { actionVerb } from '../../client/features/me-profiles/components/profile-history';
import { fromDraft } from '../../client/features/me-profiles/form-content';
import { serverIssues } from '../../client/features/me-profiles/form-issues';
import {
  type LearningDraft,
  removeSource,
  renumber,
  type StepDraft,
  toDraft,
} from '../../client/features/me-profiles/form-state';
import { filterLessons, lessonFiltersFrom } from '../../client/features/me-profiles/lesson-filters';
import { makeT } from '../../client/i18n/context';
import { en } from '../../client/i18n/locales/en';
import { fr } from '../../client/i18n/locales/fr';
import { type MeLearningContent, meSectionIssues } from '../../shared';
import { groupLearning } from './support/me-fixtures';

const t = makeT('en', en);
const source = (title: string) => ({ title, locator: null, url: null });

describe('the profile form', () => {
  it('reads a step’s content into inputs and back, leaving unanswered fields out', () => {
    const content = {
      fields: {
        indicator_count: { value: 22, sources: [2] },
        baselines_set: { value: false, sources: [] },
        data_sources: { value: ['tracss', 'surveys'], sources: [1] },
      },
      text: 'From the M&E plan',
      textSources: [1],
      sources: [source('NAP'), source('Evaluation')],
    };
    const draft = toDraft('indicators', content) as StepDraft;
    expect(draft.fields.indicator_count).toEqual({ value: '22', sources: [2] });
    expect(draft.fields.baselines_set?.value).toBe('no');
    expect(draft.fields.targets_set?.value).toBe('');
    const back = fromDraft('indicators', draft, t);
    expect(back).toEqual({ content, issues: [] });
    expect(meSectionIssues('indicators', back.content)).toEqual([]);
  });

  it('removing a source drops its citations and moves the later ones up', () => {
    expect(renumber([1, 2, 3], 2)).toEqual([1, 2]);
    const draft = toDraft('indicators', {
      fields: { indicator_count: { value: 22, sources: [1, 3] } },
      text: 'x',
      textSources: [2, 3],
      sources: [source('A'), source('B'), source('C')],
    });
    const after = removeSource(draft, 1) as StepDraft;
    expect(after.sources.map((s) => s.title)).toEqual(['A', 'C']);
    expect(after.fields.indicator_count?.sources).toEqual([1, 2]);
    expect(after.textSources).toEqual([2]);
  });

  it('names bad numbers, lines and sources in the interface language, at their content paths', () => {
    const draft = toDraft('resources', null) as StepDraft;
    draft.fields.me_budget_usd = { value: '12,5 k', sources: [] };
    draft.sources = [{ title: ' ', locator: '', url: 'ftp://x' }];
    expect(fromDraft('resources', draft, t).issues).toEqual([
      { path: 'sources.0.title', message: 'Give the source’s title.' },
      { path: 'sources.0.url', message: en['meForm.err.sourceUrl'] },
      { path: 'fields.me_budget_usd.value', message: en['meForm.err.amount'] },
    ]);
    const count = toDraft('indicators', null) as StepDraft;
    count.fields.indicator_count = { value: '2.5', sources: [] };
    const [issue, ...rest] = fromDraft('indicators', count, makeT('fr', fr)).issues;
    expect(rest).toEqual([]);
    expect(issue?.path).toBe('fields.indicator_count.value');
    // French groups thousands with a narrow no-break space.
    expect(issue?.message).toMatch(/^Saisissez un nombre entier de 0 à 100\s000\.$/u);
  });

  it('lists ticked challenges in the vocabulary’s order and requires a lesson title', () => {
    const draft: LearningDraft = {
      kind: 'learning',
      challenges: [
        { code: 'data_quality', note: '', objectives: [2], sectors: [], sources: [] },
        {
          code: 'me_funding',
          note: ' Short of money ',
          objectives: [5, 1],
          sectors: ['environment'],
          sources: [1],
        },
      ],
      lessons: [{ key: 1, challenge: '', title: '  ', text: '', objectives: [], sectors: [], sources: [] }],
      sources: [{ title: 'Review', locator: '', url: '' }],
    };
    const { content, issues } = fromDraft('learning', draft, t);
    expect((content as MeLearningContent).challenges.map((c) => [c.code, c.note, c.objectives])).toEqual([
      ['me_funding', 'Short of money', [1, 5]],
      ['data_quality', null, [2]],
    ]);
    expect(issues).toEqual([{ path: 'lessons.0.title', message: 'Give the lesson a title.' }]);
  });

  it('reads the server’s issue paths as the form’s', () => {
    expect(serverIssues([{ path: 'content.fields.indicator_count.value', message: 'too small' }])).toEqual([
      { path: 'fields.indicator_count.value', message: 'too small' },
    ]);
  });
});

describe('the learning page’s lesson filters and the history’s words', () => {
  it('keeps the lessons on an objective, a sector or a challenge', () => {
    const all = groupLearning.lessons;
    const by = (q: string) =>
      filterLessons(all, lessonFiltersFrom(new URLSearchParams(q))).map((l) => l.title);
    expect(by('')).toHaveLength(2);
    expect(by('objective=4')).toEqual(['Stewardship audits in every governorate']);
    expect(by('sector=human_health&challenge=multisectoral_coordination')).toEqual([
      'One reporting calendar for every sector',
    ]);
    expect(by('objective=9&sector=nope')).toHaveLength(2); // a mangled address filters nothing
  });

  it('finds the verb of an audit action', () => {
    expect(actionVerb('me_section.submit')).toBe('submit');
    expect(actionVerb('me_profile.section.returned')).toBe('return');
    expect(actionVerb('approved')).toBe('approve');
    expect(actionVerb('me_section.reticulate')).toBeNull();
  });
});
