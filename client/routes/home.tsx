import { Link } from 'react-router';
import { useCountries } from '../features/countries/api/get-countries';
import { useRespondents } from '../features/values/api/get-respondents';
import { TRACSS } from '../lib/tracss';

function Count({ value, pending, error }: { value: number | undefined; pending: boolean; error: boolean }) {
  if (pending) return <span className="stat__value stat__value--pending">…</span>;
  if (error || value === undefined) return <span className="stat__value">—</span>;
  return <span className="stat__value">{value}</span>;
}

export function HomePage() {
  const countries = useCountries();
  const respondents = useRespondents();

  return (
    <>
      <title>NAP Tracker — national action plans on AMR</title>
      <section className="hero">
        <h1>NAP Tracker</h1>
        <p className="lede">
          Monitoring national action plans on antimicrobial resistance (AMR). See where each country stands on
          the {TRACSS.label} self-assessment and how it compares with its WHO-region peers.
        </p>
      </section>

      <section className="stats" aria-label="Coverage">
        <div className="stat">
          <Count
            value={countries.data?.items.length}
            pending={countries.isPending}
            error={countries.isError}
          />
          <span className="stat__label">countries and territories</span>
        </div>
        <div className="stat">
          <Count value={respondents.data?.size} pending={respondents.isPending} error={respondents.isError} />
          <span className="stat__label">answered {TRACSS.label}</span>
        </div>
      </section>
      {(countries.isError || respondents.isError) && (
        <div className="error-state" role="alert">
          <p>Some figures could not be loaded.</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              void countries.refetch();
              void respondents.refetch();
            }}
          >
            Try again
          </button>
        </div>
      )}

      <section className="cards">
        <Link className="card card--feature" to="/countries/JOR">
          <span className="card__kicker">Case study</span>
          <span className="card__title">Case study: Jordan</span>
          <span className="card__body">
            Jordan&apos;s {TRACSS.label} profile, indicator by indicator, against the Eastern Mediterranean
            Region.
          </span>
        </Link>
        <Link className="card" to="/countries">
          <span className="card__kicker">Browse</span>
          <span className="card__title">All countries</span>
          <span className="card__body">Search and filter by WHO region and World Bank income group.</span>
        </Link>
      </section>
    </>
  );
}
