// Peers: queue depth and the age of the oldest pending message per peer.
import { useTranslation } from 'react-i18next';
import { useLive } from '../../app/use-live.js';
import { readiness } from '../../app/attention-banner.js';

/** The peers panel. */
export function PeersPanel() {
  const { t } = useTranslation();
  const live = useLive((signal) => readiness(signal), [], 5000);
  return (
    <section className="panel" aria-labelledby="peers-heading">
      <h2 id="peers-heading">{t('admin.peers')}</h2>
      {live.error ? <p role="alert">{live.error.message}</p> : null}
      <table className="list">
        <thead>
          <tr>
            <th scope="col">{t('admin.peer')}</th>
            <th scope="col">{t('admin.queueDepth')}</th>
            <th scope="col">{t('admin.oldestPending')}</th>
          </tr>
        </thead>
        <tbody>
          {(live.data?.peers ?? []).map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.id}</th>
              <td>{p.pending}</td>
              <td>
                {p.oldestPendingSeconds === null
                  ? t('admin.none')
                  : t('admin.seconds', { n: p.oldestPendingSeconds })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
