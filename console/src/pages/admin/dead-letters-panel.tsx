// Dead letters: messages whose delivery failed for good, with the reason in words, retry and purge.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { DeadLetterList, QueueOperationResult } from '../../api/types.js';
import { useLive } from '../../app/use-live.js';
import { formatTime } from '../../components/format.js';

/** The dead-letters panel. */
export function DeadLettersPanel() {
  const { t } = useTranslation();
  const live = useLive(
    (signal) => api<DeadLetterList>('GET', '/v1/dead-letters', { query: { limit: 100 }, signal }),
    [],
  );
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const act = async (id: string, op: 'retry' | 'purge') => {
    try {
      await api<QueueOperationResult>(
        op === 'retry' ? 'POST' : 'DELETE',
        op === 'retry' ? `/v1/dead-letters/${id}/retry` : `/v1/dead-letters/${id}`,
      );
      setOutcome({ ok: true, text: t(op === 'retry' ? 'admin.retried' : 'admin.purged', { id }) });
    } catch (err) {
      setOutcome({ ok: false, text: err instanceof Error ? err.message : String(err) });
    }
    live.reload();
  };
  const items = live.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="dead-heading">
      <h2 id="dead-heading">{t('admin.deadLetters')}</h2>
      {live.error ? <p role="alert">{live.error.message}</p> : null}
      {outcome ? (
        <p role="status" className={outcome.ok ? 'notice' : 'notice notice-error'}>
          {outcome.text}
        </p>
      ) : null}
      {live.data && items.length === 0 ? <p>{t('admin.noDeadLetters')}</p> : null}
      {items.length > 0 ? (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('list.to')}</th>
              <th scope="col">{t('list.type')}</th>
              <th scope="col">{t('timeline.failed')}</th>
              <th scope="col">{t('list.updated')}</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id}>
                <td>{m.to}</td>
                <td>{t(`type.${m.type}`)}</td>
                <td>{m.lastError ? `${m.lastError.message} (${m.lastError.code})` : '—'}</td>
                <td>{formatTime(m.updatedAt)}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="button-secondary"
                    aria-label={t('admin.retry', { id: m.id })}
                    onClick={() => void act(m.id, 'retry')}
                  >
                    Retry
                  </button>
                  <button
                    type="button"
                    className="button-danger"
                    aria-label={t('admin.purge', { id: m.id })}
                    onClick={() => void act(m.id, 'purge')}
                  >
                    Purge
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
