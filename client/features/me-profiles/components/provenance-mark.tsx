import { useT } from '../../../i18n/context';

type PublicProvenance = 'published' | 'national_approved';

const LABEL = { published: 'source.publishedPlain', national_approved: 'source.national_approved' } as const;
const HINT = {
  published: 'source.hint.publishedPlain',
  national_approved: 'source.hint.national_approved',
} as const;

/** A compact source marker for table cells (the legend spells it out; screen readers hear the words). */
export function ProvenanceMark({ provenance }: { provenance: PublicProvenance }) {
  const t = useT();
  return (
    <span className={`prov-mark prov-mark--${provenance}`} title={t(HINT[provenance])}>
      <span aria-hidden="true">{t(`learning.mark.${provenance}`)}</span>
      <span className="visually-hidden">{t(LABEL[provenance])}</span>
    </span>
  );
}

/** What the markers mean. */
export function ProvenanceLegend() {
  const t = useT();
  return (
    <p className="muted small prov-legend">
      {(['published', 'national_approved'] as const).map((p) => (
        <span key={p}>
          <span className={`prov-mark prov-mark--${p}`} aria-hidden="true">
            {t(`learning.mark.${p}`)}
          </span>{' '}
          {t(`learning.legend.${p}`)}{' '}
        </span>
      ))}
    </p>
  );
}
