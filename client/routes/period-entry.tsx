import { Link, useParams } from 'react-router';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { useMe } from '../features/auth/api/get-me';
import { useEntryGrid } from '../features/submissions/api/get-entry-grid';
import { EntryGridTable } from '../features/submissions/components/entry-grid';
import { SheetUpload } from '../features/submissions/components/sheet-upload';
import { WorkflowBar } from '../features/submissions/components/workflow-bar';

/** The data-entry grid of one (country, plan, period), with its workflow. */
export function PeriodEntryPage() {
  const periodId = Number(useParams().periodId);
  const grid = useEntryGrid(periodId);
  const me = useMe();
  if (grid.isPending) return <LoadingState label="Loading the period …" rows={6} />;
  if (grid.isError)
    return (
      <ErrorState title="Could not load the period" error={grid.error} onRetry={() => void grid.refetch()} />
    );
  const g = grid.data;
  const iso3 = g.plan.countryIso3;
  // The server decides; these only hide what it would refuse.
  const holds = (role: string) =>
    !!me.data?.roles.some((r) => r.role === 'admin' || (r.role === role && r.country === iso3));
  const canSubmit = holds('focal_point');
  const editable =
    canSubmit && (g.period.submission.state === 'draft' || g.period.submission.state === 'returned');
  return (
    <>
      <title>{`${iso3} ${g.period.code}: data entry — NAP Tracker`}</title>
      <p className="breadcrumb">
        <Link to="/due">← What is due</Link> · <Link to={`/countries/${iso3}/plan`}>{g.plan.title}</Link>
      </p>
      <h1>
        {iso3} — reporting period {g.period.code}
      </h1>
      <p className="muted">
        Due {g.period.dueDate} · {g.completeness.entered} of {g.completeness.expected} indicators entered
      </p>
      <WorkflowBar grid={g} canSubmit={canSubmit} canValidate={holds('validator')} />
      {g.locked && (
        <p className="notice">Approved: the values are locked until a validator reopens the period.</p>
      )}
      <EntryGridTable grid={g} editable={editable} />
      <SheetUpload periodId={periodId} editable={editable} />
      <section aria-labelledby="history" className="section">
        <h2 id="history">History</h2>
        {g.history.length === 0 ? (
          <p className="muted">No step taken yet.</p>
        ) : (
          <ul>
            {g.history.map((h) => (
              <li key={h.id}>
                {h.at.slice(0, 16).replace('T', ' ')} — {h.user?.name ?? 'someone'}: {h.action} (
                {String(h.old?.state ?? '—')} → {String(h.new?.state ?? '—')})
                {h.new?.reason && h.action !== 'submit' && h.action !== 'approve'
                  ? `: ${String(h.new.reason)}`
                  : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
