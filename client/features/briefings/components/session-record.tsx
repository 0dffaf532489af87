import { Link } from 'react-router';
import type { BriefingSession } from '../../../../shared';
import { LOCALE_NAMES } from '../../../../shared/i18n/locale';
import { meTopicLabel } from '../../../../shared/i18n/me-profile';
import { useI18n } from '../../../i18n/context';
import { useCountryName } from '../../../i18n/countries';
import { useMeText } from '../../me-profiles';
import { useSessionGroupLabel } from '../use-session-group-label';

/** What a session is: when, which group (the countries resolved when it was saved), what the pack holds, the agenda. */
export function SessionRecord({ session }: { session: BriefingSession }) {
  const { t, formatDate } = useI18n();
  const text = useMeText();
  const countryName = useCountryName();
  const groupLabel = useSessionGroupLabel();
  const caseCountry = session.countries.find((c) => c.iso3 === session.caseStudy);
  return (
    <dl className="facts facts--stacked">
      <div>
        <dt>{t('briefing.field.date')}</dt>
        <dd>{session.date ? formatDate(session.date, { dateStyle: 'long' }) : t('briefing.noDate')}</dd>
      </div>
      <div>
        <dt>{t('briefing.col.group')}</dt>
        <dd>{groupLabel(session)}</dd>
      </div>
      <div>
        <dt>{t('cmp.caseStudy')}</dt>
        <dd>
          {session.caseStudy
            ? caseCountry
              ? countryName(caseCountry)
              : session.caseStudy
            : t('cmp.noCaseStudy')}
        </dd>
      </div>
      <div>
        <dt>{t('briefing.countries', { n: String(session.countries.length) })}</dt>
        <dd>
          <ul className="inline-list">
            {session.countries.map((c) => (
              <li key={c.iso3}>
                <Link to={`/countries/${c.iso3}/me-profile`}>{countryName(c)}</Link>
              </li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt>{t('briefing.field.topics')}</dt>
        <dd>
          <ul>
            {session.topics.map((topic) => (
              <li key={topic}>{meTopicLabel(text, topic)}</li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt>{t('briefing.field.agenda')}</dt>
        <dd className="pre-line">{session.agenda ?? t('briefing.noAgenda')}</dd>
      </div>
      <div>
        <dt>{t('briefing.field.lang')}</dt>
        <dd lang={session.lang}>{LOCALE_NAMES[session.lang]}</dd>
      </div>
      {session.startedFrom !== null && (
        <div>
          <dt>{t('briefing.startedFrom')}</dt>
          <dd>
            <Link to={`/briefings/${session.startedFrom}`}>
              {t('briefing.sessionN', { id: String(session.startedFrom) })}
            </Link>
          </dd>
        </div>
      )}
      <div>
        <dt>{t('briefing.createdBy')}</dt>
        <dd>
          {session.createdBy?.name ?? t('history.system')}, {formatDate(session.createdAt)}
        </dd>
      </div>
    </dl>
  );
}
