import type { AdxQuery, ExportFormat, ExportQuery } from '../../../../shared';
import { exportQueryString } from '../../../../shared/constants/export-query';

/**
 * The data a view shows, as the export API filters it: the parsed query (countries as a list,
 * numbers as numbers), which `exportQueryString` writes back as the query the schema reads. Taken
 * from the schema's output, not its input, whose coerced numbers are `unknown` and whose countries
 * are one comma-separated string. Every filter may be left out; format and bom are per link.
 */
export type ExportFilters = { [K in keyof AdxQuery | 'status']?: (AdxQuery & ExportQuery)[K] | undefined };

/** Where to download the tidy export of these filters in one format. */
export function valuesExportUrl(f: ExportFilters, format: ExportFormat): string {
  return `/api/exports/values?${exportQueryString({ format, ...f })}`;
}

/** The ADX export (approved values only, so no status). */
export function adxExportUrl({ status: _status, ...f }: ExportFilters): string {
  return `/api/exports/adx?${exportQueryString(f)}`;
}

/** The country M&E report (PDF) the reports module serves. */
export function countryReportUrl(iso3: string, lang: string, plan?: number | undefined): string {
  return `/api/reports/country/${encodeURIComponent(iso3)}?${exportQueryString({ lang, plan })}`;
}

/** The comparison report (PDF or XLSX) for the comparison page's query. */
export function comparisonReportUrl(
  format: 'pdf' | 'xlsx',
  q: {
    groupType?: string | undefined;
    group?: string | undefined;
    framework?: string | undefined;
    case?: string | undefined;
    lang?: string | undefined;
    source?: string | undefined;
    classification?: string | undefined;
  },
): string {
  return `/api/reports/comparison?${exportQueryString({ format, ...q })}`;
}
