import type { Plan } from '../../../../shared';
import { useI18n } from '../../../i18n/context';
import { formatMoney } from '../format';

/**
 * The objectives' budgets by year of the plan, as its costing gives them ("Year 1" …: a plan need not
 * say which calendar year each is), with their source. Nothing when no objective has one.
 */
export function BudgetYearsTable({ plan }: { plan: Plan }) {
  const { t, locale } = useI18n();
  const years = [...new Set(plan.objectives.flatMap((o) => o.budgetByYear.map((b) => b.planYear)))].sort(
    (a, b) => a - b,
  );
  if (years.length === 0) return null;
  const amount = (o: Plan['objectives'][number], y: number) =>
    o.budgetByYear.find((b) => b.planYear === y)?.amount ?? null;
  const currency = plan.objectives.find((o) => o.currency)?.currency ?? null;
  const column = (y: number) =>
    plan.objectives.reduce((s, o) => s + Math.round((amount(o, y) ?? 0) * 100), 0) / 100;
  const sources = [...new Set(plan.objectives.flatMap((o) => o.budgetByYear.flatMap((b) => b.source ?? [])))];
  return (
    <section aria-labelledby={`budget-years-${plan.id}`} className="section">
      <h2 id={`budget-years-${plan.id}`}>{t('budgetYears.title')}</h2>
      <div className="table-scroll">
        <table className="table table--compact">
          <caption>{t('budgetYears.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('objectives.col.code')}</th>
              {years.map((y) => (
                <th key={y} scope="col" className="num">
                  {t('budgetYears.year', { n: y })}
                </th>
              ))}
              <th scope="col" className="num">
                {t('budgetYears.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.objectives.map((o) => (
              <tr key={o.id}>
                <th scope="row">{o.code}</th>
                {years.map((y) => (
                  <td key={y} className="num">
                    {formatMoney(amount(o, y), o.currency, locale)}
                  </td>
                ))}
                <td className="num">{formatMoney(o.budget, o.currency, locale)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('budgetYears.total')}</th>
              {years.map((y) => (
                <td key={y} className="num">
                  {formatMoney(column(y), currency, locale)}
                </td>
              ))}
              <td className="num">
                {plan.budget ? formatMoney(plan.budget.total, plan.budget.currency, locale) : '—'}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="muted small">{t('budgetYears.note')}</p>
      {sources.map((s) => (
        <p key={s} className="muted small">
          {t('budgetYears.source', { source: s })}
        </p>
      ))}
    </section>
  );
}
