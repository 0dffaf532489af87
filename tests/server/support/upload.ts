/**
 * A multipart/form-data upload as a browser sends it: `file` with its name and type, and the other
 * fields as text. app.inject takes the FormData as its payload and sets the boundary header.
 */
export function uploadForm(
  file: { name: string; data: Buffer | Uint8Array; type?: string },
  fields: Record<string, string> = {},
): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const type = file.type ?? (/\.csv$/i.test(file.name) ? 'text/csv' : XLSX_TYPE);
  form.append('file', new Blob([file.data as Uint8Array<ArrayBuffer>], { type }), file.name);
  return form;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
