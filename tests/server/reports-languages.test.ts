import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportI18n } from '../../server/modules/reports/i18n';
import { FONT_FILES } from '../../server/modules/reports/render/fonts';
import { formatValue } from '../../server/modules/reports/sections/format';
import type { PlanIndicator } from '../../shared';
import { openTestApp } from '../setup/test-db';
import { openPdf } from './support/reports-pdf';

/*
 * The country report in Arabic and French: the country, its WHO region and the money in the
 * language, yes/no in words the fonts can draw, and a footer whose page number never runs into the
 * source line. The PDFs stay in test-results/ to be looked at (pdftoppm -png -r 60).
 */

/** fontkit (pdfkit's font engine) has no types of its own: the one call used here. */
const fontkit = createRequire(import.meta.url)('fontkit') as {
  openSync(path: string): { hasGlyphForCodePoint(codePoint: number): boolean };
};

type Item = { str: string; x: number; y: number; w: number };
let app: FastifyInstance;
let close: () => Promise<void>;
const reports: Record<string, { text: string; pages: Item[][] }> = {};

beforeAll(async () => {
  ({ app, close } = await openTestApp());
  mkdirSync('test-results', { recursive: true });
  for (const lang of ['ar', 'fr']) {
    const res = await app.inject({ url: `/api/reports/country/JOR?lang=${lang}` });
    expect(res.statusCode).toBe(200);
    writeFileSync(`test-results/report-JOR-${lang}.pdf`, res.rawPayload);
    const pdf = await openPdf(res.rawPayload);
    const pages: Item[][] = [];
    for (let n = 1; n <= Math.min(pdf.numPages, 4); n += 1) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(
        content.items.flatMap((it) =>
          'str' in it && it.str.trim()
            ? [{ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number, w: it.width }]
            : [],
        ),
      );
    }
    const all: string[] = [];
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const content = await (await pdf.getPage(n)).getTextContent();
      all.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
    }
    reports[lang] = { text: all.join('\n'), pages };
  }
}, 180_000);
afterAll(async () => {
  await close?.();
});

/*
 * Text read back from an Arabic PDF loses the dots of some shaped letters (the font draws ب ت ث ن ي
 * on one dotless body, ج ح خ on another, and the PDF maps the body to one letter; the dots come back
 * as stray characters) and runs are split. Compared on the Arabic letters' skeletons alone (digits
 * too, when asked), a name is found as drawn.
 */
const SKELETON: [RegExp, string][] = [
  [/[بتثنيىئ]/g, 'ب'],
  [/[جحخ]/g, 'ح'],
  [/[دذ]/g, 'د'],
  [/[رز]/g, 'ر'],
  [/[سش]/g, 'س'],
  [/[صض]/g, 'ص'],
  [/[طظ]/g, 'ط'],
  [/[عغ]/g, 'ع'],
  [/[فق]/g, 'ف'],
  [/[هة]/g, 'ه'],
  [/[أإآا]/g, 'ا'],
  [/[ؤو]/g, 'و'],
];
const skeleton = (s: string, digits = false) =>
  SKELETON.reduce(
    (t, [re, to]) => t.replace(re, to),
    s.replace(digits ? /[^\u0621-\u064A0-9]/g : /[^\u0621-\u064A]/g, ''),
  );

/** The footer's text items (below the rule), grouped into runs separated by more than 6 points. */
function footerRuns(items: Item[]): string[] {
  const foot = items.filter((i) => i.y < 45).sort((a, b) => a.x - b.x);
  const runs: { end: number; text: string[] }[] = [];
  for (const i of foot) {
    const last = runs.at(-1);
    if (last && i.x <= last.end + 6) {
      last.end = Math.max(last.end, i.x + i.w);
      last.text.push(i.str);
    } else runs.push({ end: i.x + i.w, text: [i.str] });
  }
  return runs.map((r) => r.text.join(' '));
}

describe('the Arabic country report', () => {
  it('names Jordan and its WHO region in Arabic, and writes the budget in Arabic, not "$US"', () => {
    const { text } = reports.ar as { text: string };
    const drawn = skeleton(text);
    expect(drawn).toContain(skeleton('الأردن'));
    // The region's name is split by the line it wraps on; its first words are on one run.
    expect(drawn).toContain(skeleton('بمجموعة «إقليم شرق'));
    expect(drawn).toContain(skeleton('دولار أمريكي'));
    // Cover, summary, progress and peer pages: "Jordan" is left only inside the plan's own title and
    // the evaluation's, quoted as published (the plan's activities further on quote it as written too).
    const firstPages = (reports.ar as { pages: Item[][] }).pages
      .flat()
      .map((i) => i.str)
      .join(' ');
    const quoted = firstPages.replace(/Kingdom\s+of\s+Jordan/g, '').replace(/Evaluating\s+Jordan/g, '');
    expect(quoted).not.toMatch(/\bJordan\b/);
    expect(text).not.toMatch(/Eastern Mediterranean|\$US|US\$|□|✓|✗/);
  });

  it('keeps the page number apart from the source line, at the left end of a right-to-left page', () => {
    for (const page of (reports.ar as { pages: Item[][] }).pages) {
      const runs = footerRuns(page);
      expect(runs.length, runs.join(' | ')).toBeGreaterThanOrEqual(2);
      expect(skeleton(runs[0] as string, true)).toMatch(
        new RegExp(`^${skeleton('الصفحة')}\\d+${skeleton('من')}\\d+$`),
      );
      expect(skeleton(runs.slice(1).join(' '))).toContain(skeleton('المصدر'));
    }
  });
});

describe('the French country report', () => {
  it('names Jordanie and its region in French, with French money', () => {
    const text = (reports.fr as { text: string }).text.replace(/\s+/g, ' ');
    expect(text).toContain('Jordanie');
    expect(text).toContain('Région de la Méditerranée orientale');
    expect(text).toContain('face au groupe « Région de la Méditerranée orientale »');
    expect(text).toContain('7 594 700 USD');
    expect(text).not.toMatch(/\$US|US\$|□|✓|✗/);
  });

  it('keeps the page number apart from the source line, at the right end', () => {
    for (const page of (reports.fr as { pages: Item[][] }).pages) {
      const runs = footerRuns(page);
      expect(runs.at(-1)).toMatch(/^Page \d+ sur \d+$/);
      expect(runs[0]).toMatch(/^Source : NAP Tracker/);
    }
  });
});

describe('yes/no values', () => {
  const yesNo = { measureType: 'yes_no', unit: null } as unknown as PlanIndicator['indicator'];
  it('are words in the language, every letter drawn by the report fonts (no missing-glyph box)', () => {
    const fonts = [FONT_FILES.regular, FONT_FILES.arabic].map((f) => fontkit.openSync(f));
    for (const lang of ['en', 'fr', 'es', 'ar'] as const) {
      const i18n = reportI18n(lang);
      const words = [formatValue(i18n, yesNo, 1), formatValue(i18n, yesNo, 0)];
      expect(words).toEqual([i18n.t('yes'), i18n.t('no')]);
      for (const ch of words.join(''))
        expect(
          fonts.some((f) => f.hasGlyphForCodePoint(ch.codePointAt(0) as number)),
          `${lang} ${ch}`,
        ).toBe(true);
    }
    expect(formatValue(reportI18n('ar'), yesNo, 1)).toBe('نعم');
    // The check marks the report used to print are not in the fonts: that was the "□".
    expect(fonts.some((f) => f.hasGlyphForCodePoint(0x2713))).toBe(false);
  });
});
