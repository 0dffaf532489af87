import type { ChangePair } from '../../../../shared';
import { LEVELS } from '../../../../shared/constants/level';
import { useI18n } from '../../../i18n/context';

/** The group's members at each level in each round, per compared pair: the levels chart as a table. */
export function RoundLevelsTable({
  pairs,
  rounds,
  caption,
}: {
  pairs: readonly ChangePair[];
  rounds: { from: string; to: string };
  caption: string;
}) {
  const { t, formatNumber } = useI18n();
  const total = (d: ChangePair['levels']['from']) => LEVELS.reduce((a, l) => a + d[l], 0);
  return (
    <details className="table-alternative" open>
      <summary>{t('common.sameAsTable')}</summary>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1) */}
      <section className="table-scroll" tabIndex={0} aria-label={caption}>
        <table className="table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('change.col.questionInRound')}</th>
              <th scope="col">{t('change.col.round')}</th>
              {LEVELS.map((l) => (
                <th key={l} scope="col">
                  {l}
                </th>
              ))}
              <th scope="col">{t('change.col.answered')}</th>
            </tr>
          </thead>
          <tbody>
            {pairs.flatMap((p) =>
              (['from', 'to'] as const).map((side) => (
                <tr key={`${p.from.id}-${p.to.id}-${side}`}>
                  <th scope="row">
                    {p[side].code}
                    {p.comparability === 'caution' ? ` ${t('crosswalk.cautionShort')}` : ''}
                  </th>
                  <td>{rounds[side]}</td>
                  {LEVELS.map((l) => (
                    <td key={l}>{formatNumber(p.levels[side][l])}</td>
                  ))}
                  <td>{formatNumber(total(p.levels[side]))}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </section>
    </details>
  );
}
