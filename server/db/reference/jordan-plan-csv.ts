import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCsvRecords } from '../../lib/spreadsheet/csv';

/*
 * Reading the transcription's CSV files and checking their cells: a bad file fails with the file, the
 * row and the field named.
 */

export class FileError extends Error {}
export const fail = (file: string, where: string, message: string): never => {
  throw new FileError(`${file}, ${where}: ${message}`);
};

export async function csv(dir: string, file: string, required: string[], optional = false) {
  const text = await readFile(path.join(dir, file), 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (optional && e.code === 'ENOENT') return null;
    throw new FileError(`${file}: ${e.message}`);
  });
  if (text === null) return null;
  const rows = parseCsvRecords(text.replace(/^\uFEFF/, ''));
  const first = rows[0];
  for (const c of required) if (first && !(c in first)) fail(file, 'header', `no column ${c}`);
  return rows.map((r, i) => ({ r, at: r.row ? `row ${r.row}` : `line ${i + 2}` }));
}

export const cell = (r: Record<string, string>, c: string) => {
  const v = (r[c] ?? '').trim();
  return v === '' ? null : v;
};
export const need = (file: string, at: string, r: Record<string, string>, c: string) =>
  cell(r, c) ?? fail(file, at, `${c} is empty`);
export const int = (file: string, at: string, r: Record<string, string>, c: string) => {
  const v = Number(need(file, at, r, c));
  return Number.isInteger(v) ? v : fail(file, at, `${c} is not a whole number`);
};
export const pad = (n: number) => String(n).padStart(2, '0');
