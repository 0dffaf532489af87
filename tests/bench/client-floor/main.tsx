/**
 * The client floor of the bench: React, react-dom and the app's own tree-shaken Chart.js setup
 * drawing one bar chart from inline data (no router, no data fetching, no app code).
 */

import { Chart } from 'react-chartjs-2';
import { createRoot } from 'react-dom/client';
import '../../../client/components/charts/register';

const labels = Array.from({ length: 23 }, (_, i) => `Q${i + 1}`);
const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <div style={{ width: 1000, height: 400 }}>
    <Chart
      type="bar"
      data-testid="compare-chart"
      data={{ labels, datasets: [{ label: 'Level', data: labels.map((_, i) => 1 + (i % 5)) }] }}
    />
  </div>,
);
