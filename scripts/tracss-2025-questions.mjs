// Derives the TrACSS 2025 (round 9) question list and the importer's column mapping from the round's
// country-responses file, so that both can be regenerated and reviewed as a diff:
//   node scripts/tracss-2025-questions.mjs
// reads  server/db/reference-data/tracss/tracss_2025_country_responses.csv (the portal's export, unchanged)
// writes server/db/reference-data/tracss/tracss_2025_questions.csv and tracss_2025_mapping.json.
// What is read from the file and what is ours (names cut at a run-together header, One Health sectors)
// is listed in server/db/reference-data/tracss/SOURCE.md. The code and wording rules are those of
// server/modules/imports/tracss-text.ts (the importer), repeated here so the script runs on plain node.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../server/db/reference-data/tracss');
const SOURCE = path.join(DIR, 'tracss_2025_country_responses.csv');

const rows = parse(readFileSync(SOURCE, 'utf8'), { bom: true, relax_column_count: true });
const header = rows[0];
const data = rows.slice(1);
const answersOf = (i) => data.map((r) => (r[i] ?? '').trim()).filter((v) => v !== '');

/** The leading question code of a header, dots for underscores: "4.5_a_Do…" → "4.5.a", "5.6.a_-_…" → "5.6.a". */
function codePrefix(h) {
  const m = /^(\d+(?:[._ ]+(?:\d+|[a-z](?=[._ ]|$)))*)/.exec(h.trim());
  return m ? m[1].replace(/[._ ]+/g, '.').replace(/\.$/, '') : null;
}

/**
 * Without the questionnaire's footnote marks (†, ‡, *, §, superscript digits, and a "+" glued to a word
 * as in "framework+ for"), with the space a mark stood after ("patients ‡, but" → "patients, but"), and
 * with runs of spaces (narrow no-break ones too) made one.
 */
const clean = (s) =>
  s
    .replace(/\s*[†‡*§¶⁰¹²³⁴⁵⁶⁷⁸⁹]+(?=[\s,.;:)]|$)/g, '')
    .replace(/[†‡*§¶⁰¹²³⁴⁵⁶⁷⁸⁹]/g, '')
    .replace(/(?<=[a-z])\+(?=\s)/g, '')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
const headerText = (h) => clean(h.replace(/_/g, ' '));
const withoutCode = (h) => headerText(h.replace(/^\d+(?:[._ ]+(?:\d+|[a-z](?=[._ ]|$)))*[._ -]*/, ''));

const META = [
  'Country',
  'ISO3',
  'WHO_Region',
  'FAO_Region',
  'UNEP_Region',
  'WOAH_Region',
  'World_Bank_Income_Category',
];
const NOT_QUESTIONS = ['FAO_Region', 'UNEP_Region', 'WOAH_Region'];
/** Document uploads, links and "send it by e-mail" columns: kept out on purpose. */
const UPLOAD_OR_LINK = /upload|share_a_link|send_to_tracss@who\.int/i;

/**
 * Our short names where the export ran a title and its question together ("…lab servicesHow many…"):
 * each must be the start of the header's text (checked below), so it is a cut, not a rewording.
 */
const TITLES = {
  2.25: 'Youth education and AMR',
  3.6: 'Coverage of bacteriology lab services',
  3.7: 'Capacity to perform antimicrobial susceptibility testing (AST) for critically important bacteria',
  3.8: 'Capacity to perform antifungal susceptibility testing for important fungi',
  3.9: 'Continuity of services for National Bacteriology/AMR reference laboratory/s',
  '3.10': 'Continuity of services for clinical bacteriology laboratories',
  3.11: 'Adherence to standardized AST guidelines',
  3.12: 'External quality-assurance for AMR in bacteriology laboratory services',
  5.5: 'National monitoring and surveillance system for AMR in animals and food of animal origin',
};
/** The part of 3.6's header after its question: what its own column counts. */
const OWN_SUB_ITEM = { 3.6: 'Total number of clinical laboratories in the country:' };

/** One Health sectors (our classification, as for 2019–2020), by question code; else by section. */
const SECTOR_BY_SECTION = {
  II: 'Multisectoral (One Health)',
  III: 'Human health',
  IV: 'Animal health',
  V: 'Food and agriculture',
  VI: 'Environment',
};
const SECTOR_BY_CODE = {
  2.12: 'Human health',
  2.13: 'Human health',
  2.14: 'Animal health',
  2.15: 'Animal health',
  2.16: 'Animal health',
  2.17: 'Animal health',
  2.18: 'Plant health',
  2.19: 'Environment',
  '2.20': 'Environment',
  5.1: 'Plant/food production/food safety/environment',
  5.2: 'Plant health',
  5.3: 'Food safety',
  '5.4.a': 'Animal health and food safety',
  '5.4.b': 'Animal health and food safety',
  '5.4.c': 'Animal health and food safety',
  '5.4.d': 'Animal health and food safety',
  5.5: 'Animal health and food safety',
  5.6: 'Animal health and food safety',
  '5.6.a': 'Animal health and food safety',
  5.8: 'Food safety',
  5.9: 'Plant/food production/food safety/environment',
  '5.10': 'Plant health',
  5.11: 'Plant health',
};

const LEVEL = /^\s*([A-E])\s*[-–—]\s*/;
const YES_NO = /^(yes|no|n\/a|i don'?t know|don'?t know)$/i;
const OPTION_CELL = /^(yes|no|n\/a)$/i;
const NUMBER = /^-?\d+(\.\d+)?$/;
const NA = /^n\/?a$/i;

/** Splits a cell listing several options (" ,"-separated); the "Please specify" option keeps the rest. */
function cellItems(v) {
  const items = [];
  for (const part of v.split(/\s,/)) {
    const specify = /please specify/i.exec(part);
    if (specify) {
      items.push(clean(part.slice(0, specify.index + specify[0].length)));
      break;
    }
    if (clean(part)) items.push(clean(part));
  }
  return items;
}

/**
 * The distinct answers as options, in alphabetical order (the file does not give the questionnaire's
 * order; sorting gives the same codes to the same options of sibling questions, e.g. 2.24-1…7).
 */
function optionsOf(values) {
  return [...new Set(values)]
    .sort((a, b) => a.localeCompare(b, 'en'))
    .map((label, i) => ({ code: String(i + 1), label }));
}

/** An option's label from its column header: spaces for underscores, no trailing colon. */
const optionLabel = (h) => headerText(h).replace(/\s*:$/, '');

/** What a column's answers are: level, yes/no, number, a list in one cell, one choice, or text. */
function kindOf(i) {
  const answers = answersOf(i).filter((v) => !NA.test(v));
  if (answers.length === 0) return 'empty';
  if (answers.filter((v) => LEVEL.test(v)).length / answers.length > 0.9) return 'level';
  if (answers.every((v) => YES_NO.test(v))) return 'yes_no';
  if (answers.every((v) => NUMBER.test(v))) return 'number';
  if (answers.some((v) => /\s,\S/.test(v))) {
    const items = new Set(answers.flatMap(cellItems));
    if (items.size <= 10) return 'multiple_in_cell';
  }
  if (new Set(answers.map(clean)).size <= 8) return 'single_choice';
  return 'text';
}

/** The most common wording of each level among the answers, without the letter and footnote marks. */
function levelWording(i) {
  const counts = { A: new Map(), B: new Map(), C: new Map(), D: new Map(), E: new Map() };
  for (const v of answersOf(i)) {
    const m = LEVEL.exec(v);
    if (!m) continue;
    const w = clean(v.slice(m[0].length));
    counts[m[1]].set(w, (counts[m[1]].get(w) ?? 0) + 1);
  }
  // Ties go to the wording seen first (Map keeps insertion order; sort is stable).
  return Object.fromEntries(
    Object.entries(counts).map(([l, m]) => [l, [...m].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '']),
  );
}

const questions = [];
const ignored = [...NOT_QUESTIONS];
let section = null;
let gap = null;
let block = null; // { code, name, sub: number }
let group = null; // the multiple-choice question whose option columns follow

for (let i = META.length; i < header.length; i++) {
  const h = header[i];
  const code = codePrefix(h);
  const answers = answersOf(i);
  const sectionMatch = /^Section_([IVX]+)(?![A-Za-z])/.exec(h);
  const gapMatch = /Strategic_Objective_(\d)/.exec(h);
  if (sectionMatch || gapMatch || (!code && answers.length === 0 && !UPLOAD_OR_LINK.test(h))) {
    const next = header[i + 1] ?? '';
    const nextIsOption = !codePrefix(next) && kindOfOption(i + 1);
    if (!sectionMatch && !gapMatch && block && nextIsOption) {
      // A sub-heading of the question above ("For which sector/s"): a multiple choice of its own.
      group = addQuestion(i, `${block.code}-${++block.sub}`, block, 'multiple_choice', headerText(h));
      continue;
    }
    if (sectionMatch) {
      const title = headerText(h.replace(/_*Country_progress.*$/, '').replace(/^Section_[IVX]+[:_]*/, ''));
      section = { key: sectionMatch[1], name: `Section ${sectionMatch[1]}: ${title}` };
      gap = null;
    }
    if (gapMatch) gap = Number(gapMatch[1]);
    block = null;
    group = null;
    continue;
  }
  if (UPLOAD_OR_LINK.test(h)) {
    ignored.push(h);
    group = null;
    continue;
  }
  if (code) {
    block = { code, header: h, sub: 0 };
    group = null;
    if (answers.length === 0) {
      // A question whose options follow in columns of their own, or a heading of coded sub-questions.
      const next = header[i + 1] ?? '';
      if (!codePrefix(next) && kindOfOption(i + 1)) group = addQuestion(i, code, block, 'multiple_choice');
      continue;
    }
    const kind = kindOf(i);
    addQuestion(i, code, block, kind);
    continue;
  }
  if (!block) throw new Error(`column ${i + 1} "${h}" has answers but no question above it`);
  if (group && kindOfOption(i)) {
    group.options.push({ code: String(group.options.length + 1), label: optionLabel(h), column: h });
    group.nResponses = Math.max(group.nResponses, answers.length);
    continue;
  }
  group = null;
  const kind = kindOf(i);
  addQuestion(i, `${block.code}-${++block.sub}`, block, kind, headerText(h));
}

function kindOfOption(i) {
  const answers = answersOf(i);
  return i < header.length && answers.length > 0 && answers.every((v) => OPTION_CELL.test(v));
}

function addQuestion(i, code, blk, kind, subItem = null) {
  const h = header[i];
  const own = blk.header === h;
  const text = withoutCode(blk.header);
  const title = TITLES[blk.code];
  if (title && !text.startsWith(title))
    throw new Error(`title of ${blk.code} is not the start of its header`);
  if (kind === 'empty') throw new Error(`column ${i + 1} has no answers`);
  const q = {
    columnIndex: i + 1,
    code,
    questionCode: blk.code,
    subItem: own ? (OWN_SUB_ITEM[code] ?? null) : subItem,
    name: title ?? text,
    text,
    section,
    gap,
    sector: SECTOR_BY_CODE[blk.code] ?? SECTOR_BY_SECTION[section?.key],
    type: { level: 'level_A_E', multiple_in_cell: 'multiple_choice' }[kind] ?? kind,
    nResponses: answersOf(i).length,
    levels: kind === 'level' ? levelWording(i) : null,
    options: [],
    sourceColumn: h,
  };
  if (kind === 'single_choice')
    q.options = optionsOf(
      answersOf(i)
        .filter((v) => !NA.test(v))
        .map(clean),
    );
  if (kind === 'multiple_in_cell')
    q.options = optionsOf(
      answersOf(i)
        .filter((v) => !NA.test(v))
        .flatMap(cellItems),
    );
  if (!q.sector) throw new Error(`no sector for ${code}`);
  questions.push(q);
  return q;
}

const csvCell = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const COLUMNS = [
  'column_index',
  'indicator_code',
  'question_code',
  'sub_item',
  'short_name',
  'question_text',
  'section',
  'gap_objective',
  'sector',
  'response_type',
  'n_responses',
  'level_A',
  'level_B',
  'level_C',
  'level_D',
  'level_E',
  'options',
  'source_column',
];
const lines = [COLUMNS.join(',')];
for (const q of questions) {
  lines.push(
    [
      q.columnIndex,
      q.code,
      q.questionCode,
      q.subItem,
      q.name,
      q.text,
      q.section?.name,
      q.gap,
      q.sector,
      q.type,
      q.nResponses,
      ...['A', 'B', 'C', 'D', 'E'].map((l) => q.levels?.[l] ?? ''),
      q.options.length ? JSON.stringify(q.options) : '',
      q.sourceColumn,
    ]
      .map(csvCell)
      .join(','),
  );
}
writeFileSync(path.join(DIR, 'tracss_2025_questions.csv'), `${lines.join('\n')}\n`);

const mapping = {
  layout: 'question-code',
  countryColumn: 'Country',
  iso3Column: 'ISO3',
  regionColumn: 'WHO_Region',
  incomeColumn: 'World_Bank_Income_Category',
  ignoreColumns: ignored,
};
writeFileSync(path.join(DIR, 'tracss_2025_mapping.json'), `${JSON.stringify(mapping, null, 2)}\n`);

const byType = {};
for (const q of questions) byType[q.type] = (byType[q.type] ?? 0) + 1;
console.log(`${questions.length} questions`, byType, `${ignored.length} columns ignored on purpose`);
