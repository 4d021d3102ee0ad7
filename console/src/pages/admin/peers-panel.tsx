// Peers: directory entry and name, certificate expiry (warning within 30 days), last delivery, queue, and the connection test.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { ConnectionTest, PeerList, PeerOverview } from '../../api/types.js';
import { useLive } from '../../app/use-live.js';
import { formatTime } from '../../components/format.js';
import { ConnectionTestResult } from './connection-test-result.js';

function expiryOf(p: PeerOverview) {
  const certs = p.certificates.filter((c) => c.state !== 'revoked');
  return certs.length === 0 ? undefined : certs.reduce((a, b) => (a.notAfter < b.notAfter ? a : b));
}

/** The peers panel. */
export function PeersPanel() {
  const { t } = useTranslation();
  const live = useLive((signal) => api<PeerList>('GET', '/v1/peers', { signal }), [], 5000, true);
  const [tests, setTests] = useState<
    Record<string, ConnectionTest | { running: true } | { error: string }>
  >({});
  const runTest = async (peer: string) => {
    setTests((x) => ({ ...x, [peer]: { running: true } }));
    try {
      const r = await api<ConnectionTest>(
        'POST',
        `/v1/peers/${encodeURIComponent(peer)}/connection-test`,
      );
      setTests((x) => ({ ...x, [peer]: r }));
    } catch (err) {
      setTests((x) => ({
        ...x,
        [peer]: { error: err instanceof Error ? err.message : String(err) },
      }));
    }
  };
  const peers = live.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="peers-heading">
      <h2 id="peers-heading">{t('admin.peers')}</h2>
      {live.error ? <p role="alert">{live.error.message}</p> : null}
      {Object.entries(tests).map(([peer, r]) =>
        'running' in r ? null : 'error' in r ? (
          <p key={peer} role="alert" className="notice notice-error">
            {r.error}
          </p>
        ) : (
          <ConnectionTestResult key={peer} result={r} />
        ),
      )}
      <table className="list">
        <thead>
          <tr>
            <th scope="col">{t('admin.peer')}</th>
            <th scope="col">{t('admin.certExpiry')}</th>
            <th scope="col">{t('admin.lastDelivery')}</th>
            <th scope="col">{t('admin.queueDepth')}</th>
            <th scope="col">{t('admin.oldestPending')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('admin.testConnection', { peer: '' })}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {peers.map((p) => {
            const first = expiryOf(p);
            const test = tests[p.id];
            const running = test !== undefined && 'running' in test;
            return (
              <tr key={p.id}>
                <th scope="row">
                  {p.name} <span className="muted">({p.id})</span>
                </th>
                <td>
                  {first ? formatTime(first.notAfter).slice(0, 10) : t('admin.none')}
                  {p.warnings.map((w) => (
                    <p key={w} className="warn">
                      {w}
                    </p>
                  ))}
                </td>
                <td>{p.lastDeliveredAt ? formatTime(p.lastDeliveredAt) : t('admin.never')}</td>
                <td>{p.pending}</td>
                <td>
                  {p.oldestPendingSeconds === null
                    ? t('admin.none')
                    : t('admin.seconds', { n: Math.round(p.oldestPendingSeconds) })}
                </td>
                <td>
                  <button
                    type="button"
                    className="button-secondary"
                    disabled={running}
                    onClick={() => void runTest(p.id)}
                  >
                    {running ? t('admin.testing') : t('admin.testConnection', { peer: p.id })}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
