import { useId } from 'react';
import { useT } from '../../../i18n/context';
import { useCountryName } from '../../../i18n/countries';
import { useCountries } from '../../countries';

/**
 * The case-study country pinned first in a comparison (Jordan unless changed), or none. With
 * `hint`, a line under it says what pinning does (the comparison views).
 */
export function CaseStudyPicker({
  value,
  onChange,
  hint = false,
}: {
  value: string | null;
  onChange: (iso3: string | null) => void;
  hint?: boolean;
}) {
  const id = useId();
  const t = useT();
  const countries = useCountries();
  const name = useCountryName();
  const items = countries.data?.items ?? [];
  return (
    <div className={hint ? 'field case-study-field' : 'field'}>
      <label htmlFor={id}>{t('cmp.caseStudy')}</label>
      <select
        id={id}
        value={value ?? ''}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value || null)}
      >
        <option value="">{t('cmp.noCaseStudy')}</option>
        {value && !items.some((c) => c.iso3 === value) && <option value={value}>{value}</option>}
        {items.map((c) => (
          <option key={c.iso3} value={c.iso3}>
            {name(c)}
          </option>
        ))}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="muted small">
          {t('cmp.caseStudyHint')}
        </p>
      )}
    </div>
  );
}
