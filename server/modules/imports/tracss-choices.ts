import type { StoredChoiceOption } from '../../db/schema';
import { comparable } from './tracss-text';

/** The option a single-choice answer stands for (its wording, footnote marks and spacing aside). */
export function singleChoice(
  text: string,
  options: readonly StoredChoiceOption[],
): StoredChoiceOption | null {
  const key = comparable(text);
  return options.find((o) => comparable(o.label) === key) ?? null;
}

/** An option that asks for details ("… Please specify"): the rest of the cell is those details. */
const SPECIFY = /please specify$/i;

/**
 * The options a cell lists (the 2025 export writes a multiple choice as "Option A ,Option B ,…"): each
 * option's wording in turn, separated by commas; the options are matched by their wording, longest
 * first, so a comma inside an option or in the details of a "Please specify" option is not taken for
 * a separator. Null when some part of the cell is no option.
 */
export function choicesInCell(text: string, options: readonly StoredChoiceOption[]): string[] | null {
  const byLength = options
    .map((o) => ({ o, key: comparable(o.label) }))
    .sort((a, b) => b.key.length - a.key.length);
  let rest = comparable(text);
  const chosen: string[] = [];
  while (rest) {
    const hit = byLength.find(({ key }) => rest.startsWith(key));
    if (!hit) return null;
    if (!chosen.includes(hit.o.code)) chosen.push(hit.o.code);
    rest = rest.slice(hit.key.length);
    if (SPECIFY.test(hit.key)) break;
    if (rest && !/^\s*,/.test(rest)) return null;
    rest = rest.replace(/^\s*,\s*/, '');
  }
  const order = options.map((o) => o.code);
  return chosen.sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** The wording of chosen options, in the indicator's order, as one text ("A; B"). */
export function choiceLabels(codes: readonly string[], options: readonly StoredChoiceOption[]): string {
  return options
    .filter((o) => codes.includes(o.code))
    .map((o) => o.label)
    .join('; ');
}
