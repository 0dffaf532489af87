import { useId, useMemo, useState } from 'react';
import type { Country } from '../../../../shared';
import { useT } from '../../../i18n/context';
import { useCountryName } from '../../../i18n/countries';
import { MAX_PICKED_COUNTRIES } from '../group-params';

const MAX_MATCHES = 8;

/** Picks a list of countries: search, add from the matches, remove from the chosen list. */
export function CountryMultiSelect({
  countries,
  value,
  onChange,
}: {
  countries: readonly Country[];
  value: readonly string[];
  onChange: (next: string[]) => void;
}) {
  const id = useId();
  const t = useT();
  const countryName = useCountryName();
  const [text, setText] = useState('');
  const byIso3 = useMemo(() => new Map(countries.map((c) => [c.iso3, c])), [countries]);
  const matches = useMemo(() => {
    const q = text.trim().toLowerCase();
    if (!q) return [];
    return countries
      .filter((c) => !value.includes(c.iso3))
      .filter(
        (c) =>
          c.name.toLowerCase().includes(q) ||
          countryName(c).toLowerCase().includes(q) ||
          c.iso3.toLowerCase() === q,
      )
      .slice(0, MAX_MATCHES);
  }, [countries, text, value, countryName]);
  const full = value.length >= MAX_PICKED_COUNTRIES;
  const nameOf = (iso3: string) => {
    const c = byIso3.get(iso3);
    return c ? countryName(c) : iso3;
  };

  return (
    <div className="multi-select">
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('cmp.addCountry')}</label>
        <input
          id={`${id}-search`}
          type="search"
          placeholder={t('cmp.addPlaceholder')}
          value={text}
          maxLength={100}
          disabled={full}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {matches.length > 0 && (
        <ul className="multi-select__matches" aria-label={t('cmp.matching')}>
          {matches.map((c) => (
            <li key={c.iso3}>
              <button
                type="button"
                className="chip chip--add"
                onClick={() => {
                  onChange([...value, c.iso3]);
                  setText('');
                }}
              >
                {t('cmp.add', { name: countryName(c) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="muted small" aria-live="polite">
        {value.length === 0 ? t('cmp.noneChosen') : t('cmp.chosenCount', { count: value.length })}
      </p>
      {value.length > 0 && (
        <ul className="multi-select__chosen" aria-label={t('cmp.chosen')}>
          {value.map((iso3) => (
            <li key={iso3}>
              <button
                type="button"
                className="chip"
                onClick={() => onChange(value.filter((x) => x !== iso3))}
                aria-label={t('cmp.remove', { name: nameOf(iso3) })}
              >
                {nameOf(iso3)} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
