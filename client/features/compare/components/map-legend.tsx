import { LEGEND_ORDER, type LevelCounts } from '../../../components/charts/map-data';
import { LEVEL_COLOURS, NO_ANSWER_FILL, OUTSIDE_GROUP_FILL } from '../../../components/charts/palette';

/** The map's key: swatch, letter and count of each level, so the map does not rely on colour. */
export function MapLegend({ counts, showOutside }: { counts: LevelCounts; showOutside: boolean }) {
  return (
    <ul className="map-legend" aria-label="Map key">
      {LEGEND_ORDER.map((k) => (
        <li key={k}>
          <span
            className="map-legend__swatch"
            style={{ background: k === 'none' ? NO_ANSWER_FILL : LEVEL_COLOURS[k].fill }}
            aria-hidden="true"
          />
          {k === 'none' ? 'No answer' : `Level ${k}`}: <strong>{counts[k]}</strong>
        </li>
      ))}
      {showOutside && (
        <li>
          <span
            className="map-legend__swatch"
            style={{ background: OUTSIDE_GROUP_FILL }}
            aria-hidden="true"
          />
          Not in the group
        </li>
      )}
      <li>
        <span className="map-legend__swatch map-legend__swatch--case" aria-hidden="true" />
        Case study (orange outline)
      </li>
    </ul>
  );
}
