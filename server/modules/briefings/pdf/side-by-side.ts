import type { BriefingPackData, MeStep } from '../../../../shared';
import { COLOURS, type ReportDocument } from '../../reports/render/document';
import { type CellInput, drawTable } from '../../reports/render/table';
import { fieldDef, formatMeValue, type PackText, provenanceLabel, type SourceRegistry } from '../pack-format';

/** Draws one step of the M&E case study into the pack (the profile, or the side-by-side chapter). */
export type StepDrawer = (
  r: ReportDocument,
  d: BriefingPackData,
  pt: PackText,
  sources: SourceRegistry,
  step: MeStep,
) => void;

/** Countries per table: more would leave each column too narrow for a sentence. */
export const COUNTRIES_PER_TABLE = 5;

/**
 * The side-by-side chapter starts on a new page; each step follows the previous one. The case study,
 * when there is one, is the first column (the comparison puts it first).
 */
export function startSideBySide(r: ReportDocument, pt: PackText, d: BriefingPackData) {
  r.section(pt.i18n.t('briefSideBySide'));
  const shown = new Set(profiledCountries(d).map((c) => c.iso3));
  const missing = d.compare.countries.filter((c) => !shown.has(c.iso3));
  if (missing.length > 0)
    r.paragraph(
      pt.i18n.t('briefUnprofiled', {
        list: missing.map((c) => pt.country(c)).join(pt.i18n.rtl ? '، ' : ', '),
      }),
      {
        size: 9,
        color: COLOURS.muted,
      },
    );
}

/**
 * The columns of the side-by-side tables: the case study and the countries with some public answer.
 * A region of twenty countries where two have a profile would otherwise print pages of dashes; the
 * others are named once above the tables.
 */
export function profiledCountries(d: BriefingPackData): BriefingPackData['compare']['countries'] {
  const answered = new Set(
    d.compare.rows.flatMap((row) => row.cells.filter((c) => c.value !== null).map((c) => c.iso3)),
  );
  return d.compare.countries.filter((c) => answered.has(c.iso3) || c.iso3 === d.session.caseStudy);
}

/**
 * One step side by side: rows are the step's comparable fields, columns the countries (the case
 * study first), split into several tables when the group is large; the first row says where each
 * country's content comes from.
 */
export const drawSideBySide: StepDrawer = (r, d, pt, sources, step) => {
  const { t } = pt.i18n;
  r.ensure(160);
  r.heading(pt.me.sections[step], 2);
  r.paragraph(pt.me.hints[step], { size: 8.5, color: COLOURS.muted });
  const rows = d.compare.rows.filter((x) => x.section === step);
  const countries = profiledCountries(d);
  if (rows.length === 0 || !rows.some((x) => x.cells.some((c) => c.value !== null))) {
    r.paragraph(t('briefNoRows'), { size: 9, color: COLOURS.muted });
    return;
  }
  // Balanced tables (12 countries: 4 + 4 + 4, not 5 + 5 + 2), so columns keep about one width.
  const per = Math.ceil(countries.length / Math.ceil(countries.length / COUNTRIES_PER_TABLE));
  for (let from = 0; from < countries.length; from += per) {
    const chunk = countries.slice(from, from + per);
    if (countries.length > COUNTRIES_PER_TABLE) {
      r.ensure(80);
      r.paragraph(
        t('briefCountriesRange', {
          from: pt.i18n.num(from + 1, 0),
          to: pt.i18n.num(from + chunk.length, 0),
          total: pt.i18n.num(countries.length, 0),
        }),
        { size: 9, bold: true },
      );
    }
    const provenanceRow: CellInput[] = [
      { text: t('briefContent'), bold: true, color: COLOURS.muted },
      ...chunk.map((c) => {
        const p = rows
          .flatMap((x) => x.cells)
          .find((cell) => cell.iso3 === c.iso3 && cell.provenance)?.provenance;
        return { text: provenanceLabel(pt, p ?? null), color: COLOURS.muted };
      }),
    ];
    const body = rows.map((row): CellInput[] => [
      { text: pt.me.fields[row.field] ?? row.field, bold: true },
      ...chunk.map((c) => {
        const cell = row.cells.find((x) => x.iso3 === c.iso3);
        if (!cell || cell.value === null) return { text: '—', color: COLOURS.muted };
        const refs = sources.refs(cell.sources);
        return `${formatMeValue(pt, fieldDef(row.field), cell.value)}${refs ? ` ${refs}` : ''}`;
      }),
    ]);
    drawTable(
      r,
      [{ header: t('briefField'), width: 1.4 }, ...chunk.map((c) => ({ header: pt.country(c), width: 1.3 }))],
      [provenanceRow, ...body],
      { size: 7.5 },
    );
  }
};
