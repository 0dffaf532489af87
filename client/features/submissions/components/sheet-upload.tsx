import { useId, useState } from 'react';
import type { PeriodImportBody, PeriodImportResult } from '../../../../shared';
import { fileToBase64 } from '../../../lib/base64';
import { periodTemplateUrl, useImportPeriodSheet } from '../api/import-period-sheet';

const RESULT_LABEL = { new: 'New', changed: 'Changed', unchanged: 'Unchanged', error: 'Error' } as const;

/**
 * The spreadsheet round trip of a period: download the template; upload it (XLSX or CSV) for a dry
 * run that lists every row; apply only a file without errors (the server writes all rows or none).
 */
export function SheetUpload({ periodId, editable }: { periodId: number; editable: boolean }) {
  const id = useId();
  const run = useImportPeriodSheet(periodId);
  const [file, setFile] = useState<PeriodImportBody | null>(null);
  const [checked, setChecked] = useState<PeriodImportResult | null>(null);

  const choose = async (f: File | undefined) => {
    setChecked(null);
    run.reset();
    if (!f) return setFile(null);
    const body = { fileName: f.name, data: await fileToBase64(f) };
    setFile(body);
    run.mutate({ body, dryRun: true }, { onSuccess: (r) => setChecked(r) });
  };
  const apply = () => {
    if (file) run.mutate({ body: file, dryRun: false }, { onSuccess: () => setChecked(null) });
  };
  const errors = checked?.counts.error ?? 0;

  return (
    <section aria-labelledby={`${id}-title`} className="section">
      <h2 id={`${id}-title`}>Spreadsheet</h2>
      <p>
        <a className="button" href={periodTemplateUrl(periodId)} download>
          Download template
        </a>
      </p>
      {editable && (
        <div className="field">
          <label htmlFor={`${id}-file`}>Upload spreadsheet (.xlsx or .csv)</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        </div>
      )}
      <div role="status">
        {run.isPending && <p>Checking …</p>}
        {run.error && <p className="error">{run.error.message}</p>}
        {run.data?.applied && (
          <p>
            Imported: {run.data.counts.new} new, {run.data.counts.changed} changed.
          </p>
        )}
        {checked && (
          <p>
            Dry run: {checked.counts.new} new, {checked.counts.changed} changed, {checked.counts.unchanged}{' '}
            unchanged, {errors} with errors{errors > 0 ? ' — correct the file and upload it again.' : '.'}
          </p>
        )}
      </div>
      {checked && (
        <>
          <table className="table">
            <caption>Dry run of {file?.fileName}</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Indicator</th>
                <th scope="col">Result</th>
                <th scope="col">Problems</th>
              </tr>
            </thead>
            <tbody>
              {checked.rows.map((r) => (
                <tr key={r.row}>
                  <td>{r.row}</td>
                  <td>{r.indicator}</td>
                  <td>{RESULT_LABEL[r.status]}</td>
                  <td>{r.problems.map((p) => `${p.column}: ${p.message}`).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            className="button"
            disabled={errors > 0 || run.isPending || checked.counts.new + checked.counts.changed === 0}
            onClick={apply}
          >
            Apply
          </button>
        </>
      )}
    </section>
  );
}
