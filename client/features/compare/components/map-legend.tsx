import { LEVEL_COLOURS, NO_ANSWER_FILL, OUTSIDE_GROUP_FILL } from '../../../../shared/charts/palette';
import { LEGEND_ORDER, type LevelCounts } from '../../../components/charts/map-data';
import { useI18n } from '../../../i18n/context';

/** The map's key: swatch, letter and count of each level, so the map does not rely on colour. */
export function MapLegend({ counts, showOutside }: { counts: LevelCounts; showOutside: boolean }) {
  const { t, formatNumber } = useI18n();
  return (
    <ul className="map-legend" aria-label={t('map.key')}>
      {LEGEND_ORDER.map((k) => (
        <li key={k}>
          <span
            className="map-legend__swatch"
            style={{ background: k === 'none' ? NO_ANSWER_FILL : LEVEL_COLOURS[k].fill }}
            aria-hidden="true"
          />
          {k === 'none' ? t('cmp.noAnswer') : t('common.level', { level: k })}:{' '}
          <strong>{formatNumber(counts[k])}</strong>
        </li>
      ))}
      {showOutside && (
        <li>
          <span
            className="map-legend__swatch"
            style={{ background: OUTSIDE_GROUP_FILL }}
            aria-hidden="true"
          />
          {t('map.notInGroup')}
        </li>
      )}
      <li>
        <span className="map-legend__swatch map-legend__swatch--case" aria-hidden="true" />
        {t('map.caseStudy')}
      </li>
    </ul>
  );
}
