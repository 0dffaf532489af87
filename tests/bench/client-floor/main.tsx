/**
 * The client floor of the bench: React, react-dom and the app's own tree-shaken Chart.js setup
 * drawing one bar chart from inline data (no router, no data fetching, no app code). With `?fetch`
 * in its address it asks its server for the same data first (one request, started before React
 * renders, as early as a page that fetches its data can): the floor of any page that does.
 */

import { Chart } from 'react-chartjs-2';
import { createRoot } from 'react-dom/client';
import '../../../client/components/charts/register';
import { type FloorData, floorData } from './data';

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
const draw = ({ labels, levels }: FloorData) =>
  createRoot(root).render(
    <div style={{ width: 1000, height: 400 }}>
      <Chart
        type="bar"
        data-testid="compare-chart"
        data={{ labels, datasets: [{ label: 'Level', data: levels }] }}
      />
    </div>,
  );

if (new URLSearchParams(location.search).has('fetch')) {
  void fetch('/data.json', { credentials: 'same-origin' })
    .then((r) => r.json() as Promise<FloorData>)
    .then(draw);
} else draw(floorData());
