import type { DueItem } from '../../../shared';
import { type DigestContent, daysBetween } from './content';
import type { DigestI18n } from './i18n';
import type { DigestPluralKey } from './i18n/en';
import type { NoticeRow } from './repository';

/** One line of the digest: what it is, where to open it, and what to add about it. */
interface Line {
  label: string;
  href: string;
  detail: string | null;
  note: string | null;
}

interface Section {
  title: string;
  lines: Line[];
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** The subject: the counts that are not zero, e.g. "NAP Tracker: 2 periods due, 1 returned". */
export function digestSubject(i: DigestI18n, c: DigestContent): string {
  const counts: [DigestPluralKey, number][] = [
    ['overdue', c.overdue.length],
    ['returned', c.returned.length],
    ['due', c.dueSoon.length],
    ['waiting', c.waiting.length],
    ['approved', c.approved.length],
  ];
  const parts = counts.filter(([, n]) => n > 0).map(([k, n]) => i.plural(k, n));
  return i.t('subject', { parts: parts.join(i.t('partsJoin')) });
}

function sections(
  i: DigestI18n,
  c: DigestContent,
  publicUrl: string,
  today: string,
  days: number,
): Section[] {
  const href = (periodId: number) => `${publicUrl}/periods/${periodId}`;
  const label = (x: { countryIso3: string; countryName: string; periodCode: string; planTitle: string }) =>
    `${i.country(x.countryIso3, x.countryName)}, ${x.periodCode} — ${x.planTitle}`;
  const item = (x: DueItem, detail: string | null): Line => ({
    label: label(x),
    href: href(x.periodId),
    detail,
    note: null,
  });
  const notice = (n: NoticeRow): Line => ({
    label: label(n),
    href: href(n.periodId),
    detail: null,
    note: n.reason ? i.t('reason', { reason: n.reason }) : null,
  });
  const dueDetail = (x: DueItem) => {
    const d = daysBetween(today, x.dueDate);
    const date = i.day(x.dueDate);
    return d <= 0 ? i.t('dueToday', { date }) : i.t('dueOn', { date, days: i.plural('days', d) });
  };
  const lateDetail = (x: DueItem) =>
    i.t('late', { date: i.day(x.dueDate), days: i.plural('days', daysBetween(x.dueDate, today)) });
  return [
    { title: i.t('returnedSection'), lines: c.returned.map(notice) },
    { title: i.t('overdueSection'), lines: c.overdue.map((x) => item(x, lateDetail(x))) },
    {
      title: i.t('dueSection', { days: i.plural('days', days) }),
      lines: c.dueSoon.map((x) => item(x, dueDetail(x))),
    },
    {
      title: i.t('waitingSection'),
      lines: c.waiting.map((x) => item(x, i.t('dueDate', { date: i.day(x.dueDate) }))),
    },
    { title: i.t('approvedSection'), lines: c.approved.map(notice) },
  ].filter((s) => s.lines.length > 0);
}

export interface ComposeInput {
  i18n: DigestI18n;
  content: DigestContent;
  name: string;
  publicUrl: string;
  /** The UTC day of the digest (YYYY-MM-DD). */
  today: string;
  daysBefore: number;
}

/** The digest's subject, plain text and HTML (right-to-left for Arabic). */
export function composeDigest(x: ComposeInput): { subject: string; text: string; html: string } {
  const { i18n: i, publicUrl } = x;
  const all = sections(i, x.content, publicUrl, x.today, x.daysBefore);
  const dueUrl = `${publicUrl}/due`;
  const accountUrl = `${publicUrl}/account`;
  const colon = i.t('colon');
  const text = [
    i.t('greeting', { name: x.name }),
    '',
    i.t('intro'),
    ...all.flatMap((s) => [
      '',
      s.title,
      ...s.lines.flatMap((l) => [
        `- ${l.label}${l.detail ? `${colon}${l.detail}` : ''}`,
        ...(l.note ? [`  ${l.note}`] : []),
        `  ${l.href}`,
      ]),
    ]),
    '',
    `${i.t('allDue')}${colon}${dueUrl}`,
    `${i.t('turnOff')}${colon}${accountUrl}`,
    '',
    i.t('why'),
    '',
  ].join('\n');
  const dir = i.rtl ? 'rtl' : 'ltr';
  const e = escapeHtml;
  const html = [
    `<!doctype html><html lang="${i.lang}" dir="${dir}"><head><meta charset="utf-8"><title>${e(digestSubject(i, x.content))}</title></head>`,
    `<body dir="${dir}" style="font-family:sans-serif;line-height:1.5;text-align:${i.rtl ? 'right' : 'left'}">`,
    `<p>${e(i.t('greeting', { name: x.name }))}</p>`,
    `<p>${e(i.t('intro'))}</p>`,
    ...all.map(
      (s) =>
        `<h2 style="font-size:1.1em">${e(s.title)}</h2><ul>${s.lines
          .map(
            (l) =>
              `<li><a href="${e(l.href)}">${e(l.label)}</a>${l.detail ? `${e(colon)}${e(l.detail)}` : ''}${
                l.note ? `<br>${e(l.note)}` : ''
              }</li>`,
          )
          .join('')}</ul>`,
    ),
    `<p><a href="${e(dueUrl)}">${e(i.t('allDue'))}</a></p>`,
    `<p style="color:#555;font-size:0.9em">${e(i.t('why'))} <a href="${e(accountUrl)}">${e(i.t('turnOff'))}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject: digestSubject(i, x.content), text, html };
}
