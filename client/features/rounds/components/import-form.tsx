import { type FormEvent, useId, useState } from 'react';
import type { ImportResult, Round } from '../../../../shared';
import { megabytes, ROUND_WORKBOOK_LIMITS } from '../../../../shared/constants/uploads';
import { useT } from '../../../i18n/context';
import { ApiError } from '../../../lib/api-client';
import { useErrorText } from '../../../lib/error-text';
import { useImportRound } from '../api/import-round';

/** The columns the import leaves out, each with why: the importer says so rather than drop them silently. */
function UnplacedColumns({ result }: { result: ImportResult }) {
  const t = useT();
  if (result.unplacedColumns.length === 0) return null;
  return (
    <details>
      <summary>{t('import.unplaced', { count: result.unplacedColumns.length })}</summary>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('import.col.column')}</th>
            <th scope="col">{t('import.col.header')}</th>
            <th scope="col">{t('import.col.why')}</th>
          </tr>
        </thead>
        <tbody>
          {result.unplacedColumns.map((c) => (
            <tr key={c.column}>
              <th scope="row">{c.column}</th>
              <td lang="en">{c.header}</td>
              <td>{t(`import.reason.${c.reason}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/**
 * Upload a round's portal spreadsheet: a dry run lists every problem with its cell; only a
 * clean dry run offers "Import", which re-sends the same file (all-or-nothing on the server).
 */
export function ImportForm({ rounds }: { rounds: Round[] }) {
  const { errorText, failureText, issueText } = useErrorText();
  const id = useId();
  const t = useT();
  const run = useImportRound();
  const [round, setRound] = useState(rounds.at(-1)?.code ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);

  const send = (dryRun: boolean) => {
    if (!file || !round) return;
    run.mutate({ code: round, file, dryRun }, { onSuccess: (r) => setChecked(r.dryRun ? r : null) });
  };
  const onCheck = (e: FormEvent) => {
    e.preventDefault();
    setChecked(null);
    send(true);
  };
  const problems = run.error instanceof ApiError ? (run.error.issues ?? []) : [];
  // The server refuses it too (413); checked here, a big file is not sent at all.
  const tooLarge =
    file && file.size > ROUND_WORKBOOK_LIMITS.fileBytes
      ? t('upload.tooLarge', { file: file.name, size: megabytes(ROUND_WORKBOOK_LIMITS.fileBytes) })
      : null;

  return (
    <form onSubmit={onCheck} aria-label={t('import.title')}>
      <div className="field">
        <label htmlFor={`${id}-round`}>{t('import.round')}</label>
        <select id={`${id}-round`} value={round} onChange={(e) => setRound(e.target.value)}>
          {rounds.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name} ({r.periods.join(', ')})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('import.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setChecked(null);
            run.reset();
          }}
        />
      </div>
      {tooLarge && (
        <p role="alert" className="error">
          {tooLarge}
        </p>
      )}
      <button type="submit" className="button" disabled={!file || !!tooLarge || run.isPending}>
        {t('import.check')}
      </button>
      {checked && !checked.alreadyImported && (
        <button type="button" className="button" disabled={run.isPending} onClick={() => send(false)}>
          {t('import.run', { values: checked.values, countries: checked.countries })}
        </button>
      )}
      <div role="status">
        {checked?.alreadyImported && <p>{t('import.already', { period: checked.periodCode })}</p>}
        {checked && !checked.alreadyImported && (
          <p>
            {t('import.valid', { values: checked.values, countries: checked.countries })}
            {checked.missingColumns.length > 0 &&
              t('import.missing', { list: checked.missingColumns.join(', ') })}
          </p>
        )}
        {checked && !checked.alreadyImported && <UnplacedColumns result={checked} />}
        {run.data && !run.data.dryRun && (
          <p>
            {t('import.done', {
              values: run.data.values,
              countries: run.data.countries,
              framework: run.data.frameworkCode,
            })}
          </p>
        )}
      </div>
      {run.isError && (
        <div role="alert" className="error-state">
          <p className="error-state__title">
            {problems.length > 0 ? failureText(run.error) : errorText(run.error)}
          </p>
          {problems.length > 0 && (
            <table className="table">
              <caption>{t('import.problems')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.col.cell')}</th>
                  <th scope="col">{t('import.col.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((p) => (
                  <tr key={`${p.path}-${p.message}`}>
                    <th scope="row">{p.path}</th>
                    <td>{issueText(p)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </form>
  );
}
