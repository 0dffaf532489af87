import { startTransition, useId, useOptimistic } from 'react';
import { useT } from '../../../i18n/context';
import type { CompareBasis } from '../group-params';

/**
 * Which data a comparison shows (the round's published answers or countries' national reports) and
 * which classification makes its WHO-region and income groups (the round's, or today's).
 */
export function BasisPicker({
  basis,
  onChange,
  data = false,
  classification = false,
}: {
  basis: CompareBasis;
  onChange: (next: Partial<CompareBasis>) => void;
  /** Offer the choice of data (views whose API takes `source`). */
  data?: boolean;
  /** Offer the choice of classification (groups made by WHO region or income group). */
  classification?: boolean;
}) {
  const id = useId();
  const t = useT();
  // The choice shows at once: the address changes in the router's transition, which React may run
  // later (a busy phone), and a controlled radio would stay unticked until then.
  const [shown, show] = useOptimistic(basis, (current, next: Partial<CompareBasis>) => ({
    ...current,
    ...next,
  }));
  const choose = (next: Partial<CompareBasis>) =>
    startTransition(() => {
      show(next);
      onChange(next);
    });
  if (!data && !classification) return null;
  return (
    <div className="basis-picker">
      {data && (
        <fieldset className="choice">
          <legend>{t('basis.data')}</legend>
          {(['published', 'national'] as const).map((source) => (
            <label key={source}>
              <input
                type="radio"
                name={`${id}-source`}
                value={source}
                checked={shown.source === source}
                onChange={() => choose({ source })}
              />
              {t(`basis.data.${source}`)}
            </label>
          ))}
        </fieldset>
      )}
      {classification && (
        <fieldset className="choice">
          <legend>{t('basis.classification')}</legend>
          {(['round', 'today'] as const).map((basisKey) => (
            <label key={basisKey}>
              <input
                type="radio"
                name={`${id}-classification`}
                value={basisKey}
                checked={shown.classification === basisKey}
                onChange={() => choose({ classification: basisKey })}
              />
              {t(`basis.classification.${basisKey}`)}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
