import { SECTORS, type Sector } from '../../../../shared/constants/indicator';
import { useT } from '../../../i18n/context';
import { useMeText } from '../text';
import { type GapNumber, gapKey } from './tags';

const GAP: readonly GapNumber[] = [1, 2, 3, 4, 5];

/** Ticks for the GAP objectives and One Health sectors an entry touches. */
export function ObjectiveSectorInputs({
  objectives,
  sectors,
  onChange,
  what,
}: {
  objectives: readonly number[];
  sectors: readonly Sector[];
  onChange: (next: { objectives: number[]; sectors: Sector[] }) => void;
  what: string;
}) {
  const t = useT();
  const text = useMeText();
  return (
    <div className="me-ticks">
      <fieldset className="field">
        <legend>{t('meForm.objectivesOf', { what })}</legend>
        {GAP.map((n) => (
          <label key={n} className="check">
            <input
              type="checkbox"
              checked={objectives.includes(n)}
              onChange={(e) =>
                onChange({
                  sectors: [...sectors],
                  objectives: e.target.checked ? [...objectives, n] : objectives.filter((o) => o !== n),
                })
              }
            />{' '}
            {n}. {t(gapKey(n))}
          </label>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>{t('meForm.sectorsOf', { what })}</legend>
        {SECTORS.map((s) => (
          <label key={s} className="check">
            <input
              type="checkbox"
              checked={sectors.includes(s)}
              onChange={(e) =>
                onChange({
                  objectives: [...objectives],
                  sectors: e.target.checked ? [...sectors, s] : sectors.filter((x) => x !== s),
                })
              }
            />{' '}
            {text.options.sector[s]}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
