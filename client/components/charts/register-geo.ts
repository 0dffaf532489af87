import { ChoroplethController, ColorScale, GeoFeature, ProjectionScale } from 'chartjs-chart-geo';
import { Chart } from './register';

/**
 * The map's Chart.js parts, registered once, apart from register.ts: chartjs-chart-geo pulls in
 * d3-geo, so only the lazily loaded map chunk should carry it.
 */
Chart.register(ChoroplethController, GeoFeature, ColorScale, ProjectionScale);

export { Chart };
