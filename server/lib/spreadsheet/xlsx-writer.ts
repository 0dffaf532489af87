import { columnLetters } from './cell';
import { type ZipInput, ZipWriter } from './zip-writer';

/** A cell as the writer takes it: text, a number, a boolean, or nothing (no cell is written). */
export type CellValue = string | number | boolean | null | undefined;

export interface SheetColumn {
  header: string;
  /** Excel's width unit: characters of the default font. */
  width: number;
}

export interface SheetSpec {
  name: string;
  columns: readonly SheetColumn[];
  /** Keeps the header row in view while scrolling (a frozen pane under row 1). */
  frozenHeader?: boolean;
  /**
   * The rows under the header, as `<row>` elements numbered from 2 (`rowsXml` writes them from
   * values; a caller may send the XML made elsewhere, e.g. by Postgres).
   */
  rows: AsyncIterable<ZipInput> | Iterable<ZipInput>;
}

export interface WorkbookOptions {
  creator: string;
  created: Date;
  /** zlib level, 1 (fastest) to 9. */
  level?: number;
}

// Characters XML 1.0 does not allow (C0 controls but tab, LF and CR; U+FFFE, U+FFFF) are left out, as
// Excel, LibreOffice and exceljs's writer do; CR and LF are written as references so that they are
// read back as they were (a parser turns a raw CR LF into LF).
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it removes.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const SPECIAL = /[&<>\r\n]/g;
const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\r': '&#13;',
  '\n': '&#10;',
};

/** Text as XML element content (and attribute values: quotes are escaped too). */
export function xmlText(s: string): string {
  return s.replace(NOT_XML, '').replace(SPECIAL, (c) => ENTITY[c] ?? c);
}
const attr = (s: string) => xmlText(s).replace(/"/g, '&quot;');

/** One cell: numbers as numbers (not finite: as text), booleans as TRUE/FALSE, text inline. */
export function cellXml(ref: string, v: CellValue): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}"><v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(String(v))}</t></is></c>`;
}

/** `<row>` elements from values, the first numbered `first`. */
export function* rowsXml(rows: Iterable<readonly CellValue[]>, first = 2): Generator<string> {
  let n = first;
  let batch = '';
  for (const cells of rows) {
    batch += `<row r="${n}">${cells.map((v, i) => cellXml(`${columnLetters(i + 1)}${n}`, v)).join('')}</row>\n`;
    n++;
    if (batch.length > 64 * 1024) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function sheetHead(s: SheetSpec): string {
  const pane = s.frozenHeader
    ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
      '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
    : '';
  const cols = s.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`)
    .join('');
  const header = s.columns.map((c, i) => cellXml(`${columnLetters(i + 1)}1`, c.header)).join('');
  return `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>\n<row r="1">${header}</row>\n`;
}

async function* sheetXml(s: SheetSpec): AsyncGenerator<ZipInput> {
  yield sheetHead(s);
  yield* s.rows;
  yield '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
}

const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function packageParts(names: string[], o: WorkbookOptions): [string, string][] {
  const sheetPart = (i: number) => `xl/worksheets/sheet${i + 1}.xml`;
  const types = [
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
    ...names.map(
      (_, i) =>
        `<Override PartName="/${sheetPart(i)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    ),
  ];
  const created = `${o.created.toISOString().slice(0, 19)}Z`;
  return [
    [
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${types.join('')}</Types>`,
    ],
    [
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    ],
    [
      'docProps/core.xml',
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${attr(o.creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`,
    ],
    [
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${names
        .map((n, i) => `<sheet name="${attr(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${names
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join(
          '',
        )}<Relationship Id="rId${names.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', STYLES],
  ];
}

/**
 * An .xlsx workbook written as a stream (SpreadsheetML, ECMA-376): each sheet's XML goes straight
 * into the zip as its rows arrive, so memory holds a chunk, not a sheet. Sheets come one after
 * another (a later sheet may depend on what an earlier one saw); the workbook part that names them is
 * written last, which readers accept as the zip directory says where every part is.
 */
export async function* workbookChunks(
  sheets: AsyncIterable<SheetSpec> | Iterable<SheetSpec>,
  o: WorkbookOptions,
): AsyncGenerator<Buffer> {
  const zip = new ZipWriter(o.level ?? 6, o.created);
  const names: string[] = [];
  for await (const s of sheets) {
    yield* zip.entry(`xl/worksheets/sheet${names.length + 1}.xml`, sheetXml(s));
    names.push(s.name);
  }
  for (const [name, xml] of packageParts(names, o)) yield* zip.entry(name, [xml]);
  yield* zip.end();
}
