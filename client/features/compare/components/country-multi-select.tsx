import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import type { Country } from '../../../../shared';
import { useT } from '../../../i18n/context';
import { useCountryName } from '../../../i18n/countries';
import { MAX_PICKED_COUNTRIES } from '../group-params';

const MAX_MATCHES = 8;

/**
 * Picks a list of countries: a search box that is a combobox (WAI-ARIA 1.2, list autocomplete):
 * typing lists the matches, the first one highlighted; Arrow keys move the highlight (announced
 * through aria-activedescendant, the focus stays in the box), Enter adds the highlighted country,
 * Escape closes the list (a second Escape clears the text). A click on a match adds it too.
 * The chosen countries are buttons that remove them.
 */
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
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
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
  const expanded = open && matches.length > 0;
  const highlighted = expanded ? Math.min(active, matches.length - 1) : -1;
  const optionId = (i: number) => `${id}-option-${i}`;
  const listId = `${id}-list`;

  const add = (c: Country) => {
    onChange([...value, c.iso3]);
    setText('');
    setActive(0);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (matches.length === 0) return;
      e.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(e.key === 'ArrowDown' ? 0 : matches.length - 1);
        return;
      }
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((highlighted + step + matches.length) % matches.length);
    } else if (e.key === 'Home' && expanded) {
      e.preventDefault();
      setActive(0);
    } else if (e.key === 'End' && expanded) {
      e.preventDefault();
      setActive(matches.length - 1);
    } else if (e.key === 'Enter') {
      // Never submits the form around the picker.
      e.preventDefault();
      const c = matches[highlighted];
      if (c) add(c);
    } else if (e.key === 'Escape') {
      if (expanded) {
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
      } else if (text) {
        e.preventDefault();
        e.stopPropagation();
        setText('');
      }
    }
  };

  return (
    <div className="multi-select">
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('cmp.addCountry')}</label>
        <input
          id={`${id}-search`}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={highlighted >= 0 ? optionId(highlighted) : undefined}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          placeholder={t('cmp.addPlaceholder')}
          value={text}
          maxLength={100}
          disabled={full}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => text && setOpen(true)}
        />
        <span id={`${id}-hint`} className="visually-hidden">
          {t('cmp.comboHint')}
        </span>
      </div>
      <div
        id={listId}
        role="listbox"
        className="multi-select__matches"
        aria-label={t('cmp.matching')}
        hidden={!expanded}
      >
        {expanded &&
          matches.map((c, i) => (
            // The options are reached through the box's aria-activedescendant (the focus stays in the
            // box; tabIndex -1 keeps them out of the Tab order); the mouse adds one here.
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard adds it with Enter in the combobox
            <div
              key={c.iso3}
              id={optionId(i)}
              role="option"
              tabIndex={-1}
              aria-selected={i === highlighted}
              className={i === highlighted ? 'multi-select__option is-active' : 'multi-select__option'}
              // Keeps the focus (and the list) in the box while clicking.
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => i !== highlighted && setActive(i)}
              onClick={() => add(c)}
            >
              {countryName(c)} <span className="muted small">{c.iso3}</span>
            </div>
          ))}
      </div>
      {open && text.trim() && matches.length === 0 && (
        <p className="muted small" role="status">
          {t('cmp.noMatch', { text: text.trim() })}
        </p>
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
