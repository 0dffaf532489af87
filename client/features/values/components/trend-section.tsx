import type { TrendItem } from '../../../../shared';
import { ComparabilityBadge } from '../../../components/ui/comparability-badge';
import { ErrorState } from '../../../components/ui/error-state';
import { LevelBadge } from '../../../components/ui/level-badge';
import { LoadingState } from '../../../components/ui/loading-state';
import { SourceBadge } from '../../../components/ui/source-badge';
import { useT } from '../../../i18n/context';
import { useCountryTrend } from '../api/get-trend';

/** One round's answer: the level letter, "not applicable", or "no answer". */
function Answer({ answer }: { answer: TrendItem['from'] }) {
  const t = useT();
  if (answer.level) return <LevelBadge level={answer.level} />;
  return (
    <span className="muted">
      {answer.status === 'not_applicable' ? t('trend.notApplicable') : t('profile.noAnswer')}
    </span>
  );
}

/**
 * A country's trend over the TrACSS rounds: each question the crosswalk compares between two rounds,
 * with the country's published level in each round it answered ("4.1 B → 2.1 C"); caution pairs
 * carry their badge and the note saying what changed; redefined questions are left out.
 */
export function TrendSection({ iso3, name }: { iso3: string; name: string }) {
  const t = useT();
  const trend = useCountryTrend(iso3);
  // One pair of rounds (the usual case): each column's header names its round and source, once.
  const items = trend.data?.items ?? [];
  const pairsOfRounds = new Set(items.map((i) => `${i.from.frameworkName}\u0000${i.to.frameworkName}`));
  const one =
    pairsOfRounds.size === 1 && items[0]
      ? { from: items[0].from.frameworkName, to: items[0].to.frameworkName }
      : null;
  return (
    <section aria-labelledby="trend-heading" className="section">
      <h2 id="trend-heading">{t('trend.title')}</h2>
      {trend.isPending ? (
        <LoadingState label={t('trend.loading')} rows={3} />
      ) : trend.isError ? (
        <ErrorState title={t('trend.loadError')} error={trend.error} onRetry={() => void trend.refetch()} />
      ) : trend.data.items.length === 0 ? (
        <p className="notice">{t('trend.oneRound')}</p>
      ) : !trend.data.rounds.some((r) => r.answered) ? (
        <p className="notice">{t('trend.noAnswers', { name })}</p>
      ) : (
        <>
          <p className="muted small">{t('trend.intro', { name })}</p>
          <div className="table-scroll">
            <table className="table table--trend">
              <caption>{t('trend.caption', { name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('trend.col.question')}</th>
                  <th scope="col">
                    {one ? <SourceBadge source="published" name={one.from} /> : t('trend.col.earlier')}
                  </th>
                  <th scope="col">
                    {one ? <SourceBadge source="published" name={one.to} /> : t('trend.col.later')}
                  </th>
                  <th scope="col">{t('trend.col.change')}</th>
                  <th scope="col">{t('trend.col.comparability')}</th>
                </tr>
              </thead>
              <tbody>
                {trend.data.items.map((item) => (
                  <tr key={`${item.from.framework}:${item.from.code}-${item.to.framework}:${item.to.code}`}>
                    <th scope="row">
                      <span lang="en">{item.from.name}</span>
                      {item.comparability === 'caution' && item.note && (
                        <span className="small crosswalk-note" lang="en">
                          {' '}
                          {item.note}
                        </span>
                      )}
                    </th>
                    <td>
                      <code>{item.from.code}</code> <Answer answer={item.from} />
                      {!one && (
                        <>
                          {' '}
                          <SourceBadge source="published" name={item.from.frameworkName} />
                        </>
                      )}
                    </td>
                    <td>
                      <code>{item.to.code}</code> <Answer answer={item.to} />
                      {!one && (
                        <>
                          {' '}
                          <SourceBadge source="published" name={item.to.frameworkName} />
                        </>
                      )}
                    </td>
                    <td>{t(`change.${item.change}`)}</td>
                    <td>
                      <ComparabilityBadge comparability={item.comparability} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
