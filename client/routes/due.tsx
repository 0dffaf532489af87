import { Link } from 'react-router';
import type { DueItem } from '../../shared';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { RequireAuth } from '../features/auth/components/require-auth';
import { useDue, useNotifications } from '../features/submissions/api/get-due';
import { STATE_NAMES } from '../features/submissions/components/workflow-bar';

function DueTable({ items, caption }: { items: DueItem[]; caption: string }) {
  return (
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Country</th>
          <th scope="col">Period</th>
          <th scope="col">Due</th>
          <th scope="col">State</th>
          <th scope="col">Entered</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.periodId}>
            <th scope="row">{i.countryName}</th>
            <td>
              <Link to={`/periods/${i.periodId}`}>
                {i.periodCode} — {i.planTitle}
              </Link>
            </td>
            <td>{i.dueDate}</td>
            <td>{STATE_NAMES[i.state]}</td>
            <td>
              {i.entered} / {i.expected}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DueView() {
  const due = useDue();
  const notices = useNotifications();
  if (due.isPending) return <LoadingState label="Loading what is due …" rows={4} />;
  if (due.isError)
    return (
      <ErrorState title="Could not load what is due" error={due.error} onRetry={() => void due.refetch()} />
    );
  const unread = notices.data?.items.filter((n) => !n.readAt) ?? [];
  return (
    <>
      {unread.length > 0 && (
        <section aria-label="Notifications" className="section">
          <ul>
            {unread.map((n) => (
              <li key={n.id}>
                <Link to={`/periods/${n.periodId}`}>{n.message}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {due.data.items.length === 0 ? (
        <p className="notice">No reporting period of your countries yet.</p>
      ) : (
        <DueTable items={due.data.items} caption="Your countries’ reporting periods" />
      )}
      {due.data.completeness.length > 0 && (
        <DueTable
          items={due.data.completeness}
          caption="Completeness by country (latest period that has started)"
        />
      )}
    </>
  );
}

/** What is due, overdue, returned, submitted or approved for the signed-in user. */
export function DuePage() {
  return (
    <>
      <title>What is due — NAP Tracker</title>
      <h1>What is due</h1>
      <RequireAuth>
        <DueView />
      </RequireAuth>
    </>
  );
}
