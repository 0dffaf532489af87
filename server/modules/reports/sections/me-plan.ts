import type { PlanIndicator } from '../../../../shared';
import type { CountryReportData } from '../country-data';
import type { ReportI18n, ReportKey } from '../i18n';
import { COLOURS, type ReportDocument } from '../render/document';
import { type CellInput, drawTable } from '../render/table';

/** The plan indicators that belong to its M&E plan (a planning element), in the plan's order. */
export const mePlanIndicators = (d: CountryReportData) => d.plan.indicators.filter((i) => i.planningElement);

/**
 * The plan's M&E plan as the plan writes it: by objective, each indicator under its planning element
 * (written once for consecutive indicators measuring it), with type, calculation, data source, method,
 * frequency and target. Nothing when the plan has none.
 */
export function drawMePlan(r: ReportDocument, d: CountryReportData, i18n: ReportI18n, n: number): void {
  const { t } = i18n;
  const all = mePlanIndicators(d);
  if (all.length === 0) return;
  r.section(`${n}. ${t('mePlan')}`);
  r.paragraph(t('mePlanIntro'), { size: 8.5, color: COLOURS.muted });
  const frequency = all.some((i) => i.indicator.frequency);
  const type = (pi: PlanIndicator) =>
    pi.resultLevel ? t(pi.resultLevel as ReportKey) : (pi.typeText ?? '—');
  for (const o of [...d.plan.objectives, null]) {
    const mine = all.filter((i) => i.objectiveId === (o?.id ?? null));
    if (mine.length === 0) continue;
    r.heading(o ? `${o.code} ${o.title}` : '—', 2);
    let previous = '';
    const rows: CellInput[][] = mine.map((pi) => {
      const e = pi.planningElement as NonNullable<PlanIndicator['planningElement']>;
      const key = `${e.kind}|${e.text}`;
      const element: CellInput =
        key === previous
          ? ''
          : { text: `${t(`kind_${e.kind}` as ReportKey)}${t('colon')}${e.text}`, bold: true };
      previous = key;
      return [
        element,
        `${pi.indicator.code} ${pi.indicator.name}`,
        type(pi),
        pi.indicator.calculation ?? '—',
        pi.indicator.dataSource ?? '—',
        pi.indicator.collectionMethod ?? '—',
        ...(frequency ? [pi.indicator.frequency ?? '—'] : []),
        pi.targetText ?? '—',
      ];
    });
    drawTable(
      r,
      [
        { header: t('planningElement'), width: 1.8 },
        { header: t('indicator'), width: 1.9 },
        { header: t('type'), width: 0.9 },
        { header: t('calculation'), width: 1.15 },
        { header: t('dataSource'), width: 1 },
        { header: t('method'), width: 0.95 },
        ...(frequency ? [{ header: t('frequency'), width: 1.05 }] : []),
        { header: t('targetAsWritten'), width: 1.9 },
      ],
      rows,
      { size: 7 },
    );
  }
}
