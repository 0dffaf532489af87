/**
 * The API URLs a page asks for first, known from its address alone: client/early.ts asks for them
 * before the app's code has run. They are the URLs the page's fetchers build
 * (tests/client/early-urls.test.tsx checks it); one that drifts is only asked for twice.
 */
import { parseIso3 } from '../../shared/constants/country';
import {
  basisFromSearchParams,
  caseStudyFromSearchParams,
  DEFAULT_CASE_STUDY,
  groupFromSearchParams,
  groupQuery,
  isComplete,
} from '../features/compare/group-params';
import { buildUrl } from '../lib/api-client';
import { TRACSS } from '../lib/tracss';

const ROUND = { framework: TRACSS.framework, period: TRACSS.period };

/** The API URLs of the page at this address; [] for a page that asks when it renders. */
export function earlyRequests(pathname: string, search: URLSearchParams): string[] {
  const country = /^\/countries\/([A-Za-z]{3})\/?$/.exec(pathname);
  if (country) {
    const iso3 = (country[1] ?? '').toUpperCase();
    const own = buildUrl(`/countries/${iso3}`);
    const rounds = buildUrl('/rounds');
    // Another round than the default is known once the rounds are (client/routes/country.tsx).
    if (search.get('round')) return [own, rounds];
    // What the page shows above its comparison chart and the chart itself: the country, its answers,
    // the comparison and the rounds (the round picker). The profile and trend below the chart ask for
    // theirs once the chart has been drawn (client/routes/country.tsx): asked for here, their answers
    // arrived, and were taken in, while the chart's code and data still were (docs/benchmarks.md).
    return [
      own,
      buildUrl('/values', { country: iso3, ...ROUND, limit: 1000 }),
      buildUrl('/compare', { ...ROUND, country: iso3 }),
      rounds,
    ];
  }
  if (/^\/compare\/?$/.test(pathname)) {
    const selection = groupFromSearchParams(search, { groupType: 'who_region', group: 'EMR' });
    if (!isComplete(selection)) return [buildUrl('/countries')];
    const iso3 = parseIso3(search.get('country')) ?? DEFAULT_CASE_STUDY;
    const query = { ...ROUND, country: iso3, ...groupQuery(selection), ...basisFromSearchParams(search) };
    const caseStudy = caseStudyFromSearchParams(search);
    return [
      buildUrl('/countries'),
      buildUrl('/compare', query),
      ...(caseStudy && caseStudy !== iso3 ? [buildUrl('/compare', { ...query, country: caseStudy })] : []),
    ];
  }
  const plan = /^\/countries\/([A-Za-z]{3})\/plan\/?$/.exec(pathname);
  if (plan) {
    // The plan page's header and its plans (everything above and in its first screen).
    const iso3 = (plan[1] ?? '').toUpperCase();
    return [buildUrl(`/countries/${iso3}`), buildUrl(`/countries/${iso3}/plans`)];
  }
  if (/^\/due\/?$/.test(pathname)) return [buildUrl('/due'), buildUrl('/notifications')];
  const period = /^\/periods\/(\d+)\/?$/.exec(pathname);
  if (period) return [buildUrl(`/periods/${period[1]}/entry`)];
  return [];
}
