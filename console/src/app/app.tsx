// The console's frame: who is signed in, the navigation, the attention banner and the current page.
import { Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchSession, isSession, type Session } from '../api/session.js';
import { onSessionExpired } from '../api/client.js';
import { useRoute } from './route.js';
import { PAGES, startPage } from './pages.js';
import { SignInPage } from '../pages/signin/signin-page.js';
import { NoAccessPage } from '../pages/no-access/no-access-page.js';
import { Header } from './header.js';
import { AttentionBanner } from './attention-banner.js';

type State =
  | { kind: 'loading' }
  | { kind: 'signed-out'; expired: boolean }
  | { kind: 'signed-in'; session: Session }
  | { kind: 'error'; message: string };

/** The console. */
export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback(() => {
    fetchSession()
      .then((s) =>
        setState(
          isSession(s)
            ? { kind: 'signed-in', session: s }
            : { kind: 'signed-out', expired: s.expired },
        ),
      )
      .catch((err: unknown) => setState({ kind: 'error', message: String(err) }));
  }, []);

  useEffect(load, [load]);
  useEffect(() => onSessionExpired(() => setState({ kind: 'signed-out', expired: true })), []);

  if (state.kind === 'loading') return <p className="loading">{t('app.loading')}</p>;
  if (state.kind === 'error')
    return (
      <main className="page">
        <p role="alert">{t('app.error', { message: state.message })}</p>
      </main>
    );
  if (state.kind === 'signed-out') return <SignInPage expired={state.expired} />;

  const { session } = state;
  const entry = route.page ? PAGES.find((p) => p.id === route.page) : startPage(session.roles);
  const allowed = entry && entry.roles.some((r) => session.roles.includes(r));
  const Page = entry?.component;
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      <Header session={session} current={entry?.id} />
      <AttentionBanner />
      <main id="main" className="page" tabIndex={-1}>
        {!entry ? (
          route.page ? (
            <section>
              <h1>{t('notFound.heading')}</h1>
              <a href="#/">{t('notFound.back')}</a>
            </section>
          ) : (
            <NoAccessPage session={session} page={t('app.title')} />
          )
        ) : !allowed || !Page ? (
          <NoAccessPage session={session} page={t(entry.nav)} />
        ) : (
          <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
            <Page route={route} />
          </Suspense>
        )}
      </main>
    </>
  );
}
