// The top bar: the node, the pages the user may open and the sign-out button.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTH, type Session } from '../api/session.js';
import { PAGES } from './pages.js';
import { href } from './route.js';

/** The header of every signed-in page. */
export function Header({ session, current }: { session: Session; current: string | undefined }) {
  const { t } = useTranslation();
  const [nodeId, setNodeId] = useState<string>();
  useEffect(() => {
    fetch('/v1/health')
      .then((r) => r.json() as Promise<{ nodeId?: string }>)
      .then(
        (h) => setNodeId(h.nodeId),
        () => undefined,
      );
  }, []);
  const pages = PAGES.filter((p) => p.inNav && p.roles.some((r) => session.roles.includes(r)));
  return (
    <header className="top">
      <div className="brand">
        <span className="brand-name">{t('app.title')}</span>
        {nodeId ? <span className="brand-node">{t('app.node', { nodeId })}</span> : null}
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
        {/* A form post: the node ends the session and sends the browser to the provider's logout. */}
        <form method="post" action={AUTH.logout}>
          <input type="hidden" name="csrf" value={session.csrfToken} />
          <button type="submit" className="button-secondary">
            {t('app.signOut')}
          </button>
        </form>
      </div>
    </header>
  );
}
