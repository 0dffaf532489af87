import { COLOURS, type ReportDocument } from './document';
import type { TextStyle } from './text';

export interface Column {
  header: string;
  /** Share of the table's width; the shares are normalised. */
  width: number;
  align?: 'start' | 'end' | 'center';
}

export interface Cell {
  text: string;
  bold?: boolean;
  color?: string;
  fill?: string;
}
export type CellInput = string | Cell;

const PAD_X = 3.5;
const PAD_Y = 3.5;

const cellOf = (c: CellInput): Cell => (typeof c === 'string' ? { text: c } : c);

/**
 * A table that wraps long cells, breaks between rows (never inside one) and repeats its header on
 * every page. Right-to-left reports mirror it: the first column is drawn on the right.
 */
export function drawTable(
  r: ReportDocument,
  columns: Column[],
  rows: CellInput[][],
  opts: { header?: boolean; size?: number } = {},
): void {
  const withHeader = opts.header ?? true;
  const BODY: TextStyle = { size: opts.size ?? 8.5 };
  const HEAD: TextStyle = { size: opts.size ?? 8.5, bold: true };
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * r.width);
  const xs: number[] = [];
  let acc = 0;
  for (const w of widths) {
    xs.push(r.rtl ? r.left + r.width - acc - w : r.left + acc);
    acc += w;
  }
  const lh = r.text.lineHeight(BODY);

  const heightOf = (cells: Cell[], style: TextStyle) =>
    Math.max(
      ...cells.map(
        (c, i) =>
          r.text.wrap(c.text, (widths[i] ?? 0) - 2 * PAD_X, { ...style, bold: c.bold || style.bold }).length,
      ),
    ) *
      lh +
    2 * PAD_Y;

  const drawRow = (cells: Cell[], style: TextStyle, fill: string | null) => {
    const h = heightOf(cells, style);
    if (fill) r.doc.rect(r.left, r.y, r.width, h).fill(fill);
    cells.forEach((c, i) => {
      const x = xs[i] ?? 0;
      const w = widths[i] ?? 0;
      if (c.fill) r.doc.rect(x + 1, r.y + 1, w - 2, h - 2).fill(c.fill);
      r.text.paragraph(c.text, x + PAD_X, r.y + PAD_Y, w - 2 * PAD_X, r.align(columns[i]?.align ?? 'start'), {
        ...style,
        bold: c.bold || style.bold,
        color: c.color ?? COLOURS.ink,
      });
    });
    r.doc
      .moveTo(r.left, r.y + h)
      .lineTo(r.left + r.width, r.y + h)
      .lineWidth(0.4)
      .strokeColor(COLOURS.rule)
      .stroke();
    r.y += h;
  };

  const header = columns.map((c) => ({ text: c.header }));
  const headerHeight = heightOf(header, HEAD);
  const drawHeader = () => {
    if (withHeader) drawRow(header, HEAD, COLOURS.headerFill);
  };

  r.ensure((withHeader ? headerHeight : 0) + lh + 2 * PAD_Y);
  drawHeader();
  rows.forEach((row, i) => {
    const cells = row.map(cellOf);
    const h = heightOf(cells, BODY);
    if (r.y + h > r.bottom) {
      r.newPage();
      drawHeader();
    }
    drawRow(cells, BODY, i % 2 === 1 ? COLOURS.zebra : null);
  });
  r.gap(10);
}
