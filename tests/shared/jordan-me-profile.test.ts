import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../server/lib/spreadsheet/csv';
import {
  ME_SECTIONS,
  type MeLearningContent,
  type MeSection,
  type MeSource,
  type MeStepContent,
  meSectionContentSchema,
} from '../../shared/domain/me-profile';

/*
 * Jordan's M&E system profile (server/db/reference-data/jordan/me_profile.json) holds only what its
 * sources say: every answer cites a source, every quotation is found in the plan on the pages the
 * item cites, and every figure counted from the shipped transcriptions is counted again here.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const JORDAN = path.join(ROOT, 'server/db/reference-data/jordan');
const read = (file: string) => readFileSync(file, 'utf8');

interface ProfileFile {
  dataset: string;
  country: string;
  sections: Record<string, unknown>;
}
const file = JSON.parse(read(path.join(JORDAN, 'me_profile.json'))) as ProfileFile;
const sectionNames = Object.keys(file.sections) as MeSection[];
const parsed = Object.fromEntries(
  sectionNames.map((s) => [s, meSectionContentSchema(s).parse(file.sections[s])]),
) as Partial<Record<MeSection, MeStepContent | MeLearningContent>>;
const step = (s: Exclude<MeSection, 'learning'>) => parsed[s] as MeStepContent;
const learning = () => parsed.learning as MeLearningContent;

const mePlan = parseCsvRecords(read(path.join(JORDAN, 'nap_2018_2022_me_plan.csv')));
const meFrequency = parseCsvRecords(read(path.join(JORDAN, 'nap_2018_2022_me_frequency.csv')));
const budget = parseCsvRecords(read(path.join(JORDAN, 'nap_2018_2022_budget_by_objective_year.csv')));
const header = JSON.parse(read(path.join(JORDAN, 'nap_2018_2022.json'))) as {
  objectives: { number: number; publishedRate: number | null }[];
};

// `pdftotext -layout` of the plan: pages are separated by form feeds, so page n is pages[n - 1].
const napPages = read(path.join(ROOT, 'tests/fixtures/jordan_nap_2018_2022.txt')).split('\f');
const NAP_TITLE =
  'National Action Plan for Combating Antimicrobial Resistance in the Hashemite Kingdom of Jordan';

const norm = (s: string) => s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();

const hasWordChar = (s: string) => /[\p{L}\p{N}]/u.test(s);

interface Token {
  w: string;
  line: number;
  /** First word of a table cell's line (or of a text line): after the line start or a run of spaces. */
  opens: boolean;
  /** Last word of a cell's line: before the line end or a run of spaces. */
  closes: boolean;
}

function tokensOf(page: string): Token[] {
  const out: Token[] = [];
  page
    .replace(/[’‘]/g, "'")
    .split('\n')
    .forEach((line, n) => {
      for (const m of line.matchAll(/\S+/g)) {
        const before = line.slice(0, m.index);
        const after = line.slice(m.index + m[0].length);
        out.push({
          w: m[0],
          line: n,
          opens: before.trim() === '' || / {2,}$/.test(before),
          closes: after.trim() === '' || /^ {2,}/.test(after),
        });
      }
    });
  return out;
}

/**
 * Is the quotation on the page? The text layer keeps a table's columns side by side, so a cell that
 * wraps goes on a few lines down, after its neighbours' words. A quotation's next word is either the next
 * word on the same line or, when its word ends a cell's line, the first word of a cell's line at most
 * four lines below. The first and last words may carry punctuation the quotation leaves out, never
 * letters ("adequate" is not in "inadequate").
 */
function onPage(quote: string, page: string): boolean {
  const q = norm(quote).split(' ');
  const toks = tokensOf(page);
  const last = q.length - 1;
  const fits = (t: Token, k: number) => {
    const w = q[k] ?? '';
    if (k > 0 && k < last) return t.w === w;
    const at = k === 0 && k === last ? t.w.indexOf(w) : k === 0 ? t.w.length - w.length : 0;
    if (at < 0 || t.w.slice(at, at + w.length) !== w) return false;
    return !hasWordChar(t.w.slice(0, at)) && !hasWordChar(t.w.slice(at + w.length));
  };
  const from = (i: number, k: number): boolean => {
    if (k > last) return true;
    const t = toks[i - 1] as Token;
    const next = toks[i];
    if (next && next.line === t.line && fits(next, k) && from(i + 1, k + 1)) return true;
    if (!t.closes) return false;
    for (let j = i; j < toks.length && (toks[j] as Token).line <= t.line + 4; j++) {
      const c = toks[j] as Token;
      if (c.line > t.line && c.opens && fits(c, k) && from(j + 1, k + 1)) return true;
    }
    return false;
  };
  return toks.some((t, i) => fits(t, 0) && from(i + 1, 1));
}

/** The PDF pages a locator names: "PDF p. 72", "PDF pp. 72–91". */
function pagesOf(locator: string | null): number[] {
  const out: number[] = [];
  for (const m of (locator ?? '').matchAll(/pp?\.\s*(\d+)(?:\s*[–-]\s*(\d+))?/g)) {
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    for (let p = from; p <= to; p++) out.push(p);
  }
  return out;
}

const quotesIn = (text: string) => [...text.matchAll(/“([^”]+)”/g)].map((m) => m[1] ?? '');

interface Cited {
  where: string;
  text: string;
  refs: number[];
  sources: MeSource[];
}

/** Every piece of text in the profile with the sources it cites. */
function citedTexts(): Cited[] {
  const out: Cited[] = [];
  for (const [s, c] of Object.entries(parsed)) {
    if (!c) continue;
    if ('fields' in c) {
      if (c.text) out.push({ where: `${s}.text`, text: c.text, refs: c.textSources, sources: c.sources });
      for (const [k, a] of Object.entries(c.fields)) {
        const values = Array.isArray(a.value) ? a.value : [a.value];
        for (const v of values)
          if (typeof v === 'string')
            out.push({ where: `${s}.${k}`, text: v, refs: a.sources, sources: c.sources });
      }
    } else {
      c.challenges.forEach((e, i) => {
        if (e.note)
          out.push({ where: `${s}.challenges.${i}`, text: e.note, refs: e.sources, sources: c.sources });
      });
      c.lessons.forEach((l, i) => {
        const text = [l.title, l.text].filter(Boolean).join(' ');
        out.push({ where: `${s}.lessons.${i}`, text, refs: l.sources, sources: c.sources });
      });
    }
  }
  return out;
}

const countBy = (values: string[]) => {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
};

describe('Jordan M&E profile: shape', () => {
  it('is the Jordan dataset with known sections only', () => {
    expect(file.dataset).toBe('jordan-me-profile');
    expect(file.country).toBe('JOR');
    for (const s of sectionNames) expect(ME_SECTIONS).toContain(s);
  });

  it.each(sectionNames)('section %s parses with its content schema and rules', (s) => {
    const result = meSectionContentSchema(s).safeParse(file.sections[s]);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });
});

describe('Jordan M&E profile: citations', () => {
  it.each(sectionNames)('every answer, text, challenge and lesson of %s cites a source', (s) => {
    const c = parsed[s];
    const uncited: string[] = [];
    if (!c) throw new Error(`no section ${s}`);
    expect(c.sources.length).toBeGreaterThan(0);
    if ('fields' in c) {
      for (const [k, a] of Object.entries(c.fields)) if (a.sources.length === 0) uncited.push(k);
      if (c.text && c.textSources.length === 0) uncited.push('text');
    } else {
      c.challenges.forEach((e) => {
        if (e.sources.length === 0) uncited.push(e.code);
      });
      c.lessons.forEach((l) => {
        if (l.sources.length === 0) uncited.push(l.title);
      });
    }
    expect(uncited).toEqual([]);
  });

  it('cites the plan by PDF pages that exist, and the evaluation by its DOI', () => {
    for (const c of Object.values(parsed))
      for (const src of c?.sources ?? []) {
        if (src.title.startsWith(NAP_TITLE)) {
          expect(src.locator).toMatch(/PDF pp?\. \d/);
          for (const p of pagesOf(src.locator)) expect(p).toBeLessThanOrEqual(napPages.length);
        } else expect(src.url).toBe('https://doi.org/10.1186/s12889-025-24073-5');
      }
  });

  it('finds every quotation in the plan, on the pages the item cites', () => {
    const missing: string[] = [];
    let quotes = 0;
    for (const item of citedTexts()) {
      const pages = item.refs.flatMap((r) => {
        const src = item.sources[r - 1];
        return src?.title.startsWith(NAP_TITLE) ? pagesOf(src.locator) : [];
      });
      for (const q of quotesIn(item.text)) {
        quotes++;
        if (!pages.some((p) => onPage(q, napPages[p - 1] ?? '')))
          missing.push(`${item.where}: “${q}” (pages ${pages.join(', ') || 'none cited'})`);
      }
    }
    expect(missing).toEqual([]);
    expect(quotes).toBeGreaterThan(40);
  });

  it('tags a challenge with exactly the NAP objectives whose SWOT tables its note quotes', () => {
    const c = learning();
    expect(c.challenges.length).toBeGreaterThan(0);
    for (const e of c.challenges) {
      const named = [...(e.note ?? '').matchAll(/objective (\d)/g)].map((m) => Number(m[1]));
      expect([...new Set(named)].sort(), e.code).toEqual([...e.objectives].sort());
      expect(e.sectors, e.code).toEqual([]);
    }
  });

  it('tells a wrapped table cell from a phrase that is not there', () => {
    // p. 26, two-column SWOT table: the cell wraps onto a line shared with the left column.
    expect(onPage('Laboratory information management system (LIMS) inadequate', napPages[25] ?? '')).toBe(
      true,
    );
    expect(onPage('Laboratory information management system adequate', napPages[25] ?? '')).toBe(false);
    expect(onPage('M&E budget', napPages[90] ?? '')).toBe(false);
  });
});

describe('Jordan M&E profile: figures counted from the transcriptions', () => {
  it('counts the M&E indicators of chapter 4, by objective', () => {
    const ind = step('indicators');
    expect(ind.fields.indicator_count?.value).toBe(mePlan.length);
    const byObjective = countBy(mePlan.map((r) => r.objective ?? ''));
    const list = [1, 2, 3, 4, 5].map((o) => `${o === 1 ? 'objective 1' : o}: ${byObjective.get(String(o))}`);
    expect(ind.text).toContain(`${mePlan.length} indicators`);
    expect(ind.text).toContain(`(${list.join(', ')})`);
    const pages = mePlan.map((r) => Number(r.pdf_page));
    expect(Math.min(...pages)).toBeGreaterThanOrEqual(72);
    expect(Math.max(...pages)).toBeLessThanOrEqual(91);
  });

  it('lists the result levels the plan writes in its type column, with their counts', () => {
    const ind = step('indicators');
    const types = countBy(mePlan.map((r) => (r.type ?? '').trim()));
    const level = (t: string) => ({ input: 'input', inputs: 'input' })[t.toLowerCase()] ?? t.toLowerCase();
    const levels = ['input', 'process', 'output', 'outcome', 'impact'];
    const present = levels.filter((l) => [...types.keys()].some((t) => level(t) === l));
    expect([...((ind.fields.indicator_types?.value ?? []) as string[])].sort()).toEqual([...present].sort());
    for (const t of ['input', 'output', 'outcome', 'process'])
      expect(ind.text).toContain(`${t} ${types.get(t)}`);
    expect(ind.text).toContain(`“Inputs” ${types.get('Inputs')}`);
    const others = mePlan.filter((r) => !levels.includes(level((r.type ?? '').trim()))).length;
    expect(ind.text).toContain(`${others} rows give another word or none`);
  });

  it('maps only the data sources the plan names plainly, and counts them', () => {
    const ind = step('indicators');
    const sources = countBy(mePlan.map((r) => norm(r.data_source ?? '')));
    const expected = [
      ...(sources.has('Survey') ? ['surveys'] : []),
      ...(sources.has('Official records') ? ['administrative_records'] : []),
    ];
    expect(ind.fields.data_sources?.value).toEqual(expected);
    for (const s of ['Official notification', 'Survey', 'Official records'])
      expect(ind.text).toContain(`“${s}” ${sources.get(s)}`);
    const top = [...sources.entries()].sort((a, b) => b[1] - a[1])[0];
    expect(ind.text).toContain(`most often “${top?.[0]}” ${top?.[1]}`);
  });

  it('says targets are set only because every indicator has one', () => {
    expect(mePlan.every((r) => (r.target ?? '').trim() !== '')).toBe(true);
    expect(step('indicators').fields.targets_set?.value).toBe(true);
    expect(step('indicators').fields.baselines_set).toBeUndefined();
  });

  it('counts the frequencies of data collection as written, and picks none of them', () => {
    const t = step('timelines');
    const freq = countBy(meFrequency.map((r) => (r.frequency_of_data_collection ?? '').trim()));
    for (const [v, n] of freq) expect(t.text).toContain(`“${v}” ${n}`);
    const written = [...(t.text ?? '').matchAll(/“([^”]+)” (\d+)/g)].map((m) => m[1]);
    expect(written.sort()).toEqual([...freq.keys()].sort());
    expect(t.text).toContain(`${meFrequency.length} of the ${mePlan.length} indicators`);
    expect(new Set(meFrequency.map((r) => r.objective))).toEqual(new Set(['3', '4', '5']));
    expect(t.fields.collection_frequency).toBeUndefined();
  });

  it('takes the NAP budget from the costing table, and states no M&E budget', () => {
    const r = step('resources');
    const total = budget.find((b) => b.objective === 'total');
    const byObjective = budget.filter((b) => b.objective !== 'total').map((b) => Number(b.total_usd));
    expect(r.fields.nap_budget_usd?.value).toBe(Number(total?.total_usd));
    expect(r.fields.nap_budget_usd?.value).toBe(byObjective.reduce((a, b) => a + b, 0));
    expect(r.fields.nap_budget_usd?.value).toBe(7_594_700);
    const usd = (n: number) => n.toLocaleString('en-US');
    expect(r.text).toContain(`total USD ${usd(Number(total?.total_usd))}`);
    expect(r.text).toContain(`by objective ${byObjective.map(usd).join(' / ')}`);
    expect(r.fields.me_budget_earmarked).toBeUndefined();
    expect(r.fields.me_budget_usd).toBeUndefined();
  });

  it('reports the evaluation’s rates as the shipped plan header records them', () => {
    const findings = step('reviews').fields.findings?.value as string[];
    for (const o of header.objectives) {
      const line = findings.find((f) => f.startsWith(`NAP objective ${o.number},`));
      expect(line).toBeDefined();
      if (o.publishedRate === null) expect(line).toContain('not implemented');
      else expect(line).toContain(`implementation rate ${o.publishedRate} %`);
    }
    expect(findings).toHaveLength(header.objectives.length);
  });
});
