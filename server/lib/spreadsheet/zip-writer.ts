import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw } from 'node:zlib';

/** What the writer takes: bytes, or text written as UTF-8. */
export type ZipInput = Uint8Array | string;

interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** Sizes and offsets are 32-bit without ZIP64, which this writer leaves out (see `entry`). */
const MAX_32 = 0xffff_ffff;
/** Bit 3: sizes and CRC follow the data (a data descriptor); bit 11: the name is UTF-8. */
const FLAGS = 0x0808;
const DEFLATE = 8;
const VERSION = 20;

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(d.getUTCFullYear(), 1980);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/**
 * A streaming ZIP writer (APPNOTE.TXT 6.3): each entry is deflated as it arrives and followed by a
 * data descriptor holding its CRC-32 and sizes, so nothing is held but zlib's window and the current
 * chunk; the central directory is written by `end()`. `entry` and `end` yield the archive's bytes in
 * order: the caller hands them on (with backpressure, e.g. through `Readable.from`).
 *
 * No ZIP64: an entry or an archive past 4 GiB fails the stream rather than write a broken file (a
 * sheet that big is past Excel's 1,048,576 rows anyway).
 */
export class ZipWriter {
  private offset = 0;
  private readonly written: Written[] = [];
  private readonly stamp: { time: number; date: number };

  constructor(
    private readonly level = 6,
    modified = new Date(),
  ) {
    this.stamp = dosDateTime(modified);
  }

  /** One entry: its local header, its deflated data, its data descriptor. */
  async *entry(name: string, data: AsyncIterable<ZipInput> | Iterable<ZipInput>): AsyncGenerator<Buffer> {
    const nameBytes = Buffer.from(name, 'utf8');
    const offset = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    // CRC-32 and sizes (14–25) stay 0: they are in the data descriptor.
    header.writeUInt16LE(nameBytes.length, 26);
    yield* this.out(Buffer.concat([header, nameBytes]));

    let crc = 0;
    let size = 0;
    async function* measured() {
      for await (const chunk of data) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        if (bytes.length === 0) continue;
        crc = crc32(bytes, crc);
        size += bytes.length;
        if (size > MAX_32) throw new RangeError(`zip: ${name} is larger than 4 GiB (ZIP64 is not written)`);
        yield bytes;
      }
    }
    const deflate = createDeflateRaw({ level: this.level });
    const feeding = pipeline(Readable.from(measured(), { objectMode: false }), deflate);
    // The pipeline's rejection is the one to report; the iteration below ends with the same error.
    feeding.catch(() => {});
    let compressed = 0;
    for await (const out of deflate as AsyncIterable<Buffer>) {
      compressed += out.length;
      yield* this.out(out);
    }
    await feeding;

    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    yield* this.out(descriptor);
    this.written.push({ name: nameBytes, crc: crc >>> 0, compressed, size, offset });
  }

  /** The central directory and its end record. */
  async *end(): AsyncGenerator<Buffer> {
    const start = this.offset;
    for (const w of this.written) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(VERSION, 4);
      h.writeUInt16LE(VERSION, 6);
      h.writeUInt16LE(FLAGS, 8);
      h.writeUInt16LE(DEFLATE, 10);
      h.writeUInt16LE(this.stamp.time, 12);
      h.writeUInt16LE(this.stamp.date, 14);
      h.writeUInt32LE(w.crc, 16);
      h.writeUInt32LE(w.compressed, 20);
      h.writeUInt32LE(w.size, 24);
      h.writeUInt16LE(w.name.length, 28);
      // Extra field, comment, disk number, internal and external attributes (30–41): none.
      h.writeUInt32LE(w.offset, 42);
      yield* this.out(Buffer.concat([h, w.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    yield end;
  }

  private *out(bytes: Buffer): Generator<Buffer> {
    this.offset += bytes.length;
    if (this.offset > MAX_32)
      throw new RangeError('zip: the archive is larger than 4 GiB (ZIP64 is not written)');
    yield bytes;
  }
}
