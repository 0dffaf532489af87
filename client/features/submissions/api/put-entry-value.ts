import type { EntryRow, PutValueBody, StoredValue } from '../../../../shared';
import { apiSend } from '../../../lib/api-client';

/** The API path of one cell's value (under /api). */
export function entryValuePath(iso3: string, row: EntryRow): string {
  const i = row.indicator;
  const path = [iso3, i.frameworkCode, i.code, row.frameworkPeriodCode ?? '']
    .map(encodeURIComponent)
    .join('/');
  return `/values/${path}`;
}

/** Saves one cell of the grid through PUT /api/values/… (the body already passed the shared schema). */
export function putEntryValue(iso3: string, row: EntryRow, body: PutValueBody): Promise<StoredValue> {
  return apiSend(
    'PUT',
    entryValuePath(iso3, row),
    () => import('../../../../shared/api/values').then((m) => m.StoredValueSchema),
    body,
  );
}
