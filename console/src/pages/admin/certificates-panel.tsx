// This node's own certificates (sig, enc, tls) and their expiry.
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { NodeCertificates } from '../../api/types.js';
import { useLive } from '../../app/use-live.js';
import { formatTime } from '../../components/format.js';

/** The certificates panel. */
export function CertificatesPanel() {
  const { t } = useTranslation();
  const live = useLive(
    (signal) => api<NodeCertificates>('GET', '/v1/node/certificates', { signal }),
    [],
    60_000,
  );
  return (
    <section className="panel" aria-labelledby="certs-heading">
      <h2 id="certs-heading">{t('admin.certificates')}</h2>
      {live.error ? <p role="alert">{live.error.message}</p> : null}
      <table className="list">
        <thead>
          <tr>
            <th scope="col">{t('admin.use')}</th>
            <th scope="col">{t('admin.subject')}</th>
            <th scope="col">{t('admin.notAfter')}</th>
            <th scope="col">{t('list.status')}</th>
          </tr>
        </thead>
        <tbody>
          {(live.data?.certificates ?? []).map((c) => (
            <tr key={c.kid}>
              <th scope="row">{c.use}</th>
              <td>{c.subject ?? c.kid}</td>
              <td>{formatTime(c.notAfter)}</td>
              <td className={c.state === 'valid' ? 'state-ok' : 'state-bad'}>
                {c.state}
                {c.expiringSoon || c.daysLeft < 0
                  ? ` — ${c.daysLeft < 0 ? t('admin.expired') : t('admin.expiresSoon', { days: c.daysLeft })}`
                  : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
