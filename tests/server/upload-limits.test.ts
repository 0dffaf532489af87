import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { PERIOD_SHEET_LIMITS, ROUND_WORKBOOK_LIMITS, SHEET_COLUMNS } from '../../shared';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, role, type Session, signIn, withCredential } from './support/auth';
import { jordanPlanId } from './support/plans';
import { uploadForm } from './support/upload';
import { addNationalIndicator, addPeriod, as, workflowCounts } from './support/workflow';
import { xlsxBomb } from './support/xlsx-bomb';

/**
 * Uploads that would expand to far more than they weigh (zip bombs) are refused before or while
 * they are inflated. The bound is counted, not timed: every byte zlib inflates for the reader goes
 * through zlib.createInflateRaw, whose output is summed here.
 */
let database: Database;
let app: FastifyInstance;
let focal: Session;
let admin: Session;
let periodId = 0;
let inflated = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database });
  await app.ready();
  await makeUser(database, 'ul-focal@example.org', [role('focal_point', 'JOR')]);
  await makeUser(database, 'ul-admin@example.org', [role('admin')]);
  focal = await signIn(app, 'ul-focal@example.org');
  admin = await signIn(app, 'ul-admin@example.org');
  const planId = await jordanPlanId(database);
  await addNationalIndicator(app, focal, planId, 'UL-NUM', 'number');
  periodId = (await addPeriod(app, focal, planId, 2022, '2099-03-31')).id;
  const inflateRaw = zlib.createInflateRaw;
  vi.spyOn(zlib, 'createInflateRaw').mockImplementation((options) => {
    const stream = inflateRaw(options);
    stream.on('data', (chunk: Buffer) => {
      inflated += chunk.length;
    });
    return stream;
  });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await app?.close();
  await database?.close();
});
beforeEach(() => {
  inflated = 0;
});

const KiB = 1024;
const MiB = 1024 * KiB;
const periodUpload = (name: string, data: Buffer) =>
  as(app, focal, 'POST', `/api/periods/${periodId}/import?dryRun=true`, uploadForm({ name, data }));
const roundUpload = (data: Buffer) =>
  app.inject(
    withCredential(
      { session: admin },
      {
        method: 'POST',
        url: '/api/rounds/tracss-2019-2020/import',
        payload: uploadForm({ name: 'responses.xlsx', data }, { dryRun: 'true' }),
      },
    ),
  );
const header = [...SHEET_COLUMNS];

describe('a period sheet upload that is a zip bomb', () => {
  it('is refused from the zip directory, nothing inflated but the workbook parts; the server answers meanwhile', async () => {
    // 3 million rows: about 300 MB of sheet XML in a file of a few hundred kB.
    const bomb = xlsxBomb({ rows: 3_000_000, sheetName: 'Values', header });
    expect(bomb.data.length).toBeLessThan(PERIOD_SHEET_LIMITS.fileBytes);
    expect(bomb.sheetBytes).toBeGreaterThan(200 * MiB);
    const before = await workflowCounts(database);
    const [res, health] = await Promise.all([
      periodUpload('values.xlsx', bomb.data),
      app.inject({ url: '/api/health' }),
    ]);
    expect(health.statusCode).toBe(200);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().message).toMatch(
      /^file: the sheet "Values" expands to more than 16 MB \([\d.]+ MB declared\)$/,
    );
    expect(inflated).toBeGreaterThan(0); // the relationship and workbook parts
    expect(inflated).toBeLessThan(16 * KiB);
    expect(await workflowCounts(database)).toEqual(before);
  });

  it('with rows under the ratio check, stops reading at the row cap', async () => {
    // 10,000 rows in under 1 MiB of XML: too small for a ratio to mean anything.
    const bomb = xlsxBomb({ rows: 10_000, sheetName: 'Values', header, cells: ['a'] });
    expect(bomb.sheetBytes).toBeLessThan(MiB);
    const res = await periodUpload('values.xlsx', bomb.data);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toBe('file: more than 1000 rows in the sheet "Values"');
    // The rows are about 60 bytes each: the reader stopped near row 1,001, not at row 10,000.
    expect(inflated).toBeLessThan(bomb.sheetBytes / 2);
  });

  it('with a forged zip directory, stops where the declared size ends', async () => {
    // 200 rows of 64 kB cells (13 MB of XML) declared as 512 kB.
    const cells = ['x'.repeat(64 * KiB)];
    const bomb = xlsxBomb({ rows: 200, sheetName: 'Values', header, cells, declaredSheetBytes: 512 * KiB });
    const res = await periodUpload('values.xlsx', bomb.data);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().message).toBe(
      'file: the sheet "Values" expands to more than the zip directory declares',
    );
    expect(inflated).toBeLessThan(512 * KiB + 128 * KiB);
  });

  it('a CSV is read up to the row cap', async () => {
    const csv = `${header.join(',')}\n${'JOR,2022,national-jor,UL-NUM\n'.repeat(5000)}`;
    const res = await periodUpload('values.csv', Buffer.from(csv));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toBe('file: more than 1000 rows');
  });
});

describe('a round import that is a zip bomb', () => {
  it('is refused from the zip directory', async () => {
    const bomb = xlsxBomb({ rows: 3_000_000, sheetName: 'Global Monitoring', header: ['Country name'] });
    const [res, health] = await Promise.all([roundUpload(bomb.data), app.inject({ url: '/api/health' })]);
    expect(health.statusCode).toBe(200);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().message).toMatch(
      /^file: the sheet "Global Monitoring" expands to more than 64 MB \([\d.]+ MB declared\)$/,
    );
    expect(inflated).toBeLessThan(16 * KiB);
  });

  it('stops at the row cap while reading', async () => {
    const bomb = xlsxBomb({ rows: 12_000, sheetName: 'S', header: ['Country name'], cells: ['Jordan'] });
    expect(bomb.sheetBytes).toBeLessThan(MiB);
    const res = await roundUpload(bomb.data);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toBe(`file: more than ${ROUND_WORKBOOK_LIMITS.rows} rows in the sheet "S"`);
    expect(inflated).toBeLessThan(bomb.sheetBytes / 2);
  });
});

describe('multipart uploads', () => {
  it('refuses a file over the size limit while receiving it, naming the field', async () => {
    const big = Buffer.alloc(PERIOD_SHEET_LIMITS.fileBytes + 1, 'a');
    const res = await periodUpload('big.csv', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toBe('file: big.csv is larger than 2 MB');
  });

  it('answers 400 naming the field when the file is missing or of another kind', async () => {
    const json = await as(app, focal, 'POST', `/api/periods/${periodId}/import`, {
      fileName: 'values.csv',
      data: Buffer.from('framework,indicator\n').toString('base64'),
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().message).toMatch(/^body\.file: /);
    const pdf = await periodUpload('values.pdf', Buffer.from('%PDF'));
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().message).toBe('body.file: must be an .xlsx or .csv file');
  });

  it('takes no file on a route that does not upload one', async () => {
    const res = await as(
      app,
      focal,
      'POST',
      '/api/peer-groups',
      uploadForm({ name: 'values.csv', data: Buffer.from('a') }),
    );
    expect(res.statusCode).toBe(413);
  });

  it('documents both uploads as multipart/form-data in OpenAPI', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    for (const path of ['/api/periods/{periodId}/import', '/api/rounds/{code}/import']) {
      const form = doc.paths[path].post.requestBody.content['multipart/form-data'];
      expect(form.schema.properties.file).toMatchObject({ type: 'string', format: 'binary' });
    }
  });
});
