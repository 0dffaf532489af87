import { NavLink } from 'react-router';
import { useT } from '../../../i18n/context';
import { type CompareBasis, type GroupSelection, viewSearch } from '../group-params';

const VIEWS = [
  { to: '/compare', label: 'cmp.view.compare', end: true },
  { to: '/compare/heatmap', label: 'cmp.view.heatmap', end: false },
  { to: '/compare/map', label: 'cmp.view.map', end: false },
  { to: '/compare/change', label: 'cmp.view.change', end: false },
  { to: '/compare/indicators', label: 'cmp.view.indicators', end: false },
  { to: '/groups', label: 'cmp.view.groups', end: false },
  { to: '/targets', label: 'cmp.view.targets', end: false },
] as const;

/** Links between the comparison views, carrying the group, the case study and the data basis along. */
export function CompareNav({
  selection,
  caseStudy,
  country,
  basis,
}: {
  selection: GroupSelection;
  caseStudy: string | null;
  /** The compared country, kept for the country view. */
  country?: string | undefined;
  /** Which data and classification the view shows, kept when moving to another view. */
  basis?: CompareBasis | undefined;
}) {
  const t = useT();
  return (
    <nav aria-label={t('cmp.views')} className="view-nav">
      <ul>
        {VIEWS.map((v) => (
          <li key={v.to}>
            <NavLink
              to={{
                pathname: v.to,
                search: viewSearch(
                  selection,
                  caseStudy,
                  v.to === '/compare' && country ? { country } : {},
                  basis,
                ),
              }}
              end={v.end}
              className={({ isActive }) => (isActive ? 'view-nav__link is-active' : 'view-nav__link')}
            >
              {t(v.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
