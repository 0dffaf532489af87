import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CompareResultSchema, HeatmapResultSchema } from '../../shared';
import { openTestApp } from '../setup/test-db';

/**
 * The comparison routes write their answers with JSON.stringify, without passing them through the
 * response schema (server/modules/compare/response-cache.ts): every kind of answer must therefore be
 * exactly what the shared schema gives back — valid, nothing it would strip, nothing it would change.
 */
let app: FastifyInstance;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ app, close } = await openTestApp());
});
afterAll(async () => close());

const FW = 'framework=tracss-2019-2020';
const GROUPS = [
  'groupType=who_region&group=EMR',
  'groupType=who_region&group=WPR&classification=today',
  'groupType=income_group&group=LMC',
  'groupType=un_region&group=Asia',
  'groupType=all',
  'groupType=countries&group=LBN,SYR,EGY',
  'groupType=saved&group=1',
  'groupType=who_region&group=EMR&source=national',
];

async function expectSchemaRoundTrip(url: string, schema: z.ZodType) {
  const res = await app.inject({ url });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  const sent = res.json();
  expect(JSON.parse(JSON.stringify(schema.encode(schema.parse(sent)))), url).toEqual(sent);
}

describe('comparison answers are what their schema gives back', () => {
  it.each(GROUPS)('/api/compare %s', async (group) => {
    await expectSchemaRoundTrip(`/api/compare?${FW}&country=JOR&${group}`, CompareResultSchema);
  });

  it.each(GROUPS)('/api/compare/heatmap %s', async (group) => {
    await expectSchemaRoundTrip(`/api/compare/heatmap?${FW}&${group}`, HeatmapResultSchema);
  });
});
