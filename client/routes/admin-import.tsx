import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { RequireAuth } from '../features/auth/components/require-auth';
import { useRounds } from '../features/rounds/api/get-rounds';
import { ImportForm } from '../features/rounds/components/import-form';
import { useT } from '../i18n/context';

function ImportContent() {
  const rounds = useRounds();
  const t = useT();
  if (rounds.isPending) return <LoadingState label={t('import.loading')} />;
  if (rounds.isError) return <ErrorState error={rounds.error} onRetry={() => void rounds.refetch()} />;
  return (
    <>
      <p>{t('import.intro')}</p>
      <ImportForm rounds={rounds.data.items} />
    </>
  );
}

/** Administrators import a TrACSS round's portal spreadsheet: dry run first, then all or nothing. */
export function AdminImportPage() {
  const t = useT();
  return (
    <>
      <title>{t('app.titleSuffix', { page: t('import.title') })}</title>
      <h1>{t('import.title')}</h1>
      <RequireAuth need="admin">
        <ImportContent />
      </RequireAuth>
    </>
  );
}
