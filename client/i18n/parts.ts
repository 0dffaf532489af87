/**
 * Every catalog is built in two parts (scripts/catalog-parts.mjs): the first holds the messages whose
 * key starts with one of these prefixes, the rest the others. The first part is what every page's
 * frame (header, menus, errors) and the public pages a visitor lands on (home, countries, a country,
 * comparisons) show; those pages render with it alone and load the rest once they have settled
 * (FIRST_PART_PAGES). Any other page waits for both. A message missing from what is loaded shows empty
 * for the moment it takes to load the rest (i18n/context.tsx). tests/client/catalog-parts.test.tsx
 * renders the pages with the first part only and fails on any message they miss.
 */
export const FIRST_PART_PREFIXES = [
  'app',
  'layout',
  'nav',
  'common',
  'error',
  'notFound',
  'notices',
  'failure',
  'language',
  'offline',
  'role',
  'home',
  'countries',
  'country',
  'cmp',
  'compare',
  'groups',
  'exportMenu',
  'map',
  'basis',
  'trend',
  'profile',
  'change',
  'heatmap',
  'movers',
  'crosswalk',
  'whoRegion',
  'unRegion',
  'income',
  'source',
  'chart',
  'sector',
  'valueStatus',
  'shared',
  'confirm',
  'progress',
  'direction',
] as const;

/** The pages that render with the first part alone: home, the countries, a country, the comparisons. */
export function rendersWithFirstPart(pathname: string): boolean {
  return /^\/(countries(\/[A-Za-z]{3})?|compare(\/(heatmap|map|change|indicators))?)?\/?$/.test(pathname);
}

/** Whether a message's key is in the first part. */
export function inFirstPart(key: string): boolean {
  const dot = key.indexOf('.');
  return (FIRST_PART_PREFIXES as readonly string[]).includes(dot < 0 ? key : key.slice(0, dot));
}
