/**
 * Spreadsheet uploads: peak memory of a zip-bomb upload and of a 1000-row sheet, each in its own
 * process (tests/bench/upload-child.ts) so that the peak is its own. The bomb is a 1.2 MB .xlsx
 * whose sheet expands to about 300 MB (as the one that took the server to 4.5 GB); the "before"
 * row loads a smaller bomb (500,000 rows, 54 MB of XML) with exceljs, the reader the imports used,
 * with its heap capped so that it cannot take the machine. Budget: an upload, bomb or not, stays
 * under 64 MB of RSS over the process's baseline.
 *
 * Standalone: `npx tsx tests/bench/uploads.ts` prints the rows.
 */
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { firstJsonLine, stop } from './processes';
import { type Row, row, table } from './report';

interface Case {
  status: number;
  message: string;
  ms: number;
  peakOverBaselineMb: number;
  peakJsOverBaselineMb: number;
  fileBytes: number;
  sheetBytes: number | null;
}

const MAX_RSS_MB = 64;

async function runCase(name: string, env: Record<string, string> = {}, heapMb = 1024): Promise<Case> {
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${heapMb}`, '--expose-gc', '--import', 'tsx', 'tests/bench/upload-child.ts'],
    { env: { ...process.env, ...env, CASE: name }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    return await firstJsonLine<Case>(child, 300_000);
  } finally {
    await stop(child);
  }
}

export async function benchUploads(log: (s: string) => void): Promise<Row[]> {
  const S = 'Spreadsheet uploads';
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  log('  zip bomb over HTTP (multipart, period sheet limits and reader)');
  const bomb = await runCase('bomb-http');
  log(`    ${bomb.status} ${bomb.message}; file ${mb(bomb.fileBytes)}, sheet ${mb(bomb.sheetBytes ?? 0)}`);
  log('  1000-row sheet over HTTP');
  const sheet = await runCase('sheet-http');
  log(`    ${sheet.status} ${sheet.message}; file ${mb(sheet.fileBytes)}`);
  log('  the same 1000-row sheet through exceljs (the reader before)');
  const sheetBefore = await runCase('sheet-exceljs');
  log('  exceljs on a 500,000-row bomb (heap capped at 3 GB)');
  const before = await runCase('bomb-exceljs', { BOMB_ROWS: '500000' }, 3072).catch((e: Error) => {
    log(`    exceljs did not finish: ${e.message.split('\n')[0]}`);
    return null;
  });
  const bombName = `bomb upload (${mb(bomb.fileBytes)} file, sheet ${mb(bomb.sheetBytes ?? 0)}): refused ${bomb.status}`;
  const rows = [
    row(S, `${bombName}: peak RSS over baseline`, bomb.peakOverBaselineMb, 'MB', null, {
      valueMax: MAX_RSS_MB,
    }),
    row(S, `${bombName}: peak JS heap + buffers over baseline`, bomb.peakJsOverBaselineMb, 'MB', null),
    row(S, `${bombName}: time to the answer`, bomb.ms, 'ms', null),
    row(
      S,
      '1000-row sheet upload, dry-run read: peak RSS over baseline',
      sheet.peakOverBaselineMb,
      'MB',
      null,
      {
        valueMax: MAX_RSS_MB,
      },
    ),
    row(S, '1000-row sheet upload: peak JS heap + buffers over baseline', sheet.peakJsOverBaselineMb, 'MB', {
      name: 'exceljs load of the same file',
      value: sheetBefore.peakJsOverBaselineMb,
    }),
    row(S, '1000-row sheet upload over HTTP: time', sheet.ms, 'ms', {
      name: 'exceljs load of the same file (no HTTP)',
      value: sheetBefore.ms,
    }),
  ];
  if (before)
    rows.push(
      row(
        S,
        `before: exceljs on a bomb (${mb(before.fileBytes)} file, sheet ${mb(before.sheetBytes ?? 0)}): peak RSS`,
        before.peakOverBaselineMb,
        'MB',
        null,
      ),
      row(S, `before: exceljs on that bomb: time`, before.ms, 'ms', null),
    );
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const log = (s: string) => process.stderr.write(`${s}\n`);
  process.stdout.write(`${table(await benchUploads(log))}\n`);
}
