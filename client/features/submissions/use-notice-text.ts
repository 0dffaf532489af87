import type { Notification } from '../../../shared/api/reporting';
import { renderNotice } from '../../../shared/i18n/notices';
import { useI18n } from '../../i18n/context';
import { useCountryName } from '../../i18n/countries';

/**
 * A notice in the interface language, from its code and parameters, with the country named in the
 * language; notices sent before codes keep their stored (English) text.
 */
export function useNoticeText(): (n: Pick<Notification, 'code' | 'params' | 'message'>) => string {
  const { locale } = useI18n();
  const countryName = useCountryName();
  return (n) =>
    n.code && n.params
      ? renderNotice(locale, n.code, n.params, { countryName: (iso3, name) => countryName({ iso3, name }) })
      : n.message;
}
