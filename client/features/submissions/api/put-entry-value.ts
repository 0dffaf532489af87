import type { EntryRow, PutValueBody, StoredValue } from '../../../../shared';
import { apiSend } from '../../../lib/api-client';

/** Saves one cell of the grid through PUT /api/values/… (the body already passed the shared schema). */
export function putEntryValue(iso3: string, row: EntryRow, body: PutValueBody): Promise<StoredValue> {
  const i = row.indicator;
  const path = [iso3, i.frameworkCode, i.code, row.frameworkPeriodCode ?? '']
    .map(encodeURIComponent)
    .join('/');
  return apiSend(
    'PUT',
    `/values/${path}`,
    () => import('../../../../shared/api/values').then((m) => m.StoredValueSchema),
    body,
  );
}
