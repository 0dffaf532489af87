import type { ChartOptions, TooltipItem } from 'chart.js';
import { useMemo } from 'react';
import { Chart } from 'react-chartjs-2';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import './register-geo';
import { type MapFeature, type MapRow, toChoroplethData } from './map-data';

type Shape = MapFeature & GeoJSON.Feature;

/** Natural Earth 1:110m country shapes (world-atlas), converted once when the chunk loads. */
const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
/** Antarctica (ISO 010) is left out: nobody answers for it and it would fill the map's bottom in grey. */
const shapes = (
  (feature(topology, topology.objects.countries) as GeoJSON.FeatureCollection).features as Shape[]
).filter((f) => f.id !== '010');

const options: ChartOptions<'choropleth'> = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  showOutline: false,
  scales: {
    projection: { axis: 'x', projection: 'equalEarth' },
    color: { axis: 'x', display: false, min: 1, max: 5 },
  },
  plugins: {
    legend: { display: false },
    tooltip: {
      callbacks: {
        label: (item: TooltipItem<'choropleth'>) => item.chart.data.labels?.[item.dataIndex] as string,
      },
    },
  },
};

/** Members with no shape at this scale (small states): named with their level, the rest counted. */
function UnmappedNote({ rows }: { rows: readonly MapRow[] }) {
  const answered = rows.filter((r) => r.level);
  const silent = rows.length - answered.length;
  if (rows.length === 0) return null;
  return (
    <p className="muted small">
      Too small for this map (listed in the table):{' '}
      {answered.map((r) => `${r.name} ${r.level}`).join(', ') || 'none that answered'}
      {silent > 0 && `; and ${silent} without an answer`}.
    </p>
  );
}

/**
 * Choropleth world map of one indicator's levels. Lazy-loaded (it carries the shapes and d3-geo).
 * The legend and the table beside it are HTML, so the levels do not depend on colour.
 */
export function ChoroplethMap({
  rows,
  caseStudy,
  label,
}: {
  rows: readonly MapRow[];
  caseStudy: string | null;
  label: string;
}) {
  const data = useMemo(() => {
    const d = toChoroplethData(shapes, rows, caseStudy, label);
    // Fit the projection to the shapes drawn, not to the whole globe.
    return { ...d, datasets: d.datasets.map((ds) => ({ ...ds, outline: shapes })) };
  }, [rows, caseStudy, label]);
  return (
    <>
      <div className="chart-frame chart-frame--map">
        <Chart<'choropleth'>
          type="choropleth"
          data={data}
          options={options}
          role="img"
          aria-label={label}
          data-testid="choropleth-map"
          fallbackContent={<p>{label}</p>}
        />
      </div>
      <UnmappedNote rows={data.unmapped} />
    </>
  );
}

export default ChoroplethMap;
