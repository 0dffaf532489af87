import { useMe } from '../features/auth/api/get-me';
import { NotificationsMenu } from '../features/submissions/components/notifications-menu';

/** The notices menu, for signed-in users only (anonymous visitors have none). */
export function HeaderNotices() {
  const me = useMe();
  return me.data ? <NotificationsMenu /> : null;
}
