import { fail } from './jordan-plan-csv';
import type { JordanActivity, JordanHeader, JordanIntervention } from './jordan-plan-data';
import { closestWording, normalizedText } from './nap-me-mapping';

/*
 * Which of the plan's interventions and activities a transcribed row (an operational-plan activity, an
 * M&E row) falls under.
 */

const same = (a: string, b: string) => normalizedText(a) === normalizedText(b);

export function exactIntervention(list: JordanIntervention[], objective: number, text: string) {
  const found = list.filter((i) => i.objective === objective && same(i.title, text));
  return found.length === 1 ? (found[0]?.code ?? null) : null;
}

export function exactActivity(list: JordanActivity[], objective: number, text: string) {
  const found = list.filter((a) => a.objective === objective && same(a.title, text));
  return found.length === 1 ? (found[0]?.code ?? null) : null;
}

/**
 * The intervention an operational-plan activity falls under: the one whose title the row repeats
 * (under the strategic objective the row names, if any; the plan words an intervention slightly
 * differently from page to page, so the clearly closest wording), or the only intervention of the
 * strategic objective it names. Otherwise none: the plan's chapter 3 lists activities by objective only.
 */
export function interventionOf(
  unlinked: string[],
  aliases: JordanHeader['interventionAliases'],
  list: JordanIntervention[],
  objective: number,
  code: string | null,
  title: string | null,
  file: string,
  at: string,
): string | null {
  const under = list.filter(
    (i) => i.objective === objective && (!code || i.strategicObjective.code === code),
  );
  if (code && under.length === 0)
    fail(file, at, `no strategic objective ${code} under objective ${objective}`);
  if (title) {
    const alias = aliases.find((a) => a.strategicObjective === code && same(a.wording, title));
    return matchIntervention(unlinked, under, alias?.means ?? title, code, objective, file, at);
  }
  return code && under.length === 1 ? (under[0]?.code ?? null) : null;
}

function matchIntervention(
  unlinked: string[],
  under: JordanIntervention[],
  title: string,
  code: string | null,
  objective: number,
  file: string,
  at: string,
): string | null {
  const exact = under.filter((i) => same(i.title, title));
  const found = exact.length === 1 ? exact[0] : closestWording(title, under, (i) => i.title)?.c;
  if (!found)
    unlinked.push(
      `${file}, ${at}: "${title}" is none of ${code ?? `objective ${objective}`}'s interventions, or not clearly one`,
    );
  return found?.code ?? null;
}
