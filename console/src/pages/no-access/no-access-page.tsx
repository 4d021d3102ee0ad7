// What a user sees on a page their roles do not open: a plain statement, not an error.
import { useTranslation } from 'react-i18next';
import type { Session } from '../../api/session.js';

/** "No access" for a page the user's roles do not include. */
export function NoAccessPage({ session, page }: { session: Session; page: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="no-access-heading">
      <h1 id="no-access-heading">{t('noAccess.heading')}</h1>
      <p>
        {t('noAccess.text', {
          roles: session.roles.join(', ') || t('noAccess.none'),
          page,
        })}
      </p>
    </section>
  );
}
