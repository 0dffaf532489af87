import { useEffect, useId, useRef, useState } from 'react';
import { COUNTRY_SEARCH_MAX_LENGTH, INCOME_GROUPS, WHO_REGIONS } from '../../../../shared/constants/country';
import { isOneOf } from '../../../../shared/constants/guard';
import { useT } from '../../../i18n/context';
import type { CountryFilters as Filters } from '../api/get-countries';

/** How long typing pauses before the search is sent (one request per pause, not per key). */
const SEARCH_DELAY_MS = 250;

export function CountryFilters({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) {
  const id = useId();
  const t = useT();
  const [text, setText] = useState(value.q ?? '');

  const sent = useRef(value.q);

  // The URL can change under us (back button, a link): follow it, but not our own echo,
  // which would overwrite what was typed since.
  useEffect(() => {
    if (value.q !== sent.current) {
      sent.current = value.q;
      setText(value.q ?? '');
    }
  }, [value.q]);

  useEffect(() => {
    const q = text.trim() || undefined;
    if (q === value.q) return;
    const timer = setTimeout(() => {
      sent.current = q;
      onChange({ ...value, q });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);

  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new (Safari 17, no jsdom); role=search is equivalent
    <form
      className="filters"
      role="search"
      aria-label={t('countries.filter')}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('countries.search')}</label>
        <input
          id={`${id}-q`}
          type="search"
          placeholder={t('countries.searchPlaceholder')}
          value={text}
          maxLength={COUNTRY_SEARCH_MAX_LENGTH}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-region`}>{t('countries.col.whoRegion')}</label>
        <select
          id={`${id}-region`}
          value={value.whoRegion ?? ''}
          onChange={(e) => {
            const code = e.target.value;
            onChange({ ...value, whoRegion: isOneOf(WHO_REGIONS, code) ? code : undefined });
          }}
        >
          <option value="">{t('countries.allRegions')}</option>
          {WHO_REGIONS.map((code) => (
            <option key={code} value={code}>
              {t(`whoRegion.${code}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-income`}>{t('countries.col.income')}</label>
        <select
          id={`${id}-income`}
          value={value.incomeGroup ?? ''}
          onChange={(e) => {
            const code = e.target.value;
            onChange({ ...value, incomeGroup: isOneOf(INCOME_GROUPS, code) ? code : undefined });
          }}
        >
          <option value="">{t('countries.allIncome')}</option>
          {INCOME_GROUPS.map((code) => (
            <option key={code} value={code}>
              {t(`income.${code}`)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
