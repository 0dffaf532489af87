/**
 * Comparison codes without zod (the comparison views read them from the URL while
 * rendering); shared/api/compare.ts and shared/api/change.ts re-export them next to their schemas.
 */

/**
 * `saved`: a saved peer group, `group` = its id (GET /api/peer-groups); `un_region`: a UN M49 region
 * by name (Africa, Americas, Asia, Europe, Oceania).
 */
export const PEER_GROUP_TYPES = [
  'who_region',
  'income_group',
  'countries',
  'all',
  'saved',
  'un_region',
] as const;
export type PeerGroupType = (typeof PEER_GROUP_TYPES)[number];

/**
 * Which classification puts countries in WHO regions and income groups for a round's comparison:
 * `round`, the one in force for the round (the round's own file for the countries that answered it;
 * the reference as of the round's end for the others), or `today`, today's reference.
 */
export const CLASSIFICATION_BASES = ['round', 'today'] as const;
export type ClassificationBasis = (typeof CLASSIFICATION_BASES)[number];

/** How a country's answer moved between two rounds. */
export const CHANGE_KINDS = ['improved', 'same', 'regressed', 'no_answer'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * How far two questions of different rounds can be compared (the crosswalk): `comparable` — the same
 * question with the same level wording; `caution` — the same question with reworded levels (the
 * pair's note names what changed), compared but marked; `not_comparable` — redefined, listed with
 * its reason and never compared.
 */
export const COMPARABILITIES = ['comparable', 'caution', 'not_comparable'] as const;
export type Comparability = (typeof COMPARABILITIES)[number];
/** The comparabilities whose pairs are compared (charted, counted in movers, shown in a country's trend). */
export const COMPARED = ['comparable', 'caution'] as const;
export type Compared = (typeof COMPARED)[number];
export const isCompared = (c: Comparability): c is Compared => c !== 'not_comparable';

/** A saved group's name: the schema bounds it and the save and rename forms give it as maxLength. */
export const SAVED_GROUP_NAME_MAX_LENGTH = 120;
