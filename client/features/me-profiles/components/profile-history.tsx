import { useState } from 'react';
import type { AuditEntry } from '../../../../shared';
import { isOneOf } from '../../../../shared/constants/guard';
import { ME_SECTIONS, type MeSection } from '../../../../shared/constants/me-profile';
import { HistoryChannelNote } from '../../../components/ui/history-parts';
import { HistoryToggle } from '../../../components/ui/history-toggle';
import { useI18n } from '../../../i18n/context';
import { useMeProfileHistory } from '../api/get-me-profile-history';
import { useMeText } from '../text';

const VERBS = ['create', 'save', 'update', 'submit', 'approve', 'return', 'publish', 'import'] as const;
type Verb = (typeof VERBS)[number];
const PAST: Record<string, Verb> = Object.fromEntries(
  VERBS.flatMap((v) => [
    [v, v],
    [v.endsWith('e') ? `${v}d` : v === 'submit' ? 'submitted' : `${v}ed`, v],
  ]),
);

/**
 * An audit action in words: the server names actions like "me_section.submit"; the verb is the last
 * part (present or past). An action this page does not know is shown as the server wrote it.
 */
export function actionVerb(action: string): Verb | null {
  return PAST[action.split(/[.:/]/).at(-1) ?? ''] ?? null;
}

function sectionOf(e: AuditEntry): MeSection | null {
  const s = e.new?.section ?? e.old?.section;
  return isOneOf(ME_SECTIONS, s) ? s : null;
}

function reasonOf(e: AuditEntry): string | null {
  const r = e.new?.reason;
  return typeof r === 'string' && r.trim() ? r : null;
}

/** The profile's history, newest first: who did what to which section, when and through which channel; loaded when opened. */
export function ProfileHistory({ iso3, countryName }: { iso3: string; countryName: string }) {
  const [open, setOpen] = useState(false);
  const { t, formatDate } = useI18n();
  const text = useMeText();
  const history = useMeProfileHistory(iso3, open);
  const label = t('meView.historyOf', { name: countryName });
  return (
    <section className="section" aria-labelledby="me-history">
      <h2 id="me-history">{t('meView.history')}</h2>
      <HistoryToggle
        open={open}
        onOpen={setOpen}
        button={open ? t('history.hide', { label }) : t('history.show', { label })}
        query={history}
      >
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted small">{t('history.none')}</p>
          ) : (
            <ul className="me-history" aria-label={label}>
              {data.items.map((e) => {
                const verb = actionVerb(e.action);
                const section = sectionOf(e);
                const reason = reasonOf(e);
                return (
                  <li key={e.id}>
                    <time dateTime={e.at}>
                      {formatDate(e.at, { dateStyle: 'medium', timeStyle: 'short' })}
                    </time>
                    {' — '}
                    <strong>{e.user?.name ?? t('history.system')}</strong>{' '}
                    {verb ? t(`meHistory.${verb}`) : e.action}
                    {section && <> {t('meHistory.section', { section: text.sections[section] })}</>}
                    {reason && <> · {t('meView.returnedReason', { reason })}</>}
                    {e.channel && (
                      <>
                        {' · '}
                        <HistoryChannelNote channel={e.channel} />
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          )
        }
      </HistoryToggle>
    </section>
  );
}
