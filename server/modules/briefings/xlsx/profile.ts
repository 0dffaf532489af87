import { ME_FIELDS, ME_STEPS, type MeStep } from '../../../../shared';
import { citedSources, fieldDef, formatMeValue, provenanceLabel, publicSection } from '../pack-format';
import { addSheet, type Cell, type SheetContext, wrapped } from './sheet';

/** The case study's answers, step by step, one row per field: value, sources, where it comes from. */
export function profileSheet(x: SheetContext) {
  const { d, pt, sources } = x;
  const { t } = pt.i18n;
  const ws = addSheet(
    x,
    t('briefSheetProfile'),
    [t('briefStep'), t('briefField'), t('briefValue'), t('sources'), t('briefContent')],
    [34, 32, 60, 12, 20],
  );
  for (const step of ME_STEPS) {
    const { content, provenance } = publicSection(d.caseStudy?.sections.find((v) => v.section === step));
    if (!content || !('fields' in content)) continue;
    const cite = (refs: readonly number[]) => sources.refs(citedSources(content, refs));
    for (const def of ME_FIELDS[step]) {
      const a = content.fields[def.key];
      if (!a) continue;
      const value: Cell = typeof a.value === 'number' ? a.value : formatMeValue(pt, def, a.value);
      ws.addRow([
        pt.me.sections[step],
        pt.me.fields[def.key] ?? def.key,
        value,
        cite(a.sources),
        provenanceLabel(pt, provenance),
      ]);
    }
    if (content.text)
      ws.addRow([
        pt.me.sections[step],
        t('briefText'),
        content.text,
        cite(content.textSources),
        provenanceLabel(pt, provenance),
      ]);
  }
  wrapped(ws);
}

/** The chosen steps side by side: a column per country, a "Content" row per step saying where each comes from. */
export function sideBySideSheet(x: SheetContext, steps: MeStep[]) {
  const { d, pt, sources } = x;
  const { t } = pt.i18n;
  const countries = d.compare.countries;
  const ws = addSheet(
    x,
    t('briefSheetSideBySide'),
    [t('briefStep'), t('briefField'), ...countries.map((c) => pt.country(c))],
    [30, 30, ...countries.map(() => 28)],
    2,
  );
  for (const step of steps) {
    const rows = d.compare.rows.filter((v) => v.section === step);
    if (rows.length === 0) continue;
    ws.addRow([
      pt.me.sections[step],
      t('briefContent'),
      ...countries.map((c) =>
        provenanceLabel(
          pt,
          rows.flatMap((v) => v.cells).find((v) => v.iso3 === c.iso3 && v.provenance)?.provenance ?? null,
        ),
      ),
    ]);
    for (const row of rows)
      ws.addRow([
        pt.me.sections[step],
        pt.me.fields[row.field] ?? row.field,
        ...countries.map((c): Cell => {
          const cell = row.cells.find((v) => v.iso3 === c.iso3);
          if (!cell || cell.value === null) return null;
          const refs = sources.refs(cell.sources);
          return `${formatMeValue(pt, fieldDef(row.field), cell.value)}${refs ? ` ${refs}` : ''}`;
        }),
      ]);
  }
  wrapped(ws);
}
