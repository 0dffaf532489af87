import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import { megabytes } from '../../../shared';
import { AppError } from '../errors';
import { unreadable } from './zip';

export interface XmlHandlers {
  /** Element names come without their namespace prefix (`x:row` and `row` are one element). */
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Reads a zip part as a stream of SAX events: only the chunk being parsed is in memory, and a
 * handler stops the reading by throwing (the row cap does). The bytes are counted as well as
 * checked against the zip directory, so `maxBytes` holds whatever the directory says.
 */
export async function parseXml(
  stream: Readable,
  handlers: XmlHandlers,
  part: { what: string; maxBytes: number; fileName: string },
): Promise<void> {
  const parser = new SaxesParser();
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag) => open(local(tag.name), tag.attributes as Record<string, string>));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(local(tag.name)));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > part.maxBytes)
        throw new AppError(413, `file: ${part.what} expands to more than ${megabytes(part.maxBytes)}`);
      parser.write(decoder.write(chunk));
    }
    parser.write(decoder.end());
    parser.close();
  } catch (e) {
    stream.destroy();
    if (e instanceof AppError) throw e;
    // yauzl's check that a part inflates to no more than the zip directory says (a forged directory).
    if (e instanceof Error && e.message.startsWith('too many bytes in the stream'))
      throw new AppError(413, `file: ${part.what} expands to more than the zip directory declares`);
    // Malformed XML or a corrupt deflate stream.
    throw unreadable(part.fileName);
  }
}
