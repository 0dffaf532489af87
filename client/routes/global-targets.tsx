import type { GlobalTarget, TargetMeasure } from '../../shared';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { SourceBadge } from '../components/ui/source-badge';
import { useGlobalTargets } from '../features/global-targets/api/get-global-targets';
import { useI18n } from '../i18n/context';

/** One figure the data can give on a target: the share, the counts behind it, the goal. */
function MeasureRow({ m }: { m: TargetMeasure }) {
  const { t, formatPercent, formatNumber } = useI18n();
  const of =
    m.denominatorKind === 'who_members'
      ? t('targets.ofMembers', { n: formatNumber(m.numerator), d: formatNumber(m.denominator) })
      : t('targets.ofAnswering', { n: formatNumber(m.numerator), d: formatNumber(m.denominator) });
  const reached = m.share !== null && m.goal !== null && m.share >= m.goal;
  return (
    <tr>
      <th scope="row">
        {m.frameworkName}
        {m.questionCode ? ` · ${t('targets.question', { code: m.questionCode })}` : ''}{' '}
        <SourceBadge source="published" />
      </th>
      <td className="num">{m.share === null ? '–' : formatPercent(m.share, 1)}</td>
      <td>{of}</td>
      <td className="num">{m.goal === null ? '–' : formatPercent(m.goal)}</td>
      <td>{m.share === null ? '' : reached ? t('targets.reached') : t('targets.notReached')}</td>
    </tr>
  );
}

function LevelsTable({ m }: { m: TargetMeasure }) {
  const { t, formatNumber } = useI18n();
  if (!m.levels) return null;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>
          {t('targets.levelsCaption', { code: m.questionCode ?? '', round: m.frameworkName })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('targets.level')}</th>
            <th scope="col">{t('targets.wording')}</th>
            <th scope="col" className="num">
              {t('targets.countries')}
            </th>
            <th scope="col">{t('targets.counted')}</th>
          </tr>
        </thead>
        <tbody>
          {m.levels.map((l) => (
            <tr key={l.level ?? 'na'}>
              <th scope="row">{l.level ?? t('targets.notApplicable')}</th>
              <td lang="en">{l.wording ?? ''}</td>
              <td className="num">{formatNumber(l.count)}</td>
              <td>{l.counted ? t('targets.countedYes') : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TargetCard({ target }: { target: GlobalTarget }) {
  const { t } = useI18n();
  const headingId = `target-${target.id}`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {target.id}
        {target.year ? ` · ${target.year}` : ` · ${t('targets.yearNotStated')}`}
      </h2>
      <blockquote lang="en">{target.target}</blockquote>
      {target.baseline ? (
        <p>
          {t('targets.baseline')}: <span lang="en">{target.baseline}</span>
        </p>
      ) : null}
      {target.monitoringSource ? (
        <p>
          {t('targets.monitoring')}: <span lang="en">{target.monitoringSource}</span>
        </p>
      ) : null}
      <p className="muted">
        {t('targets.reportedBy', { kind: target.sourceKind })}{' '}
        {target.sourceAddresses.map((a, i) => (
          <span key={a}>
            {i > 0 ? ' · ' : ''}
            <a href={a} rel="noreferrer noopener" target="_blank">
              {new URL(a).hostname}
            </a>
          </span>
        ))}
      </p>
      {target.measures.length === 0 ? (
        <p className="notice">{t('targets.notFollowed')}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="table">
              <caption>{t('targets.measuresCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('targets.data')}</th>
                  <th scope="col" className="num">
                    {t('targets.share')}
                  </th>
                  <th scope="col">{t('targets.counts')}</th>
                  <th scope="col" className="num">
                    {t('targets.goal')}
                  </th>
                  <th scope="col">{t('targets.status')}</th>
                </tr>
              </thead>
              <tbody>
                {target.measures.map((m) => (
                  <MeasureRow key={`${m.kind}-${m.frameworkCode}`} m={m} />
                ))}
              </tbody>
            </table>
          </div>
          {target.measures.some((m) => m.kind === 'funded_nap') ? (
            <p className="muted">{t('targets.fundedRule')}</p>
          ) : null}
          {target.measures.map((m) =>
            m.levels ? <LevelsTable key={`levels-${m.frameworkCode}`} m={m} /> : null,
          )}
        </>
      )}
    </section>
  );
}

/** The 2030 targets of the 2024 UN political declaration on AMR, for facilitators. */
export function GlobalTargetsPage() {
  const { t } = useI18n();
  const targets = useGlobalTargets();
  return (
    <>
      <title>{t('app.titleSuffix', { page: t('targets.title') })}</title>
      <h1>{t('targets.title')}</h1>
      <p>{t('targets.intro')}</p>
      <p className="notice">{t('targets.secondary')}</p>
      {targets.isPending ? (
        <LoadingState label={t('targets.loading')} rows={4} />
      ) : targets.isError ? (
        <ErrorState
          title={t('targets.loadError')}
          error={targets.error}
          onRetry={() => void targets.refetch()}
        />
      ) : (
        targets.data.items.map((target) => <TargetCard key={target.id} target={target} />)
      )}
    </>
  );
}
