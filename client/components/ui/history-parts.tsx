import { Fragment, type ReactNode } from 'react';
import type { HistoryChannel, HistoryFieldChange, HistoryValue } from '../../../shared';
import { formatInputNumber } from '../../../shared/i18n/number';
import { type I18n, useI18n } from '../../i18n/context';

/** Where a change came from, in words; nothing for entries recorded before channels were kept. */
export function channelText(channel: HistoryChannel | null, t: I18n['t']): string | null {
  if (!channel) return null;
  const file = channel.detail;
  switch (channel.kind) {
    case 'grid':
      return t('history.channel.grid');
    case 'web':
      return t('history.channel.web');
    case 'upload':
      return file ? t('history.channel.uploadFile', { file }) : t('history.channel.upload');
    case 'token':
      return file ? t('history.channel.tokenNamed', { name: file }) : t('history.channel.token');
    case 'import':
      return file ? t('history.channel.importFile', { file }) : t('history.channel.import');
    case 'cli':
      return file ? t('history.channel.cliFile', { file }) : t('history.channel.cli');
  }
}

/** The channel as a muted line under who made the change (nothing when it was not recorded). */
export function HistoryChannelNote({ channel }: { channel: HistoryChannel | null }) {
  const { t } = useI18n();
  const text = channelText(channel, t);
  return text ? <span className="history__channel muted small">{text}</span> : null;
}

/**
 * One side of a change in the reader's language: numbers as the grid shows them (every significant
 * digit, the language's digits and decimal separator), percentages with their sign, yes/no as words,
 * levels, statuses, quoted text, and evidence as its links' titles.
 */
export function HistoryValueText({ value }: { value: HistoryValue }) {
  const { t, locale } = useI18n();
  const n = (x: number) => formatInputNumber(x, locale);
  switch (value.type) {
    case 'empty':
      return <>—</>;
    case 'number':
      return (
        <>
          {value.measure === 'percentage'
            ? t('history.percent', { value: n(value.number) })
            : n(value.number)}
        </>
      );
    case 'ratio':
      return (
        <>
          {n(value.numerator)} / {n(value.denominator)}
        </>
      );
    case 'yes_no':
      return <>{value.answer ? t('grid.yes') : t('grid.no')}</>;
    case 'level':
      return <>{t('common.level', { level: value.level })}</>;
    case 'status':
      return <>{t(`valueStatus.${value.status}`)}</>;
    case 'text':
      // Isolated: text typed in one script reads right inside a line of another.
      return <>{messageWith(t, 'history.text', { text: <bdi>{value.text}</bdi> })}</>;
    case 'evidence':
      return (
        <>
          {value.links.map((l, i) => (
            <Fragment key={l.url}>
              {i > 0 && t('common.comma')}
              <a href={l.url} rel="noreferrer noopener" target="_blank">
                {l.title}
              </a>
            </Fragment>
          ))}
        </>
      );
  }
}

/**
 * A message whose placeholders hold elements (links, isolated text): the translated text is split
 * around them, so the word order stays the translation's.
 */
export function messageWith(
  t: I18n['t'],
  key: Parameters<I18n['t']>[0],
  nodes: Record<string, ReactNode>,
): ReactNode[] {
  const names = Object.keys(nodes);
  const marked = t(key, Object.fromEntries(names.map((n, i) => [n, `\u0000${i}\u0000`])));
  return marked.split('\u0000').map((part, i) =>
    // Odd parts are the markers' indexes.
    i % 2 === 1 ? <Fragment key={part}>{nodes[names[Number(part)] as string]}</Fragment> : part,
  );
}

/** "Value: 45,5 % → 50 %" — the field by its label, before → after (the arrow follows the script). */
export function HistoryFieldChangeText({ change }: { change: HistoryFieldChange }) {
  const { t } = useI18n();
  return (
    <>
      {messageWith(t, 'history.fieldChange', {
        field: t(`history.field.${change.field}`),
        change: messageWith(t, 'history.change', {
          from: <HistoryValueText value={change.from} />,
          to: <HistoryValueText value={change.to} />,
        }),
      })}
    </>
  );
}
