// The top bar: the node, the pages the user may open and the sign-out button.
import { useTranslation } from 'react-i18next';
import { AUTH, type Session } from '../api/session.js';
import { api } from '../api/client.js';
import { PAGES } from './pages.js';
import { href } from './route.js';

/** The header of every signed-in page. */
export function Header({ session, current }: { session: Session; current: string | undefined }) {
  const { t } = useTranslation();
  const pages = PAGES.filter((p) => p.inNav && p.roles.some((r) => session.roles.includes(r)));
  const signOut = async () => {
    try {
      await api('POST', AUTH.logout);
    } finally {
      window.location.assign('/console/#/');
      window.location.reload();
    }
  };
  return (
    <header className="top">
      <div className="brand">
        <span className="brand-name">{t('app.title')}</span>
        {session.nodeId ? (
          <span className="brand-node">{t('app.node', { nodeId: session.nodeId })}</span>
        ) : null}
      </div>
      <nav aria-label={t('app.nav')}>
        <ul>
          {pages.map((p) => (
            <li key={p.id}>
              <a href={href(p.id)} aria-current={p.id === current ? 'page' : undefined}>
                {t(p.nav)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="who">
        <span>
          {t('app.signedInAs', {
            name: session.name ?? session.sub,
            roles: session.roles.join(', '),
          })}
        </span>
        <button type="button" className="button-secondary" onClick={() => void signOut()}>
          {t('app.signOut')}
        </button>
      </div>
    </header>
  );
}
