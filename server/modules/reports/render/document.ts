import PDFDocument from 'pdfkit';
import { FONT_FILES, type FontKey } from './fonts';
import { type Align, type TextStyle, TextWriter } from './text';

/** A4 in points, and the report's margins. */
export const PAGE = { width: 595.28, height: 841.89, margin: 50, top: 64, bottom: 70 } as const;
export const COLOURS = {
  ink: '#1f2933',
  muted: '#52606d',
  rule: '#cbd2d9',
  accent: '#1f5f7a',
  headerFill: '#e4edf2',
  zebra: '#f5f7fa',
  warn: '#8a4b00',
  warnFill: '#fff4e0',
} as const;

export interface ReportMeta {
  title: string;
  author: string;
  lang: string;
}

/**
 * A report being laid out: a cursor moving down the page, a new page when the next block does not
 * fit, start/end alignment that follows the language's direction. Pages are buffered so that the
 * footer ("page n of N") is written once the page count is known.
 */
export class ReportDocument {
  readonly doc: PDFKit.PDFDocument;
  readonly text: TextWriter;
  y: number = PAGE.top;
  readonly left = PAGE.margin;
  readonly width = PAGE.width - 2 * PAGE.margin;
  readonly bottom = PAGE.height - PAGE.bottom;

  constructor(
    meta: ReportMeta,
    readonly rtl: boolean,
    private readonly runningTitle: string,
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: 0,
      bufferPages: true,
      autoFirstPage: true,
      lang: meta.lang,
      info: { Title: meta.title, Author: meta.author, Creator: 'NAP Tracker' },
    });
    for (const [key, file] of Object.entries(FONT_FILES)) this.doc.registerFont(key as FontKey, file);
    this.text = new TextWriter(this.doc, rtl);
  }

  /** 'start' and 'end' follow the reading direction. */
  align(a: 'start' | 'end' | 'center'): Align {
    if (a === 'center') return 'center';
    return (a === 'start') !== this.rtl ? 'left' : 'right';
  }

  newPage(): void {
    this.doc.addPage({ size: 'A4', margin: 0 });
    this.y = PAGE.top;
    const style = { size: 8, color: COLOURS.muted };
    // One line: a long title is shortened rather than run off the page.
    this.text.line(
      this.text.fit(this.runningTitle, this.width, style),
      this.left,
      30,
      this.width,
      this.align('start'),
      style,
    );
    this.doc
      .moveTo(this.left, 44)
      .lineTo(this.left + this.width, 44)
      .lineWidth(0.5)
      .strokeColor(COLOURS.rule)
      .stroke();
  }

  /** A top-level section: it starts on a page of its own, under its heading. */
  section(title: string): void {
    this.newPage();
    this.heading(title);
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  gap(points: number): void {
    this.y += points;
  }

  heading(text: string, level: 1 | 2 = 1): void {
    const style: TextStyle = { size: level === 1 ? 16 : 11.5, bold: true, color: COLOURS.accent };
    // Keep a heading with at least a few lines of what follows it.
    this.ensure(this.text.lineHeight(style) + 60);
    if (level === 1 && this.y > PAGE.top) this.gap(8);
    this.y += this.text.paragraph(text, this.left, this.y, this.width, this.align('start'), style);
    if (level === 1) {
      this.doc
        .moveTo(this.left, this.y + 1)
        .lineTo(this.left + this.width, this.y + 1)
        .lineWidth(1)
        .strokeColor(COLOURS.accent)
        .stroke();
      this.gap(10);
    } else this.gap(4);
  }

  paragraph(text: string, style: Partial<TextStyle> = {}, align: 'start' | 'end' | 'center' = 'start'): void {
    const s: TextStyle = { size: 9.5, color: COLOURS.ink, ...style };
    const lines = this.text.wrap(text, this.width, s);
    const lh = this.text.lineHeight(s);
    for (const l of lines) {
      this.ensure(lh);
      this.text.line(l, this.left, this.y, this.width, this.align(align), s);
      this.y += lh;
    }
    this.gap(4);
  }

  /** A shaded note box (data-quality warnings, illustrative data). */
  note(text: string): void {
    const s: TextStyle = { size: 8.5, color: COLOURS.warn };
    const lines = this.text.wrap(text, this.width - 16, s);
    const h = lines.length * this.text.lineHeight(s) + 10;
    this.ensure(h);
    this.doc.rect(this.left, this.y, this.width, h).fill(COLOURS.warnFill);
    this.text.paragraph(text, this.left + 8, this.y + 5, this.width - 16, this.align('start'), s);
    this.y += h + 6;
  }

  /** A chart PNG rendered at `px` CSS pixels, placed at 0.75 pt per pixel (scaled down to fit). */
  image(png: Buffer, px: { width: number; height: number }): { x: number; y: number; w: number; h: number } {
    const scale = Math.min(0.75, this.width / px.width);
    const w = px.width * scale;
    const h = px.height * scale;
    this.ensure(h + 6);
    const x = this.left + (this.width - w) / 2;
    const y = this.y;
    this.doc.image(png, x, y, { width: w, height: h });
    this.y += h + 6;
    return { x, y, w, h };
  }

  /**
   * Footer on every page: the source at the start side (wrapped onto a second line when long), "Page n
   * of N" at the end side. The page label is measured and the source gets the rest of the width, less
   * a gap, so the two never meet, left to right or right to left.
   */
  finish(source: (page: number, total: number) => { left: string; right: string }): PDFKit.PDFDocument {
    const range = this.doc.bufferedPageRange();
    const style = { size: 7.5, color: COLOURS.muted };
    const gap = 12;
    for (let i = range.start; i < range.start + range.count; i += 1) {
      this.doc.switchToPage(i);
      const y = PAGE.height - 40;
      this.doc
        .moveTo(this.left, y - 6)
        .lineTo(this.left + this.width, y - 6)
        .lineWidth(0.5)
        .strokeColor(COLOURS.rule)
        .stroke();
      const f = source(i + 1, range.count);
      const pageWidth = Math.ceil(this.text.width(f.right, style)) + 2;
      const sourceWidth = this.width - pageWidth - gap;
      // Start side: left in LTR, right in RTL; the page label sits at the other end.
      const sourceX = this.rtl ? this.left + pageWidth + gap : this.left;
      const pageX = this.rtl ? this.left : this.left + this.width - pageWidth;
      const lines = this.text.wrap(f.left, sourceWidth, style);
      const shown =
        lines.length > 2
          ? [lines[0] ?? '', this.text.fit(lines.slice(1).join(' '), sourceWidth, style)]
          : lines;
      shown.forEach((l, k) => {
        this.text.line(
          l,
          sourceX,
          y + k * this.text.lineHeight(style),
          sourceWidth,
          this.align('start'),
          style,
        );
      });
      this.text.line(f.right, pageX, y, pageWidth, this.align('end'), style);
    }
    this.doc.end();
    return this.doc;
  }
}

/** Collects a finished pdfkit document into one buffer. */
export function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
