import { useId, useState } from 'react';
import type { Country } from '../../../../shared';

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
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const name = (iso3: string) => countries.find((c) => c.iso3 === iso3)?.name ?? iso3;
  const add = () => {
    const t = text.trim().toLowerCase();
    if (!t) return;
    const hit = countries.find((c) => c.iso3.toLowerCase() === t || c.name.toLowerCase() === t);
    if (!hit) {
      setProblem(`No country named “${text.trim()}”`);
      return;
    }
    if (!value.includes(hit.iso3)) onChange([...value, hit.iso3]);
    setText('');
    setProblem(null);
  };
  return (
    <div className="country-chooser">
      <label htmlFor={`${id}-input`}>Countries</label>
      <div className="country-chooser__row">
        <input
          id={`${id}-input`}
          list={`${id}-list`}
          value={text}
          placeholder="Name or ISO3 code"
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
          Add
        </button>
      </div>
      <datalist id={`${id}-list`}>
        {countries.map((c) => (
          <option key={c.iso3} value={c.name}>
            {c.iso3}
          </option>
        ))}
      </datalist>
      <p id={`${id}-help`} className="hint">
        {value.length === 0 ? 'None chosen: every country you may read.' : `${value.length} chosen.`}
      </p>
      {problem ? (
        <p role="alert" className="field-error">
          {problem}
        </p>
      ) : null}
      <ul className="chips" aria-label="Chosen countries">
        {value.map((iso3) => (
          <li key={iso3} className="chip">
            {name(iso3)} ({iso3}){' '}
            <button
              type="button"
              className="chip__remove"
              aria-label={`Remove ${name(iso3)}`}
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
