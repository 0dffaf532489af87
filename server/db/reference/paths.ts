import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Data files shipped with the product (see SOURCE.md in each folder). */
export const REFERENCE_DATA_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../reference-data',
);
export const TRACSS_2019_2020_XLSX = path.join(
  REFERENCE_DATA_DIR,
  'tracss/tracss_2019_2020_country_responses.xlsx',
);
