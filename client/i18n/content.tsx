import { useQuery } from '@tanstack/react-query';
import type { TranslatableEntity } from '../../shared';
import { apiGet } from '../lib/api-client';
import { useI18n } from './context';

export interface ContentText {
  text: string;
  /** No translation in the interface language: this is the original (English). */
  original: boolean;
}

/**
 * Content (indicator names and level wordings, objectives, activities) in the interface language,
 * from /api/translations. `text(id, field, original)` gives the translation, or the original flagged
 * so the page can mark it. In English nothing is fetched.
 */
export function useContentTexts(entityType: TranslatableEntity, ids: readonly number[]) {
  const { locale } = useI18n();
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const query = useQuery({
    queryKey: ['translations', entityType, locale, sorted],
    queryFn: ({ signal }) =>
      apiGet('/translations', () => import('../../shared/api/i18n').then((m) => m.ContentTextListSchema), {
        params: { entityType, ids: sorted.join(','), lang: locale },
        signal,
      }),
    enabled: locale !== 'en' && sorted.length > 0 && sorted.length <= 200,
    staleTime: 5 * 60_000,
  });
  const byKey = new Map(query.data?.items.map((i) => [`${i.entityId}:${i.field}`, i]));
  return (id: number, field: string, original: string): ContentText => {
    if (locale === 'en') return { text: original, original: false };
    const item = byKey.get(`${id}:${field}`);
    return item && !item.fallback ? { text: item.text, original: false } : { text: original, original: true };
  };
}

/** A content text, marked visibly (and with lang="en") when it is shown in its original language. */
export function ContentTextView({ value }: { value: ContentText }) {
  const { t } = useI18n();
  if (!value.original) return <>{value.text}</>;
  return (
    <>
      <span lang="en">{value.text}</span>{' '}
      <span className="original-marker" title={t('common.originalLanguageHint')}>
        {t('common.originalLanguage')}
      </span>
    </>
  );
}
