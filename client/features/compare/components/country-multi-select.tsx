import { useId, useMemo, useState } from 'react';
import type { Country } from '../../../../shared';
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
  const [text, setText] = useState('');
  const byIso3 = useMemo(() => new Map(countries.map((c) => [c.iso3, c])), [countries]);
  const matches = useMemo(() => {
    const q = text.trim().toLowerCase();
    if (!q) return [];
    return countries
      .filter((c) => !value.includes(c.iso3))
      .filter((c) => c.name.toLowerCase().includes(q) || c.iso3.toLowerCase() === q)
      .slice(0, MAX_MATCHES);
  }, [countries, text, value]);
  const full = value.length >= MAX_PICKED_COUNTRIES;

  return (
    <div className="multi-select">
      <div className="field">
        <label htmlFor={`${id}-search`}>Add a country</label>
        <input
          id={`${id}-search`}
          type="search"
          placeholder="Name or ISO3 code"
          value={text}
          maxLength={100}
          disabled={full}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {matches.length > 0 && (
        <ul className="multi-select__matches" aria-label="Matching countries">
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
                Add {c.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="muted small" aria-live="polite">
        {value.length === 0
          ? 'No country chosen yet: add at least one.'
          : `${value.length} ${value.length === 1 ? 'country' : 'countries'} chosen`}
      </p>
      {value.length > 0 && (
        <ul className="multi-select__chosen" aria-label="Chosen countries">
          {value.map((iso3) => (
            <li key={iso3}>
              <button
                type="button"
                className="chip"
                onClick={() => onChange(value.filter((x) => x !== iso3))}
                aria-label={`Remove ${byIso3.get(iso3)?.name ?? iso3}`}
              >
                {byIso3.get(iso3)?.name ?? iso3} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
