/**
 * One spreadsheet-upload case in its own process, so that its peak RSS is its own (run by
 * tests/bench/uploads.ts with --expose-gc). CASE:
 *   bomb-http     a zip bomb POSTed as multipart to a route with the period import's limits and reader
 *   sheet-http    a 1000-row filled template, the same way
 *   sheet-exceljs the same 1000-row file loaded by exceljs (the reader before): the floor
 *   bomb-exceljs  exceljs loading a smaller bomb (BOMB_ROWS rows): what the bomb did before
 * Prints one JSON line: { peakOverBaselineMb, peakJsOverBaselineMb, ms, status, message, fileBytes,
 * sheetBytes }.
 */
import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { readSheetFile } from '../../server/modules/period-sheets/read-file';
import { registerErrorHandling } from '../../server/plugins/errors';
import { registerUploads, uploadConfig, uploadedFile } from '../../server/plugins/uploads';
import { PERIOD_SHEET_LIMITS, PeriodImportFormSchema, SHEET_COLUMNS } from '../../shared';
import { xlsxBomb } from '../server/support/xlsx-bomb';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

async function measured(fn: () => Promise<{ status: number; message: string }>) {
  gc();
  // RSS is what an operator sees; the JS heap plus buffers is what this work allocated (RSS may
  // not grow when V8 reuses pages it already has).
  const js = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  const baseline = { rss: process.memoryUsage().rss, js: js() };
  const peak = { ...baseline };
  const sample = () => {
    peak.rss = Math.max(peak.rss, process.memoryUsage().rss);
    peak.js = Math.max(peak.js, js());
  };
  const sampler = setInterval(sample, 5);
  const t = performance.now();
  try {
    const r = await fn();
    sample();
    const mb = (n: number) => n / 1024 / 1024;
    return {
      ...r,
      ms: performance.now() - t,
      peakOverBaselineMb: mb(peak.rss - baseline.rss),
      peakJsOverBaselineMb: mb(peak.js - baseline.js),
    };
  } finally {
    clearInterval(sampler);
  }
}

/** A filled period template of `rows` rows, as exceljs writes it (shared strings, numbers). */
async function template(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Values');
  ws.addRow([...SHEET_COLUMNS]);
  for (let i = 0; i < rows; i++)
    ws.addRow([
      'JOR',
      '2022',
      'national-jor',
      `IND-${i}`,
      `Indicator number ${i} of the national plan`,
      'number',
      'count',
      '2021',
      i * 3,
      i * 7,
      null,
      null,
      null,
      'reported',
      null,
      `Comment ${i}: from the annual survey`,
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function viaHttp(fileName: string, data: Buffer) {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  await registerUploads(app);
  app.post(
    '/upload',
    { config: uploadConfig(PERIOD_SHEET_LIMITS), schema: { body: PeriodImportFormSchema } },
    async (req) => {
      const { file } = req.body as { file: File };
      const f = await uploadedFile(file);
      return { rows: (await readSheetFile(f.fileName, f.data)).length };
    },
  );
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const send = async (file = data) => {
    const form = new FormData();
    form.append('file', new Blob([file as Uint8Array<ArrayBuffer>]), fileName);
    const res = await fetch(`${base}/upload`, { method: 'POST', body: form });
    const body = (await res.json()) as { message?: string; rows?: number };
    return { status: res.status, message: body.message ?? `${body.rows} rows` };
  };
  try {
    // Warm-up on a 2-row file: the code is loaded and compiled before the measured upload.
    await send(await template(2));
    return await measured(() => send());
  } finally {
    await app.close();
  }
}

async function viaExceljs(data: Buffer) {
  const read = async (file = data) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Values') ?? wb.worksheets[0];
    let cells = 0;
    ws?.eachRow((row) => {
      cells += row.cellCount;
    });
    return { status: 0, message: `${ws?.rowCount} rows, ${cells} cells` };
  };
  await read(await template(2));
  return measured(() => read());
}

const header = [...SHEET_COLUMNS];
const kase = process.env.CASE;
let out: object;
if (kase === 'bomb-http' || kase === 'bomb-exceljs') {
  // 2.75 million rows: a file of about 1.2 MB whose sheet expands to about 300 MB.
  const rows = Number(process.env.BOMB_ROWS ?? 2_750_000);
  const bomb = xlsxBomb({ rows, sheetName: 'Values', header });
  const r = kase === 'bomb-http' ? await viaHttp('bomb.xlsx', bomb.data) : await viaExceljs(bomb.data);
  out = { ...r, fileBytes: bomb.data.length, sheetBytes: bomb.sheetBytes };
} else {
  const data = await template(1000);
  const r = kase === 'sheet-http' ? await viaHttp('values.xlsx', data) : await viaExceljs(data);
  out = { ...r, fileBytes: data.length, sheetBytes: null };
}
process.stdout.write(`${JSON.stringify(out)}\n`);
