import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Reading reports back in tests with pdfjs-dist (pure npm, no poppler): the text of each page, and a
 * page rendered on a Skia canvas (@napi-rs/canvas) to count painted pixels where a chart should be.
 */
export async function openPdf(bytes: Buffer | Uint8Array) {
  return getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
}

type Pdf = Awaited<ReturnType<typeof openPdf>>;

export async function pageTexts(pdf: Pdf): Promise<string[]> {
  const out: string[] = [];
  for (let i = 1; i <= pdf.numPages; i += 1) {
    const content = await (await pdf.getPage(i)).getTextContent();
    out.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  return out;
}

export interface Rendered {
  width: number;
  height: number;
  data: Uint8ClampedArray;
  scale: number;
  png: () => Buffer;
}

/** One page (1-based) at `scale` pixels per point. */
export async function renderPage(pdf: Pdf, n: number, scale = 1): Promise<Rendered> {
  const page = await pdf.getPage(n);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const ctx = canvas.getContext('2d');
  await page.render({ canvasContext: ctx as never, canvas: canvas as never, viewport }).promise;
  const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return {
    width: canvas.width,
    height: canvas.height,
    data: img.data,
    scale,
    png: () => canvas.toBuffer('image/png'),
  };
}

/** Pixels in a rectangle (in PDF points) that are not near-white. */
export function paintedPixels(r: Rendered, box: { x: number; y: number; w: number; h: number }): number {
  let n = 0;
  const x0 = Math.floor(box.x * r.scale);
  const y0 = Math.floor(box.y * r.scale);
  const x1 = Math.min(r.width, Math.ceil((box.x + box.w) * r.scale));
  const y1 = Math.min(r.height, Math.ceil((box.y + box.h) * r.scale));
  for (let y = y0; y < y1; y += 1) {
    for (let x = x0; x < x1; x += 1) {
      const i = (y * r.width + x) * 4;
      if ((r.data[i] ?? 255) < 235 || (r.data[i + 1] ?? 255) < 235 || (r.data[i + 2] ?? 255) < 235) n += 1;
    }
  }
  return n;
}

/** Pixels of one colour (±12 per channel) on the page. */
export function pixelsOf(r: Rendered, hex: string): number {
  const [cr, cg, cb] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [
    number,
    number,
    number,
  ];
  let n = 0;
  for (let i = 0; i < r.data.length; i += 4) {
    if (
      Math.abs((r.data[i] ?? 0) - cr) <= 12 &&
      Math.abs((r.data[i + 1] ?? 0) - cg) <= 12 &&
      Math.abs((r.data[i + 2] ?? 0) - cb) <= 12
    )
      n += 1;
  }
  return n;
}
