import { useId, useState } from 'react';
import type { PeriodImportResult } from '../../../../shared';
import { megabytes, PERIOD_SHEET_LIMITS } from '../../../../shared/constants/uploads';
import { useI18n } from '../../../i18n/context';
import { useErrorText } from '../../../lib/error-text';
import { periodTemplateUrl, useImportPeriodSheet } from '../api/import-period-sheet';

/**
 * The spreadsheet round trip of a period: download the template; upload it (XLSX or CSV) for a dry
 * run that lists every row; apply only a file without errors (the server writes all rows or none).
 */
export function SheetUpload({ periodId, editable }: { periodId: number; editable: boolean }) {
  const id = useId();
  const { t, locale } = useI18n();
  const { errorText, issueLine } = useErrorText();
  const run = useImportPeriodSheet(periodId, locale);
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<PeriodImportResult | null>(null);
  const [tooLarge, setTooLarge] = useState<string | null>(null);

  // The file goes as it is (multipart); the same File is sent again to apply the checked rows.
  const choose = (f: File | undefined) => {
    setChecked(null);
    run.reset();
    setFile(f ?? null);
    // The server refuses it too (413); checked here, a big file is not sent at all.
    const big = f && f.size > PERIOD_SHEET_LIMITS.fileBytes;
    setTooLarge(
      big ? t('upload.tooLarge', { file: f.name, size: megabytes(PERIOD_SHEET_LIMITS.fileBytes) }) : null,
    );
    if (f && !big) run.mutate({ file: f, dryRun: true }, { onSuccess: (r) => setChecked(r) });
  };
  const apply = () => {
    if (file) run.mutate({ file, dryRun: false }, { onSuccess: () => setChecked(null) });
  };
  const errors = checked?.counts.error ?? 0;

  return (
    <section aria-labelledby={`${id}-title`} className="section">
      <h2 id={`${id}-title`}>{t('sheet.title')}</h2>
      <p>
        <a className="button" href={periodTemplateUrl(periodId)} download>
          {t('sheet.download')}
        </a>
      </p>
      {editable && (
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('sheet.upload')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => choose(e.target.files?.[0])}
          />
        </div>
      )}
      <div role="status">
        {run.isPending && <p>{t('sheet.checking')}</p>}
        {tooLarge && <p className="error">{tooLarge}</p>}
        {run.error && <p className="error">{errorText(run.error)}</p>}
        {run.data?.applied && (
          <p>{t('sheet.imported', { new: run.data.counts.new, changed: run.data.counts.changed })}</p>
        )}
        {checked && (
          <p>
            {t('sheet.dryRun', {
              new: checked.counts.new,
              changed: checked.counts.changed,
              unchanged: checked.counts.unchanged,
              errors,
            })}
            {errors > 0 ? t('sheet.fix') : t('sheet.end')}
          </p>
        )}
      </div>
      {checked && (
        <>
          <table className="table">
            <caption>{t('sheet.caption', { file: file?.name ?? '' })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sheet.col.row')}</th>
                <th scope="col">{t('cmp.col.indicator')}</th>
                <th scope="col">{t('sheet.col.result')}</th>
                <th scope="col">{t('sheet.col.problems')}</th>
              </tr>
            </thead>
            <tbody>
              {checked.rows.map((r) => (
                <tr key={r.row}>
                  <td>{r.row}</td>
                  <td>{r.indicator}</td>
                  <td>{t(`sheet.${r.status}`)}</td>
                  <td>{r.problems.map((p) => issueLine({ ...p, path: p.column })).join(' · ')}</td>
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
            {t('sheet.apply')}
          </button>
        </>
      )}
    </section>
  );
}
