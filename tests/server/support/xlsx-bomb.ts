import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A valid .xlsx (one sheet, inline strings) whose sheet XML is `rows` copies of one row: a zip
 * bomb when the rows are many (exceljs reads every copy before anything can count them). Built without ever holding the expanded sheet: one block of rows
 * is deflated once, ending byte-aligned and non-final (a sync flush), and repeated; each copy
 * refers only to itself, so the copies together are a valid deflate stream of the whole sheet.
 *
 * `declaredSheetBytes` writes another uncompressed size into the zip directory than the real one:
 * a forged directory, which a reader must not trust.
 */
export interface BombOptions {
  rows: number;
  /** The sheet's name (the period template's is "Values"). */
  sheetName?: string;
  /** The first row, e.g. the template's header. */
  header?: string[];
  /** The cells of each repeated row. */
  cells?: string[];
  declaredSheetBytes?: number;
}

const ROWS_PER_BLOCK = 1000;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const letter = (i: number) => String.fromCharCode(65 + i);
/** Every repeated row says it is row 2: the bytes repeat, and exceljs (which needs `r`) reads them. */
const row = (n: number, cells: string[]) =>
  `<row r="${n}">${cells.map((c, i) => `<c r="${letter(i)}${n}" t="inlineStr"><is><t>${esc(c)}</t></is></c>`).join('')}</row>`;

export function xlsxBomb(opts: BombOptions): { data: Buffer; sheetBytes: number } {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      (opts.header ? row(1, opts.header) : ''),
  );
  const tail = Buffer.from('</sheetData></worksheet>');
  const one = row(2, opts.cells ?? ['x', 'y']);
  const sync = { finishFlush: constants.Z_SYNC_FLUSH };
  const block = Buffer.from(one.repeat(ROWS_PER_BLOCK));
  const packedBlock = deflateRawSync(block, sync);
  const rest = Buffer.from(one.repeat(opts.rows % ROWS_PER_BLOCK));
  const blocks = Math.floor(opts.rows / ROWS_PER_BLOCK);
  const packed = [deflateRawSync(head, sync), ...Array(blocks).fill(packedBlock)];
  packed.push(deflateRawSync(rest, sync), deflateRawSync(tail)); // the last one is final
  let crc = crc32(head);
  for (let i = 0; i < blocks; i++) crc = crc32(block, crc);
  crc = crc32(tail, crc32(rest, crc));
  const sheetBytes = head.length + blocks * block.length + rest.length + tail.length;
  const sheet = { data: Buffer.concat(packed), size: opts.declaredSheetBytes ?? sheetBytes, crc };

  const name = opts.sheetName ?? 'Sheet1';
  const parts: [string, string | typeof sheet][] = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ],
    [
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `<sheets><sheet name="${esc(name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ],
    ['xl/worksheets/sheet1.xml', sheet],
  ];
  return { data: zip(parts), sheetBytes };
}

/** A zip of deflated entries (PKWARE APPNOTE 4.3: local headers, central directory, end record). */
function zip(parts: [string, string | { data: Buffer; size: number; crc: number }][]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of parts) {
    const entry =
      typeof content === 'string'
        ? { data: deflateRawSync(content), size: Buffer.byteLength(content), crc: crc32(content) }
        : content;
    const fileName = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt32LE(entry.crc >>> 0, 14);
    header.writeUInt32LE(entry.data.length, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(fileName.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4); // made by
    dir.writeUInt16LE(20, 6); // needed
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(entry.crc >>> 0, 16);
    dir.writeUInt32LE(entry.data.length, 20);
    dir.writeUInt32LE(entry.size, 24);
    dir.writeUInt16LE(fileName.length, 28);
    dir.writeUInt32LE(offset, 42);
    local.push(header, fileName, entry.data);
    central.push(dir, fileName);
    offset += header.length + fileName.length + entry.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}
