import { NavLink } from 'react-router';
import { type GroupSelection, viewSearch } from '../group-params';

const VIEWS = [
  { to: '/compare', label: 'Country against group', end: true },
  { to: '/compare/heatmap', label: 'Heatmap', end: false },
  { to: '/compare/map', label: 'Map', end: false },
  { to: '/compare/change', label: 'Change between rounds', end: false },
  { to: '/compare/indicators', label: 'Shared indicators', end: false },
  { to: '/groups', label: 'Group dashboard', end: false },
] as const;

/** Links between the comparison views, carrying the group and the case study along. */
export function CompareNav({
  selection,
  caseStudy,
  country,
}: {
  selection: GroupSelection;
  caseStudy: string | null;
  /** The compared country, kept for the country view. */
  country?: string | undefined;
}) {
  return (
    <nav aria-label="Comparison views" className="view-nav">
      <ul>
        {VIEWS.map((v) => (
          <li key={v.to}>
            <NavLink
              to={{
                pathname: v.to,
                search: viewSearch(selection, caseStudy, v.to === '/compare' && country ? { country } : {}),
              }}
              end={v.end}
              className={({ isActive }) => (isActive ? 'view-nav__link is-active' : 'view-nav__link')}
            >
              {v.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
