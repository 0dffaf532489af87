import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section>
      <title>Page not found — NAP Tracker</title>
      <h1>Page not found</h1>
      <p>There is no page at this address.</p>
      <p>
        <Link to="/">Go to the home page</Link> or <Link to="/countries">browse all countries</Link>.
      </p>
    </section>
  );
}
