import type { DigestI18n } from './i18n';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/** The e-mail carrying a one-time password link, in the account's language. */
export function composePasswordMail(i: DigestI18n, link: { url: string; expiresAt: Date }) {
  const expires = i.t('resetExpires', { at: i.at(link.expiresAt) });
  const dir = i.rtl ? 'rtl' : 'ltr';
  const e = escapeHtml;
  return {
    subject: i.t('resetSubject'),
    text: [
      i.t('resetIntro'),
      '',
      `${i.t('resetAction')}${i.t('colon')}${link.url}`,
      '',
      expires,
      i.t('resetIgnore'),
      '',
    ].join('\n'),
    html: [
      `<!doctype html><html lang="${i.lang}" dir="${dir}"><head><meta charset="utf-8"><title>${e(i.t('resetSubject'))}</title></head>`,
      `<body dir="${dir}" style="font-family:sans-serif;line-height:1.5">`,
      `<p>${e(i.t('resetIntro'))}</p>`,
      `<p><a href="${e(link.url)}">${e(i.t('resetAction'))}</a></p>`,
      `<p>${e(expires)}</p>`,
      `<p style="color:#555">${e(i.t('resetIgnore'))}</p>`,
      '</body></html>',
    ].join('\n'),
  };
}
