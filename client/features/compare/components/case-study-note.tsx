import { useT } from '../../../i18n/context';

/** One line saying which case-study country is pinned and how to change it. */
export function CaseStudyNote({ name }: { name: string | null }) {
  const t = useT();
  if (!name) return null;
  return <p className="muted small">{t('cmp.caseStudyNote', { name })}</p>;
}
