import type { MeCompare } from '../../../../shared';
import { ScrollTable } from '../../../components/ui/scroll-table';
import { useI18n } from '../../../i18n/context';
import { useCountryName } from '../../../i18n/countries';
import { ProvenanceMark } from './provenance-mark';

/** Implementation rates by objective, where published or approved (nothing computed from drafts). */
export function ImplementationTable({ data }: { data: MeCompare }) {
  const { t, formatPercent } = useI18n();
  const countryName = useCountryName();
  const byCountry = new Map(data.implementation.map((i) => [i.iso3, i]));
  const numbers = [...new Set(data.implementation.flatMap((i) => i.objectives.map((o) => o.number)))].sort(
    (a, b) => a - b,
  );
  if (numbers.length === 0) return <p className="muted small">{t('learning.noImplementation')}</p>;
  const caption = t('learning.implCaption');
  return (
    <ScrollTable caption={caption} className="table table--compact">
      <thead>
        <tr>
          <th scope="col">{t('learning.col.objective')}</th>
          {data.countries.map((c) => (
            <th key={c.iso3} scope="col">
              {countryName(c)}
              {byCountry.get(c.iso3)?.planName && (
                <span className="small muted cell-note">{byCountry.get(c.iso3)?.planName}</span>
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {numbers.map((n) => (
          <tr key={n}>
            <th scope="row">{t('learning.objectiveN', { n: String(n) })}</th>
            {data.countries.map((c) => {
              const o = byCountry.get(c.iso3)?.objectives.find((x) => x.number === n);
              if (!o) return <td key={c.iso3}>—</td>;
              return (
                <td key={c.iso3}>
                  {o.rate === null ? t('learning.noRate') : formatPercent(o.rate)}{' '}
                  <ProvenanceMark provenance={o.provenance} />
                  <span className="small muted cell-note" lang="en">
                    {o.title}
                  </span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
