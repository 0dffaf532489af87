import { isMeStep, ME_FIELDS, type MeFieldDef, type MeSection } from '../../../shared/constants/me-profile';
import { ME_PROFILE_TEXT, type MeProfileText } from '../../../shared/i18n/me-profile';
import { useI18n } from '../../i18n/context';

/** The profile's words in the interface language: one shared catalog for pages and packs. */
export function useMeText(): MeProfileText {
  return ME_PROFILE_TEXT[useI18n().locale];
}

/** A field's definition, or undefined for a key the catalogue does not know (an older server). */
export function meFieldDef(section: MeSection, key: string): MeFieldDef | undefined {
  return isMeStep(section) ? ME_FIELDS[section].find((d) => d.key === key) : undefined;
}
