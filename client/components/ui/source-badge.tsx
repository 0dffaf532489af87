import type { Provenance } from '../../../shared/constants/provenance';
import { useT } from '../../i18n/context';

/**
 * Where a figure comes from: a published dataset (named, e.g. TrACSS 2019–2020), a country's national
 * report (approved or not yet), the demo period, or an illustrative figure. The words carry the
 * meaning and the colour only supports them; the title says what the source means for trust.
 */
export function SourceBadge({ source, name }: { source: Provenance; name?: string | null | undefined }) {
  const t = useT();
  const named = source === 'published' && name;
  const label = named ? t('source.published', { name }) : t(SOURCE_LABEL[source]);
  const hint = named ? t('source.hint.published', { name }) : t(SOURCE_HINT[source]);
  return (
    <span className={`badge badge--source badge--${source}`} title={hint}>
      {label}
    </span>
  );
}

const SOURCE_LABEL = {
  published: 'source.publishedPlain',
  national_approved: 'source.national_approved',
  national_draft: 'source.national_draft',
  demo: 'source.demo',
  illustrative: 'source.illustrative',
} as const satisfies Record<Provenance, string>;

const SOURCE_HINT = {
  published: 'source.hint.publishedPlain',
  national_approved: 'source.hint.national_approved',
  national_draft: 'source.hint.national_draft',
  demo: 'source.hint.demo',
  illustrative: 'source.hint.illustrative',
} as const satisfies Record<Provenance, string>;
