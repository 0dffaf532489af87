/**
 * The bench's libraries page: the floor page's chart (React and the app's Chart.js setup), drawn the way
 * every page of the app has to get there, with nothing of the app's own: React Router's declarative router,
 * a React Query query, the answer checked by its shared zod schema, the English catalog and a number in
 * the reader's notation (Intl). One bundle, the answer inline, as the floor page. What it adds to the floor
 * page is what those libraries cost before a chart; what the app adds to it is the app's own (its code,
 * its requests, its page).
 */

import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { Chart } from 'react-chartjs-2';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import '../../../client/components/charts/register';
import { en } from '../../../client/i18n/locales/en';
import { CompareResultSchema } from '../../../shared/api/compare';
import { libraryAnswer } from './answer';

const SCORE = { A: 1, B: 2, C: 3, D: 4, E: 5 } as const;

function ChartPage() {
  const answer = useQuery({
    queryKey: ['compare'],
    queryFn: async () => CompareResultSchema.parse(JSON.parse(JSON.stringify(libraryAnswer()))),
  });
  if (!answer.data) return <p>{en['country.loading']}</p>;
  const { rows, country } = answer.data;
  return (
    <div style={{ width: 1000, height: 400 }}>
      <h1>
        {en['country.peers'].replace('{name}', country.name).replace('{region}', answer.data.group.label)}
      </h1>
      <p>{new Intl.NumberFormat(navigator.language).format(rows.length)}</p>
      <Chart
        type="bar"
        data-testid="compare-chart"
        data={{
          labels: rows.map((r) => r.indicator.code),
          datasets: [{ label: 'Level', data: rows.map((r) => (r.countryLevel ? SCORE[r.countryLevel] : 0)) }],
        }}
      />
    </div>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <QueryClientProvider client={new QueryClient()}>
    <BrowserRouter>
      <Routes>
        <Route path="*" element={<ChartPage />} />
      </Routes>
    </BrowserRouter>
  </QueryClientProvider>,
);
