import { useId, useState } from 'react';
import type { Me } from '../../../../shared';
import { useT } from '../../../i18n/context';
import { useErrorText } from '../../../lib/error-text';
import { useServerFeatures } from '../api/get-server-features';
import { useSetReminders } from '../api/set-reminders';

/** The daily e-mail digest switch; says so when this server sends no e-mail (the choice is kept). */
export function RemindersSetting({ me }: { me: Me }) {
  const id = useId();
  const t = useT();
  const { errorText } = useErrorText();
  const features = useServerFeatures();
  const save = useSetReminders();
  const [saved, setSaved] = useState(false);
  const mayWrite = me.scope === 'write';
  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('account.remindersTitle')}</h2>
      <label className="check">
        <input
          type="checkbox"
          checked={me.emailReminders}
          disabled={save.isPending || !mayWrite}
          aria-describedby={`${id}-note`}
          onChange={(e) => {
            setSaved(false);
            save.mutate(e.target.checked, { onSuccess: () => setSaved(true) });
          }}
        />
        {t('account.remindersLabel')}
      </label>
      <p id={`${id}-note`} className="muted">
        {features.data?.mail === false ? t('account.remindersNoMail') : t('account.remindersLede')}
      </p>
      {saved && (
        <p role="status" className="notice">
          {me.emailReminders ? t('account.remindersOn') : t('account.remindersOff')}
        </p>
      )}
      {save.isError && (
        <p role="alert" className="error-state">
          {errorText(save.error)}
        </p>
      )}
    </section>
  );
}
