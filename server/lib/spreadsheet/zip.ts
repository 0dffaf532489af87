import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { megabytes } from '../../../shared';
import { AppError } from '../errors';

/** An .xlsx has a dozen parts; a directory of thousands is not a workbook. */
const MAX_ENTRIES = 1000;
/**
 * Deflate packs XML about 10× (the 2019–2020 portal sheet: 1.1 MB in 111 kB). A part that would
 * expand more than 100× is refused before it is inflated — Apache POI's ZipSecureFile uses the
 * same ratio — once it is bigger than the grace size, below which a ratio means nothing.
 */
const MAX_RATIO = 100;
const RATIO_GRACE_BYTES = 1024 * 1024;

/** The zip directory of an uploaded file: read from the end of the file; nothing is inflated. */
export interface ZipDirectory {
  has(name: string): boolean;
  /**
   * The part's inflated bytes as a stream, after checking its declared size against `maxBytes` and
   * its compression ratio. yauzl fails the stream if the part inflates to more than it declared, so
   * a directory that lies about sizes cannot get past the check.
   */
  open(name: string, maxBytes: number, what: string): Promise<Readable>;
  close(): void;
}

export const unreadable = (fileName: string) =>
  new AppError(400, `file: ${fileName} is not a readable .xlsx workbook (save it as Excel .xlsx)`, {
    issue: 'file_unreadable',
  });

export async function readZipDirectory(fileName: string, data: Buffer): Promise<ZipDirectory> {
  const zip = await yauzl
    .fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false })
    .catch(() => {
      throw unreadable(fileName);
    });
  if (zip.entryCount > MAX_ENTRIES) {
    zip.close();
    throw new AppError(400, `file: ${fileName} has ${zip.entryCount} parts; a workbook has far fewer`);
  }
  const entries = await listEntries(zip).catch((e: unknown) => {
    zip.close();
    throw e instanceof AppError ? e : unreadable(fileName);
  });
  return {
    has: (name) => entries.has(name.toLowerCase()),
    async open(name, maxBytes, what) {
      const entry = entries.get(name.toLowerCase());
      if (!entry) throw unreadable(fileName);
      checkDeclaredSize(entry, maxBytes, what);
      if (entry.isEncrypted() || !entry.canDecodeFileData()) throw unreadable(fileName);
      return zip.openReadStreamPromise(entry).catch(() => {
        throw unreadable(fileName);
      });
    },
    close: () => zip.close(),
  };
}

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  const entries = new Map<string, yauzl.Entry>();
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      // Part names are case-insensitive in OPC (ECMA-376 part 2, 9.1.1.1).
      entries.set(entry.fileName.toLowerCase(), entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function checkDeclaredSize(entry: yauzl.Entry, maxBytes: number, what: string) {
  if (entry.uncompressedSize > maxBytes)
    throw new AppError(
      413,
      `file: ${what} expands to more than ${megabytes(maxBytes)} (${megabytes(entry.uncompressedSize)} declared)`,
    );
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize > RATIO_GRACE_BYTES && ratio > MAX_RATIO)
    throw new AppError(
      413,
      `file: ${what} expands ${Math.round(ratio)}× when unpacked (at most ${MAX_RATIO}×): ` +
        'refused as a zip bomb',
    );
}
