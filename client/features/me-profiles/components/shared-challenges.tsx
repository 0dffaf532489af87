import { useId, useMemo } from 'react';
import type { MeLearning } from '../../../../shared';
import { useI18n } from '../../../i18n/context';
import { useCountryName } from '../../../i18n/countries';
import { createSourceIndex } from '../source-index';
import { useMeText } from '../text';
import { ProvenanceMark } from './provenance-mark';
import { Cites, SourceNotes } from './source-notes';

/** Each challenge the group's countries face: how many, who (with their note), who offers a lesson on it. */
export function SharedChallenges({ data }: { data: MeLearning }) {
  const id = useId();
  const { t } = useI18n();
  const text = useMeText();
  const countryName = useCountryName();
  const faced = data.challenges.filter((c) => c.countries.length > 0);
  const unreported = data.challenges.filter((c) => c.countries.length === 0);
  const { sources, refsOf } = useMemo(() => {
    const index = createSourceIndex();
    const refs = new Map<string, number[]>();
    for (const c of data.challenges)
      for (const k of c.countries) refs.set(`${c.code}.${k.iso3}`, index.refs(k.sources));
    return { sources: index.list, refsOf: (key: string) => refs.get(key) ?? [] };
  }, [data.challenges]);

  if (faced.length === 0) return <p className="muted">{t('learning.noChallenges')}</p>;
  return (
    <>
      <ul className="me-entries">
        {faced.map((c) => {
          const teachers = [
            ...new Map(
              data.lessons.filter((l) => l.challenge === c.code).map((l) => [l.country.iso3, l.country]),
            ).values(),
          ];
          return (
            <li key={c.code}>
              <h3 className="me-entry__title">
                {text.challenges[c.code]}{' '}
                <span className="muted small">
                  {t('learning.facedBy', { n: String(c.countries.length) })}
                </span>
              </h3>
              <ul className="me-countries small">
                {c.countries.map((k) => (
                  <li key={k.iso3}>
                    <strong>{countryName(k)}</strong> <ProvenanceMark provenance={k.provenance} />
                    <Cites refs={refsOf(`${c.code}.${k.iso3}`)} prefix={id} />
                    {k.note && <> — {k.note}</>}
                  </li>
                ))}
              </ul>
              <p className="small">
                {teachers.length > 0
                  ? t('learning.lessonsFrom', {
                      n: String(c.lessonCount),
                      names: teachers.map((k) => countryName(k)).join(', '),
                    })
                  : t('learning.noLessonYet')}
              </p>
            </li>
          );
        })}
      </ul>
      {unreported.length > 0 && (
        <p className="muted small">
          {t('learning.unreported', { list: unreported.map((c) => text.challenges[c.code]).join(', ') })}
        </p>
      )}
      <SourceNotes sources={sources} prefix={id} label={t('learning.challengeSources')} />
    </>
  );
}
