import bidiFactory from 'bidi-js';
import type { FontKey } from './fonts';

/**
 * Text on a PDF page in any of the report languages: the Unicode bidi algorithm (bidi-js) orders
 * the runs of a line, each run is drawn in the font that covers its script (Noto Sans, Noto Sans
 * Arabic), and fontkit (inside pdfkit) shapes Arabic runs: joined letter forms, right to left.
 */
const bidi = bidiFactory();
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/;
/** Directional marks steer the bidi algorithm and have no glyph: drop them before drawing. */
const MARKS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
}
export type Align = 'left' | 'right' | 'center';

interface Run {
  text: string;
  level: number;
  arabic: boolean;
}

const fontOf = (arabic: boolean, bold: boolean | undefined): FontKey =>
  arabic ? (bold ? 'arabicBold' : 'arabic') : bold ? 'bold' : 'regular';

/** Runs of one script in logical order; neutrals (spaces, digits, punctuation) stay with their neighbours. */
function scriptRuns(text: string, levels?: Uint8Array): Run[] {
  const runs: Run[] = [];
  let i = 0;
  for (const ch of text) {
    const level = levels ? (levels[i] ?? 0) : 0;
    const last = runs.at(-1);
    const arabic = ARABIC.test(ch) ? true : LATIN_LETTER.test(ch) ? false : (last?.arabic ?? false);
    if (last && last.level === level && last.arabic === arabic) last.text += ch;
    else runs.push({ text: ch, level, arabic });
    i += ch.length;
  }
  return runs;
}

/**
 * The runs of a line in visual order, left to right (rule L2 of the bidi algorithm, on runs). The
 * paragraph direction is right to left when the line holds Arabic letters (an Arabic sentence that
 * names "Jordan" stays Arabic), else left to right (an English indicator name in an Arabic report
 * reads as English, aligned to the report's side).
 */
export function visualRuns(line: string): Run[] {
  const embedding = bidi.getEmbeddingLevels(line, ARABIC.test(line) ? 'rtl' : 'ltr');
  const mirrored = bidi.getMirroredCharactersMap(line, embedding.levels);
  const chars = line
    .split('')
    .map((c, i) => mirrored.get(i) ?? c)
    .join('');
  const runs = scriptRuns(chars, embedding.levels).map((r) => ({ ...r, text: r.text.replace(MARKS, '') }));
  const max = Math.max(0, ...runs.map((r) => r.level));
  const minOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1), max + 1);
  for (let k = max; k >= minOdd; k -= 1) {
    for (let i = 0; i < runs.length; ) {
      if ((runs[i] as Run).level < k) {
        i += 1;
        continue;
      }
      let j = i;
      while (j < runs.length && (runs[j] as Run).level >= k) j += 1;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  return runs.filter((r) => r.text.length > 0);
}

export class TextWriter {
  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly rtl: boolean,
  ) {}

  private use(arabic: boolean, style: TextStyle) {
    this.doc.font(fontOf(arabic, style.bold)).fontSize(style.size);
  }

  lineHeight(style: TextStyle): number {
    return style.size * 1.4;
  }

  /** Width of a string in points. */
  width(text: string, style: TextStyle): number {
    let w = 0;
    for (const r of scriptRuns(text.replace(MARKS, ''))) {
      this.use(r.arabic, style);
      w += this.doc.widthOfString(r.text);
    }
    return w;
  }

  /** `text`, shortened with an ellipsis when it is wider than `maxWidth` (a line that must stay one line). */
  fit(text: string, maxWidth: number, style: TextStyle): string {
    if (this.width(text, style) <= maxWidth) return text;
    let cut = text.length;
    while (cut > 1 && this.width(`${text.slice(0, cut)}…`, style) > maxWidth) cut -= 1;
    return `${text.slice(0, cut).trimEnd()}…`;
  }

  /** Greedy word wrap in logical order (each line is reordered when drawn). */
  wrap(text: string, maxWidth: number, style: TextStyle): string[] {
    const lines: string[] = [];
    for (const para of text.split('\n')) {
      let line = '';
      for (const word of para.split(/\s+/).filter(Boolean)) {
        const next = line ? `${line} ${word}` : word;
        if (this.width(next, style) <= maxWidth || !line) line = next;
        else {
          lines.push(line);
          line = word;
        }
        // A single word wider than the line is cut where it overflows.
        while (this.width(line, style) > maxWidth && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && this.width(line.slice(0, cut), style) > maxWidth) cut -= 1;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      }
      lines.push(line);
    }
    return lines;
  }

  /** The ascender of a script's font at this size, in points (pdfkit keeps it on the current font, untyped). */
  private ascent(arabic: boolean, style: TextStyle): number {
    this.use(arabic, style);
    return ((this.doc as unknown as { _font: { ascender: number } })._font.ascender / 1000) * style.size;
  }

  /**
   * One line, aligned in [x, x + width]. Every run stands on one baseline, that of the line's Arabic
   * font when it has Arabic (its ascender is taller than Noto Sans's): drawn from the top of the line,
   * "12" or "(JOR)" in an Arabic sentence stood higher than the words around them.
   */
  line(text: string, x: number, y: number, width: number, align: Align, style: TextStyle): void {
    const runs = visualRuns(text);
    const baseline =
      y +
      this.ascent(
        runs.some((r) => r.arabic),
        style,
      );
    const widths = runs.map((r) => {
      this.use(r.arabic, style);
      return this.doc.widthOfString(r.text);
    });
    const total = widths.reduce((a, b) => a + b, 0);
    let cx = align === 'left' ? x : align === 'right' ? x + width - total : x + (width - total) / 2;
    this.doc.fillColor(style.color ?? '#1f2933');
    runs.forEach((r, i) => {
      this.use(r.arabic, style);
      // fontkit reverses Arabic runs itself; a right-to-left run of neutrals is reversed here.
      if (r.level % 2 === 1 && r.arabic) this.rtlWords(r.text, cx, baseline);
      else {
        const text = r.level % 2 === 1 ? [...r.text].reverse().join('') : r.text;
        this.doc.text(text, cx, baseline, { lineBreak: false, baseline: 'alphabetic' });
      }
      cx += widths[i] ?? 0;
    });
  }

  /**
   * An Arabic run word by word, last word leftmost: pdfkit lost some spaces when it drew a whole
   * right-to-left run in one piece; each word alone is shaped (and reversed) by fontkit.
   */
  private rtlWords(text: string, x: number, baseline: number): void {
    const space = this.doc.widthOfString(' ');
    let cx = x;
    for (const word of text.split(' ').reverse()) {
      if (word) this.doc.text(word, cx, baseline, { lineBreak: false, baseline: 'alphabetic' });
      cx += this.doc.widthOfString(word) + space;
    }
  }

  /** A wrapped paragraph; returns its height. */
  paragraph(text: string, x: number, y: number, width: number, align: Align, style: TextStyle): number {
    const lh = this.lineHeight(style);
    const lines = this.wrap(text, width, style);
    lines.forEach((l, i) => {
      this.line(l, x, y + i * lh, width, align, style);
    });
    return lines.length * lh;
  }
}
