import type { MeCompare } from '../../../../shared';
import { LevelBadge } from '../../../components/ui/level-badge';
import { ScrollTable } from '../../../components/ui/scroll-table';
import { useT } from '../../../i18n/context';
import { useCountryName } from '../../../i18n/countries';

/** The latest TrACSS round's published levels on the questions that matter for M&E. */
export function TracssLevelsTable({ data }: { data: MeCompare }) {
  const t = useT();
  const countryName = useCountryName();
  const tracss = data.tracss;
  if (!tracss) return <p className="muted small">{t('learning.noTracss')}</p>;
  const caption = t('learning.tracssCaption', { survey: tracss.frameworkName });
  return (
    <ScrollTable caption={caption} className="table table--compact">
      <thead>
        <tr>
          <th scope="col">{t('learning.col.question')}</th>
          {data.countries.map((c) => (
            <th key={c.iso3} scope="col">
              {countryName(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {tracss.questions.map((q) => (
          <tr key={q.code}>
            <th scope="row">
              {q.code} <span lang="en">{q.name}</span>
            </th>
            {data.countries.map((c) => {
              const level = q.levels.find((l) => l.iso3 === c.iso3)?.level ?? null;
              return (
                <td key={c.iso3}>
                  {level ? (
                    <LevelBadge level={level} />
                  ) : (
                    <>
                      <span aria-hidden="true">—</span>
                      <span className="visually-hidden">{t('learning.noAnswer')}</span>
                    </>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
