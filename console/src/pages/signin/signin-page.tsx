// The landing page of a signed-out user: what this is and the way to sign in.
import { useTranslation } from 'react-i18next';
import { signIn } from '../../api/session.js';

/** Sign-in landing; after an expired session it says so (the draft is kept in this tab). */
export function SignInPage({ expired }: { expired: boolean }) {
  const { t } = useTranslation();
  return (
    <main id="main" className="signin">
      <section className="signin-card" aria-labelledby="signin-heading">
        <p className="brand-name">{t('app.title')}</p>
        <h1 id="signin-heading">{t('signin.heading')}</h1>
        {expired ? (
          <p role="alert" className="notice notice-warning">
            {t('signin.expired')}
          </p>
        ) : null}
        <p>{t('signin.lead')}</p>
        <button
          type="button"
          className="button-primary"
          onClick={() => signIn(window.location.hash || '#/')}
        >
          {t('signin.button')}
        </button>
      </section>
    </main>
  );
}
