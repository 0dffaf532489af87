import { comma, provenanceLabel } from '../pack-format';
import { withRates } from '../pdf/implementation';
import { addSheet, type SheetContext, wrapped } from './sheet';

/** Published TrACSS levels: a row per country, a column per question (code and name in the header). */
export function tracssSheet(x: SheetContext) {
  const { d, pt } = x;
  const { t } = pt.i18n;
  const tracss = d.compare.tracss;
  if (!tracss) return;
  const ws = addSheet(
    x,
    t('briefSheetTracss'),
    [t('country'), 'ISO3', ...tracss.questions.map((q) => `${q.code} ${q.name}`)],
    [28, 8, ...tracss.questions.map(() => 22)],
    2,
  );
  for (const c of d.compare.countries)
    ws.addRow([
      pt.country(c),
      c.iso3,
      ...tracss.questions.map((q) => q.levels.find((l) => l.iso3 === c.iso3)?.level ?? null),
    ]);
  ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
}

/** Implementation rates by objective, as published or approved. */
export function implementationSheet(x: SheetContext) {
  const { d, pt } = x;
  const { t } = pt.i18n;
  const ws = addSheet(
    x,
    t('briefSheetImplementation'),
    [t('country'), 'ISO3', t('plan'), t('objective'), t('briefTitleCol'), t('rate'), t('briefContent')],
    [24, 8, 36, 10, 60, 10, 20],
  );
  const names = new Map(d.compare.countries.map((c) => [c.iso3, pt.country(c)]));
  for (const c of withRates(d.compare.implementation))
    for (const o of c.objectives)
      ws.addRow([
        names.get(c.iso3) ?? c.iso3,
        c.iso3,
        c.planName,
        o.number,
        o.title,
        o.rate,
        provenanceLabel(pt, o.provenance),
      ]);
}

/** The challenges (a row per country facing one) and the lessons. */
export function learningSheets(x: SheetContext) {
  const { d, pt, sources } = x;
  const { t } = pt.i18n;
  const ch = addSheet(
    x,
    t('briefSheetChallenges'),
    [
      t('briefChallenge'),
      t('country'),
      'ISO3',
      t('briefNote'),
      t('briefContent'),
      t('sources'),
      t('briefLessonCount'),
    ],
    [32, 24, 8, 60, 20, 12, 12],
  );
  for (const c of d.learning.challenges)
    for (const x of c.countries)
      ch.addRow([
        pt.me.challenges[c.code],
        pt.country(x),
        x.iso3,
        x.note,
        provenanceLabel(pt, x.provenance),
        sources.refs(x.sources),
        c.lessonCount,
      ]);
  wrapped(ch);
  const ls = addSheet(
    x,
    t('briefSheetLessons'),
    [
      t('country'),
      'ISO3',
      t('briefTitleCol'),
      t('briefChallenge'),
      t('briefText'),
      t('objective'),
      t('sector'),
      t('briefContent'),
      t('sources'),
    ],
    [20, 8, 40, 28, 60, 10, 30, 20, 12],
  );
  for (const l of d.learning.lessons)
    ls.addRow([
      pt.country(l.country),
      l.country.iso3,
      l.title,
      l.challenge ? pt.me.challenges[l.challenge] : null,
      l.text,
      l.objectives.join(comma(pt)),
      l.sectors.map((sector) => pt.me.options.sector[sector] ?? sector).join(comma(pt)),
      provenanceLabel(pt, l.provenance),
      sources.refs(l.sources),
    ]);
  wrapped(ls);
}
