import { useState } from 'react';
import { useT } from '../../../i18n/context';
import { useErrorText } from '../../../lib/error-text';
import { usePlanWrite } from '../api/plan-writes';
import { FormMessage } from './form-message';

/** Deletes a plan element after a confirmation; the server refuses (409) what would lose data. */
export function DeleteButton({ path, version, what }: { path: string; version: number; what: string }) {
  const write = usePlanWrite();
  const t = useT();
  const { errorText } = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const remove = () => {
    if (!window.confirm(t('planEdit.confirmDelete', { what }))) return;
    write.mutate(
      { method: 'DELETE', path: `${path}?version=${version}` },
      { onError: (err) => setError(errorText(err)) },
    );
  };
  return (
    <>
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={remove}
        disabled={write.isPending}
      >
        {t('planEdit.delete', { what })}
      </button>
      <FormMessage error={error} />
    </>
  );
}
