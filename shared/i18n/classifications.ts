/**
 * WHO regions, World Bank income groups and UN regions named in the four interface languages, for the
 * server's reports (PDF, XLSX). The client's catalogs hold the same words under whoRegion.*, income.*
 * and unRegion.*; a test checks the two agree, so a name is translated once and never drifts.
 */
import type { IncomeGroup, UnRegion, WhoRegion } from '../constants/country';
import type { Locale } from './locale';

interface ClassificationNames {
  whoRegion: Record<WhoRegion, string>;
  income: Record<IncomeGroup, string>;
  unRegion: Record<UnRegion, string>;
}

export const CLASSIFICATION_NAMES: Record<Locale, ClassificationNames> = {
  en: {
    whoRegion: {
      AFR: 'African Region',
      AMR: 'Region of the Americas',
      SEAR: 'South-East Asia Region',
      EUR: 'European Region',
      EMR: 'Eastern Mediterranean Region',
      WPR: 'Western Pacific Region',
    },
    income: {
      LIC: 'Low income',
      LMC: 'Lower middle income',
      UMC: 'Upper middle income',
      HIC: 'High income',
    },
    unRegion: {
      Africa: 'Africa',
      Americas: 'Americas',
      Asia: 'Asia',
      Europe: 'Europe',
      Oceania: 'Oceania',
    },
  },
  fr: {
    whoRegion: {
      AFR: 'Région africaine',
      AMR: 'Région des Amériques',
      SEAR: "Région de l'Asie du Sud-Est",
      EUR: 'Région européenne',
      EMR: 'Région de la Méditerranée orientale',
      WPR: 'Région du Pacifique occidental',
    },
    income: {
      LIC: 'Faible revenu',
      LMC: 'Revenu intermédiaire, tranche inférieure',
      UMC: 'Revenu intermédiaire, tranche supérieure',
      HIC: 'Revenu élevé',
    },
    unRegion: {
      Africa: 'Afrique',
      Americas: 'Amériques',
      Asia: 'Asie',
      Europe: 'Europe',
      Oceania: 'Océanie',
    },
  },
  es: {
    whoRegion: {
      AFR: 'Región de África',
      AMR: 'Región de las Américas',
      SEAR: 'Región de Asia Sudoriental',
      EUR: 'Región de Europa',
      EMR: 'Región del Mediterráneo Oriental',
      WPR: 'Región del Pacífico Occidental',
    },
    income: {
      LIC: 'Ingreso bajo',
      LMC: 'Ingreso mediano bajo',
      UMC: 'Ingreso mediano alto',
      HIC: 'Ingreso alto',
    },
    unRegion: {
      Africa: 'África',
      Americas: 'Américas',
      Asia: 'Asia',
      Europe: 'Europa',
      Oceania: 'Oceanía',
    },
  },
  ar: {
    whoRegion: {
      AFR: 'الإقليم الأفريقي',
      AMR: 'إقليم الأمريكتين',
      SEAR: 'إقليم جنوب شرق آسيا',
      EUR: 'الإقليم الأوروبي',
      EMR: 'إقليم شرق المتوسط',
      WPR: 'إقليم غرب المحيط الهادئ',
    },
    income: {
      LIC: 'دخل منخفض',
      LMC: 'دخل متوسط أدنى',
      UMC: 'دخل متوسط أعلى',
      HIC: 'دخل مرتفع',
    },
    unRegion: {
      Africa: 'أفريقيا',
      Americas: 'الأمريكتان',
      Asia: 'آسيا',
      Europe: 'أوروبا',
      Oceania: 'أوقيانوسيا',
    },
  },
};

/** A group's name in the language: a WHO region, an income group or a UN region by its code; null otherwise. */
export function classificationName(
  locale: Locale,
  type: 'who_region' | 'income_group' | 'un_region',
  key: string,
): string | null {
  const names = CLASSIFICATION_NAMES[locale];
  const table: Record<string, string> =
    type === 'who_region' ? names.whoRegion : type === 'income_group' ? names.income : names.unRegion;
  return Object.hasOwn(table, key) ? (table[key] ?? null) : null;
}
