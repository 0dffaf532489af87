import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/context';
import { useNotifications } from '../api/get-due';
import { useMarkNotificationRead } from '../api/mark-notification-read';
import { useNoticeText } from '../use-notice-text';

/** The header's notices: returned, approved and reopened periods, in the interface language, with the unread count and "Mark as read". */
export function NotificationsMenu() {
  const notices = useNotifications();
  const markRead = useMarkNotificationRead();
  const [open, setOpen] = useState(false);
  const { t, formatDate } = useI18n();
  const noticeText = useNoticeText();
  if (!notices.data) return null;
  const { unread, items } = notices.data;
  return (
    <div className="notices">
      <button
        type="button"
        className="button button--link"
        aria-expanded={open}
        aria-controls="notices-panel"
        onClick={() => setOpen(!open)}
      >
        {t('notices.button')}
        {unread > 0 ? t('notices.unread', { count: unread }) : ''}
      </button>
      {open && (
        <section id="notices-panel" className="notices__panel" aria-label={t('notices.button')}>
          {items.length === 0 ? (
            <p className="muted small">{t('notices.none')}</p>
          ) : (
            <ul>
              {items.map((n) => (
                <li key={n.id} className={n.readAt ? undefined : 'notices__unread'}>
                  <Link to={`/periods/${n.periodId}`} onClick={() => setOpen(false)}>
                    {noticeText(n)}
                  </Link>
                  <div className="muted small">
                    {formatDate(n.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                    {!n.readAt && (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="button button--small button--secondary"
                          disabled={markRead.isPending}
                          onClick={() => markRead.mutate(n.id)}
                        >
                          {t('notices.markRead')}
                        </button>
                      </>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
