import { useId, useState } from 'react';
import type { Country } from '../../../../shared';
import { useT } from '../../../i18n/context';
import { useCountryName } from '../../../i18n/countries';

/**
 * Picks several countries: type a name or ISO3 code (the list suggests), Enter or Add adds it;
 * each chosen country is a chip with a remove button.
 */
export function CountryChooser({
  countries,
  value,
  onChange,
}: {
  countries: Country[];
  value: string[];
  onChange: (next: string[]) => void;
}) {
  const id = useId();
  const t = useT();
  const countryName = useCountryName();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const name = (iso3: string) => {
    const c = countries.find((x) => x.iso3 === iso3);
    return c ? countryName(c) : iso3;
  };
  const add = () => {
    const typed = text.trim().toLowerCase();
    if (!typed) return;
    const hit = countries.find(
      (c) =>
        c.iso3.toLowerCase() === typed ||
        c.name.toLowerCase() === typed ||
        countryName(c).toLowerCase() === typed,
    );
    if (!hit) {
      setProblem(t('chooser.noMatch', { name: text.trim() }));
      return;
    }
    if (!value.includes(hit.iso3)) onChange([...value, hit.iso3]);
    setText('');
    setProblem(null);
  };
  return (
    <div className="country-chooser">
      <label htmlFor={`${id}-input`}>{t('nav.countries')}</label>
      <div className="country-chooser__row">
        <input
          id={`${id}-input`}
          list={`${id}-list`}
          value={text}
          placeholder={t('cmp.addPlaceholder')}
          aria-describedby={`${id}-help`}
          onChange={(e) => {
            setText(e.target.value);
            setProblem(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button button--secondary" onClick={add}>
          {t('chooser.add')}
        </button>
      </div>
      <datalist id={`${id}-list`}>
        {countries.map((c) => (
          <option key={c.iso3} value={countryName(c)}>
            {c.iso3}
          </option>
        ))}
      </datalist>
      <p id={`${id}-help`} className="hint">
        {value.length === 0 ? t('chooser.noneChosen') : t('chooser.chosen', { count: value.length })}
      </p>
      {problem ? (
        <p role="alert" className="field-error">
          {problem}
        </p>
      ) : null}
      <ul className="chips" aria-label={t('cmp.chosen')}>
        {value.map((iso3) => (
          <li key={iso3} className="chip">
            {name(iso3)} ({iso3}){' '}
            <button
              type="button"
              className="chip__remove"
              aria-label={t('cmp.remove', { name: name(iso3) })}
              onClick={() => onChange(value.filter((c) => c !== iso3))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
