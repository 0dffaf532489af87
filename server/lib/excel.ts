/**
 * exceljs takes ~0.3 s to load: modules that need it load it on first use, so a restart does not pay
 * for it (restart budget 1.5 s; docs/decisions/lazy-response-schemas.md). Types come from
 * `import type ExcelJS from 'exceljs'`.
 */
export async function loadExcel() {
  return (await import('exceljs')).default;
}
