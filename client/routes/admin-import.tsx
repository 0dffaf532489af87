import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { RequireAuth } from '../features/auth/components/require-auth';
import { useRounds } from '../features/rounds/api/get-rounds';
import { ImportForm } from '../features/rounds/components/import-form';

function ImportContent() {
  const rounds = useRounds();
  if (rounds.isPending) return <LoadingState label="Loading the rounds" />;
  if (rounds.isError) return <ErrorState error={rounds.error} onRetry={() => void rounds.refetch()} />;
  return (
    <>
      <p>
        Each round reads its spreadsheet with its own column mapping (header row, country column, question
        columns), set when the round was created (POST /api/rounds, or <code>npm run import -- round</code>).
      </p>
      <ImportForm rounds={rounds.data.items} />
    </>
  );
}

/** Administrators import a TrACSS round's portal spreadsheet: dry run first, then all or nothing. */
export function AdminImportPage() {
  return (
    <>
      <title>Import a TrACSS round — NAP Tracker</title>
      <h1>Import a TrACSS round</h1>
      <RequireAuth need="admin">
        <ImportContent />
      </RequireAuth>
    </>
  );
}
