import { useId, useMemo } from 'react';
import { Link } from 'react-router';
import type { MeCompare } from '../../../../shared';
import type { MeSection } from '../../../../shared/constants/me-profile';
import { useI18n } from '../../../i18n/context';
import { useCountryName } from '../../../i18n/countries';
import { formatMeValue } from '../format';
import { createSourceIndex } from '../source-index';
import { meFieldDef, useMeText } from '../text';
import { ProvenanceMark } from './provenance-mark';
import { Cites, SourceNotes } from './source-notes';

type Row = MeCompare['rows'][number];

/** Rows of one section together, in the order the server sends them (the steps' order). */
function bySection(rows: readonly Row[]): [MeSection, Row[]][] {
  const groups = new Map<MeSection, Row[]>();
  for (const r of rows) groups.set(r.section, [...(groups.get(r.section) ?? []), r]);
  return [...groups];
}

/**
 * The profiles side by side: one row per comparable field, one column per country (case study
 * first). Each cell says where its value comes from and cites its sources, numbered for the table.
 */
export function SideBySideTable({ data, caseStudy }: { data: MeCompare; caseStudy: string | null }) {
  const id = useId();
  const { t, formatNumber } = useI18n();
  const text = useMeText();
  const countryName = useCountryName();
  const caption = t('learning.sideCaption');
  const { sources, cellRefs } = useMemo(() => {
    const index = createSourceIndex();
    const refs = new Map<string, number[]>();
    for (const r of data.rows)
      for (const c of r.cells) refs.set(`${r.section}.${r.field}.${c.iso3}`, index.refs(c.sources));
    return { sources: index.list, cellRefs: refs };
  }, [data.rows]);

  if (data.rows.length === 0) return <p className="notice">{t('learning.noProfiles')}</p>;
  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1) */}
      <section className="table-scroll" tabIndex={0} aria-label={caption}>
        <table className="table table--compact me-compare">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('learning.col.field')}</th>
              {data.countries.map((c) => (
                <th key={c.iso3} scope="col">
                  <Link to={`/countries/${c.iso3}/me-profile`}>{countryName(c)}</Link>
                  {c.iso3 === caseStudy && (
                    <>
                      {' '}
                      <span className="pin-tag">{t('learning.caseStudyTag')}</span>
                    </>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          {bySection(data.rows).map(([section, rows]) => (
            <tbody key={section}>
              <tr>
                <th scope="rowgroup" colSpan={data.countries.length + 1} className="me-compare__section">
                  {text.sections[section]}
                </th>
              </tr>
              {rows.map((r) => {
                const def = meFieldDef(section, r.field);
                return (
                  <tr key={r.field}>
                    <th scope="row">{text.fields[r.field] ?? r.field}</th>
                    {data.countries.map((country) => {
                      const cell = r.cells.find((c) => c.iso3 === country.iso3);
                      if (!cell || cell.value === null)
                        return (
                          <td key={country.iso3} className="muted">
                            <span aria-hidden="true">—</span>
                            <span className="visually-hidden">{t('learning.noAnswer')}</span>
                          </td>
                        );
                      const shown = formatMeValue(def, cell.value, text, formatNumber);
                      return (
                        <td key={country.iso3}>
                          {Array.isArray(shown) ? shown.join('; ') : shown}{' '}
                          {cell.provenance && <ProvenanceMark provenance={cell.provenance} />}
                          <Cites
                            refs={cellRefs.get(`${section}.${r.field}.${cell.iso3}`) ?? []}
                            prefix={id}
                          />
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </section>
      <SourceNotes sources={sources} prefix={id} label={t('learning.tableSources')} />
    </>
  );
}
