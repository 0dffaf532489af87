import { useT } from '../../i18n/context';

/** A loading placeholder that screen readers announce (role=status) and sighted users see. */
export function LoadingState({ label, rows = 3 }: { label?: string; rows?: number }) {
  const t = useT();
  return (
    <div className="loading" role="status" aria-live="polite">
      <p className="loading__label">{label ?? t('common.loading')}</p>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows
        <div key={i} className="skeleton" aria-hidden="true" />
      ))}
    </div>
  );
}
