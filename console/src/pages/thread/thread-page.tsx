// A case thread: request, response, hits and later messages as one story, updated live.
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../../app/pages.js';
import { useLive } from '../../app/use-live.js';
import { href } from '../../app/route.js';
import { formatTime } from '../../components/format.js';
import { loadThread } from './load-thread.js';

/** `#/thread/<box>/<id>/<correlationId>`. */
export default function ThreadPage({ route }: PageProps) {
  const { t } = useTranslation();
  const id = route.args[1] ?? '';
  const correlationId = route.args[2] || undefined;
  const live = useLive(
    (signal) => loadThread(id, correlationId, signal),
    [id, correlationId],
    undefined,
    true,
  );
  return (
    <section aria-labelledby="thread-heading">
      <h1 id="thread-heading">{t('thread.heading')}</h1>
      <p>{t('thread.lead')}</p>
      {correlationId ? (
        <p className="muted">
          {t('list.correlation')}: {correlationId}
        </p>
      ) : null}
      {live.error ? <p role="alert">{live.error.message}</p> : null}
      {live.data && live.data.length === 0 ? <p>{t('thread.empty')}</p> : null}
      <ol className="thread" aria-label={t('thread.heading')}>
        {(live.data ?? []).map((m) => (
          <li key={`${m.box}-${m.id}`} className={`thread-item thread-${m.box}`}>
            <a href={href(m.box === 'in' ? 'inbox' : 'outbox', m.id)}>
              {t(`type.${m.type}`)} {m.from} → {m.to}
            </a>{' '}
            <span className="muted">
              ({m.box === 'in' ? t('thread.receivedBox') : t('thread.sent')}{' '}
              {formatTime(m.createdAt)})
            </span>{' '}
            <span className={`badge badge-${m.status}`}>{t(`status.${m.status}`)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
