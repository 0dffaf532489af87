import { Link } from 'react-router';
import { useT } from '../i18n/context';

export function NotFoundPage() {
  const t = useT();
  return (
    <section>
      <title>{t('app.titleSuffix', { page: t('notFound.title') })}</title>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('common.goHome')}</Link>
        {t('notFound.or')}
        <Link to="/countries">{t('notFound.browse')}</Link>
      </p>
    </section>
  );
}
