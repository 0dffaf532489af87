import { useId } from 'react';
import type { MeLearning } from '../../../../shared';
import { SECTORS } from '../../../../shared/constants/indicator';
import { ME_CHALLENGES } from '../../../../shared/constants/me-profile';
import { useI18n } from '../../../i18n/context';
import { useCountryName } from '../../../i18n/countries';
import { filterLessons, type LessonFilters } from '../lesson-filters';
import { useMeText } from '../text';
import { ProvenanceMark } from './provenance-mark';
import { SourceNotes } from './source-notes';
import { gapKey, ObjectiveSectorTags } from './tags';

/** The filters of the lessons list; each change goes into the address (null: every value). */
export function LessonFilterBar({
  filters,
  onChange,
}: {
  filters: LessonFilters;
  onChange: (key: keyof LessonFilters, value: string | null) => void;
}) {
  const id = useId();
  const { t } = useI18n();
  const text = useMeText();
  return (
    <fieldset className="filters">
      <legend>{t('learning.filterLessons')}</legend>
      <div className="field">
        <label htmlFor={`${id}-objective`}>{t('objectives.col.gap')}</label>
        <select
          id={`${id}-objective`}
          value={filters.objective ?? ''}
          onChange={(e) => onChange('objective', e.target.value || null)}
        >
          <option value="">{t('learning.any')}</option>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}. {t(gapKey(n))}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-sector`}>{t('learning.sector')}</label>
        <select
          id={`${id}-sector`}
          value={filters.sector ?? ''}
          onChange={(e) => onChange('sector', e.target.value || null)}
        >
          <option value="">{t('learning.any')}</option>
          {SECTORS.map((s) => (
            <option key={s} value={s}>
              {text.options.sector[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-challenge`}>{t('learning.challenge')}</label>
        <select
          id={`${id}-challenge`}
          value={filters.challenge ?? ''}
          onChange={(e) => onChange('challenge', e.target.value || null)}
        >
          <option value="">{t('learning.any')}</option>
          {ME_CHALLENGES.map((c) => (
            <option key={c} value={c}>
              {text.challenges[c]}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}

/** The lessons the group's countries offer, each with its country, text and sources. */
export function LessonsList({ data, filters }: { data: MeLearning; filters: LessonFilters }) {
  const id = useId();
  const { t } = useI18n();
  const text = useMeText();
  const countryName = useCountryName();
  const shown = filterLessons(data.lessons, filters);
  return (
    <>
      <p role="status" className="muted small">
        {t('learning.lessonCount', { shown: String(shown.length), total: String(data.lessons.length) })}
      </p>
      {shown.length === 0 ? null : (
        <ul className="me-entries me-lessons-list" aria-label={t('learning.lessonsLabel')}>
          {shown.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lessons have no id; their order is the server's
            <li key={`${l.country.iso3}-${i}`}>
              <h3 className="me-entry__title">{l.title}</h3>
              <p className="small">
                <strong>{countryName(l.country)}</strong> <ProvenanceMark provenance={l.provenance} />
                {l.challenge && <> · {t('meView.answers', { challenge: text.challenges[l.challenge] })}</>}
              </p>
              {l.text && <p className="me-text">{l.text}</p>}
              <ObjectiveSectorTags objectives={l.objectives} sectors={l.sectors} />
              <SourceNotes
                sources={l.sources}
                prefix={`${id}-${i}`}
                label={t('learning.lessonSources', { title: l.title })}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
