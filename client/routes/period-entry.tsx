import { Link, useParams } from 'react-router';
import type { EntryGrid } from '../../shared';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { SourceBadge } from '../components/ui/source-badge';
import { useMe } from '../features/auth/api/get-me';
import { useCountry } from '../features/countries/api/get-country';
import { useEntryGrid } from '../features/submissions/api/get-entry-grid';
import { EntryGridTable } from '../features/submissions/components/entry-grid';
import { PeriodHistory } from '../features/submissions/components/period-history';
import { SheetUpload } from '../features/submissions/components/sheet-upload';
import { WorkflowBar } from '../features/submissions/components/workflow-bar';
import { useOutboxCount } from '../features/submissions/use-outbox-count';
import { useI18n } from '../i18n/context';
import { useCountryName } from '../i18n/countries';

/** The data-entry grid of one (country, plan, period), with its workflow. */
export function PeriodEntryPage() {
  const periodId = Number(useParams().periodId);
  const grid = useEntryGrid(periodId);
  const me = useMe();
  const { t, formatDate, formatNumber } = useI18n();
  const countryName = useCountryName();
  const country = useCountry(grid.data?.plan.countryIso3 ?? '');
  const userId = me.data?.id ?? null;
  const waiting = useOutboxCount(userId, periodId);
  if (grid.isPending) return <LoadingState label={t('period.loading')} rows={6} />;
  if (grid.isError)
    return (
      <ErrorState title={t('period.loadError')} error={grid.error} onRetry={() => void grid.refetch()} />
    );
  const g = grid.data;
  const iso3 = g.plan.countryIso3;
  // The server decides; these only hide what it would refuse.
  const holds = (role: string) =>
    !!me.data?.roles.some((r) => r.role === 'admin' || (r.role === role && r.country === iso3));
  const canSubmit = holds('focal_point');
  const editable =
    canSubmit && (g.period.submission.state === 'draft' || g.period.submission.state === 'returned');
  const followed = g.rows.find((r) => r.published)?.published?.frameworkName;
  return (
    <>
      <title>{t('app.titleSuffix', { page: t('period.title', { iso3, period: g.period.code }) })}</title>
      <p className="breadcrumb">
        <Link to="/due">{t('period.backDue')}</Link> ·{' '}
        <Link to={`/countries/${iso3}/plan`}>{g.plan.title}</Link>
      </p>
      <h1>{t('period.heading', { iso3, period: g.period.code })}</h1>
      <p className="muted">
        {t('period.summary', {
          due: formatDate(g.period.dueDate),
          entered: formatNumber(g.completeness.entered),
          expected: formatNumber(g.completeness.expected),
        })}
      </p>
      <WorkflowBar
        grid={g}
        countryName={countryName({ iso3, name: country.data?.name ?? iso3 })}
        canSubmit={canSubmit}
        canValidate={holds('validator')}
        waiting={waiting}
      />
      <LockNotice grid={g} />
      {g.period.demo && (
        <p className="notice">
          <SourceBadge source="demo" />
          {t('period.demo')}
        </p>
      )}
      {followed && <p className="muted small">{t('grid.followsNote', { survey: followed, iso3 })}</p>}
      <EntryGridTable
        grid={g}
        editable={editable}
        canComment={holds('validator') && g.period.submission.state === 'submitted'}
        userId={userId}
      />
      <SheetUpload periodId={periodId} editable={editable} />
      <section aria-labelledby="history" className="section">
        <h2 id="history">{t('period.history')}</h2>
        <p className="muted small">{t('period.historyHint')}</p>
        <PeriodHistory
          periodId={periodId}
          label={t('period.historyLabel', { period: g.period.code })}
          initiallyOpen
        />
      </section>
    </>
  );
}

/** Why the values cannot change: submitted (until a validator returns it) or approved (until reopened). */
function LockNotice({ grid }: { grid: EntryGrid }) {
  const { t, formatDate } = useI18n();
  if (!grid.locked) return null;
  const s = grid.period.submission;
  const step = s.state === 'submitted' ? s.submitted : s.approved;
  const date = step.at ? formatDate(step.at, { dateStyle: 'long' }) : null;
  const text =
    s.state === 'submitted'
      ? date
        ? t('period.lockedSubmitted', { date })
        : t('period.lockedSubmittedUndated')
      : date && s.state === 'approved'
        ? t('period.lockedApproved', { date })
        : t('period.locked');
  return <p className="notice">{text}</p>;
}
