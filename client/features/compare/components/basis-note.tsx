import type { CompareResult, CompareSource } from '../../../../shared';
import { useT } from '../../../i18n/context';

/**
 * Says in words which data a comparison shows and which classification made its group. The
 * sentence is chosen by the server's classification basis; the server's own note (English) is the
 * tooltip, for the detail of which list made which country's group.
 */
export function BasisNote({
  source,
  classification,
  survey,
  rounds,
}: {
  /** The data the result says it used; absent for views of published answers only. */
  source?: CompareSource | undefined;
  classification: CompareResult['group']['classification'];
  survey: string;
  /** For a change between rounds: both rounds' names (their published answers). */
  rounds?: { from: string; to: string } | undefined;
}) {
  const t = useT();
  const data = rounds
    ? t('basis.says.publishedRounds', rounds)
    : source === 'national'
      ? t('basis.says.national', { survey })
      : t('basis.says.published', { survey });
  return (
    <p className="muted small basis-note">
      {data}
      {classification && (
        <>
          {' '}
          <span title={classification.note}>
            {classification.basis === 'today'
              ? t('basis.says.today', { survey })
              : t('basis.says.round', { survey })}
          </span>
        </>
      )}
    </p>
  );
}
