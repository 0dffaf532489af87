import { type FormEvent, useId, useState } from 'react';
import type { ImportResult, Round } from '../../../../shared';
import { ApiError } from '../../../lib/api-client';
import { fileToBase64 } from '../../../lib/base64';
import { useImportRound } from '../api/import-round';

/**
 * Upload a round's portal spreadsheet: a dry run lists every problem with its cell; only a
 * clean dry run offers "Import", which re-sends the same file (all-or-nothing on the server).
 */
export function ImportForm({ rounds }: { rounds: Round[] }) {
  const id = useId();
  const run = useImportRound();
  const [round, setRound] = useState(rounds.at(-1)?.code ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);

  const send = async (dryRun: boolean) => {
    if (!file || !round) return;
    const data = await fileToBase64(file);
    run.mutate(
      { code: round, fileName: file.name, data, dryRun },
      { onSuccess: (r) => setChecked(r.dryRun ? r : null) },
    );
  };
  const onCheck = (e: FormEvent) => {
    e.preventDefault();
    setChecked(null);
    void send(true);
  };
  const problems = run.error instanceof ApiError ? (run.error.issues ?? []) : [];

  return (
    <form onSubmit={onCheck} aria-label="Import a TrACSS round">
      <div className="field">
        <label htmlFor={`${id}-round`}>Round</label>
        <select id={`${id}-round`} value={round} onChange={(e) => setRound(e.target.value)}>
          {rounds.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name} ({r.periods.join(', ')})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-file`}>Spreadsheet (.xlsx)</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setChecked(null);
            run.reset();
          }}
        />
      </div>
      <button type="submit" className="button" disabled={!file || run.isPending}>
        Check the file (dry run)
      </button>
      {checked && !checked.alreadyImported && (
        <button type="button" className="button" disabled={run.isPending} onClick={() => void send(false)}>
          Import {checked.values} answers of {checked.countries} countries
        </button>
      )}
      <div role="status">
        {checked?.alreadyImported && <p>This file was already imported for {checked.periodCode}.</p>}
        {checked && !checked.alreadyImported && (
          <p>
            The file is valid: {checked.values} answers of {checked.countries} countries.
            {checked.missingColumns.length > 0 &&
              ` No column for question(s) ${checked.missingColumns.join(', ')}.`}
          </p>
        )}
        {run.data && !run.data.dryRun && (
          <p>
            Imported {run.data.values} answers of {run.data.countries} countries into {run.data.frameworkCode}
            .
          </p>
        )}
      </div>
      {run.isError && (
        <div role="alert" className="error-state">
          <p className="error-state__title">{run.error.message}</p>
          {problems.length > 0 && (
            <table className="table">
              <caption>Problems, by cell (nothing was imported)</caption>
              <thead>
                <tr>
                  <th scope="col">Cell</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((p) => (
                  <tr key={`${p.path}-${p.message}`}>
                    <th scope="row">{p.path}</th>
                    <td>{p.message}</td>
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
