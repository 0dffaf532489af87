import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';

const DIR = path.resolve(import.meta.dirname, '../../../server/modules/exports/adx');
const schema = { fileName: 'adx.xsd', contents: readFileSync(path.join(DIR, 'adx.xsd'), 'utf8') };
const sdmx = {
  fileName: 'sdmx-common-timerange.xsd',
  contents: readFileSync(path.join(DIR, 'sdmx-common-timerange.xsd'), 'utf8'),
};

/** Validates an ADX document against the shipped ADX XML schema (xmllint, compiled to wasm). */
export async function validateAdx(xml: string) {
  const result = await validateXML({
    xml: [{ fileName: 'export.adx.xml', contents: xml }],
    schema: [schema],
    preload: [sdmx],
    maxMemoryPages: 4096,
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
