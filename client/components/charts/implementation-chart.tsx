import {
  implementationChartConfig,
  implementationChartHeight,
  type RateRow,
} from '../../../shared/charts/implementation-chart';
import { useI18n } from '../../i18n/context';
import { HorizontalBarChart } from './horizontal-bar-chart';

/** Thin wrapper: implementation rates as horizontal bars. Callers render the same numbers as a table. */
export function ImplementationChart({
  rows,
  label,
  testId,
}: {
  rows: RateRow[];
  label: string;
  testId: string;
}) {
  const { t } = useI18n();
  const config = implementationChartConfig(rows, undefined, {
    computed: t('impl.computed'),
    published: t('impl.published'),
  });
  return (
    <HorizontalBarChart
      config={config}
      label={label}
      testId={testId}
      height={implementationChartHeight(rows)}
    />
  );
}

export default ImplementationChart;
