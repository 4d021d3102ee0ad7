// A page of the inbox or outbox: filters, the table, server-side paging by cursor.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { MessageList as MessageListBody, MessageStatus, MessageType } from '../api/types.js';
import { useLive } from '../app/use-live.js';
import { href } from '../app/route.js';
import { formatTime } from './format.js';

const TYPES: MessageType[] = ['trace-request', 'trace-response', 'hit-notification'];
const STATUSES: Record<'in' | 'out', MessageStatus[]> = {
  in: ['received', 'answered'],
  out: ['denied', 'accepted', 'queued', 'sending', 'delivered', 'rejected', 'failed', 'answered'],
};

interface Filters {
  type: string;
  peer: string;
  status: string;
  fromDate: string;
  toDate: string;
  correlationId: string;
  ref: string;
}

const EMPTY: Filters = {
  type: '',
  peer: '',
  status: '',
  fromDate: '',
  toDate: '',
  correlationId: '',
  ref: '',
};

/** The query of a filter set: dates are whole UTC days (from the start of one to the end of the other). */
function queryOf(f: Filters): Record<string, string | undefined> {
  const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString();
  return {
    type: f.type,
    peer: f.peer,
    status: f.status,
    from: f.fromDate ? `${f.fromDate}T00:00:00Z` : undefined,
    to: f.toDate ? nextDay(f.toDate) : undefined,
    correlationId: f.correlationId,
    ref: f.ref,
  };
}

/** The list of one box, kept fresh while open. */
export function MessageList({ box, page }: { box: 'in' | 'out'; page: string }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const live = useLive(
    (signal) =>
      api<MessageListBody>('GET', box === 'in' ? '/v1/inbox' : '/v1/outbox', {
        query: { ...queryOf(filters), limit: 50, cursor },
        signal,
      }),
    [box, JSON.stringify(filters), cursor],
    undefined,
    true,
  );
  const items = live.data?.items;
  const peerWord = box === 'in' ? t('list.from') : t('list.to');
  return (
    <>
      <form
        className="filters"
        aria-label={t('list.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          setCursors([]);
          setFilters(draft);
        }}
      >
        <label>
          {t('list.type')}
          <select value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value })}>
            <option value="">{t('list.any')}</option>
            {TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`type.${x}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {peerWord}
          <input
            value={draft.peer}
            size={8}
            pattern="[A-Z]{2}|EU-[A-Z0-9]{2,24}"
            onChange={(e) => setDraft({ ...draft, peer: e.target.value.toUpperCase() })}
          />
        </label>
        <label>
          {t('list.status')}
          <select
            value={draft.status}
            onChange={(e) => setDraft({ ...draft, status: e.target.value })}
          >
            <option value="">{t('list.any')}</option>
            {STATUSES[box].map((x) => (
              <option key={x} value={x}>
                {t(`status.${x}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('list.from_date')}
          <input
            type="date"
            value={draft.fromDate}
            onChange={(e) => setDraft({ ...draft, fromDate: e.target.value })}
          />
        </label>
        <label>
          {t('list.to_date')}
          <input
            type="date"
            value={draft.toDate}
            onChange={(e) => setDraft({ ...draft, toDate: e.target.value })}
          />
        </label>
        <label>
          {t('list.ref')}
          <input
            value={draft.ref}
            size={14}
            onChange={(e) => setDraft({ ...draft, ref: e.target.value })}
          />
        </label>
        <label>
          {t('list.correlation')}
          <input
            value={draft.correlationId}
            size={14}
            onChange={(e) => setDraft({ ...draft, correlationId: e.target.value })}
          />
        </label>
        <button type="submit" className="button-secondary">
          {t('list.apply')}
        </button>
        <button
          type="button"
          className="button-link"
          onClick={() => {
            setDraft(EMPTY);
            setFilters(EMPTY);
            setCursors([]);
          }}
        >
          {t('list.clear')}
        </button>
      </form>
      {live.error ? <p role="alert">{live.error.message}</p> : null}
      {items && items.length === 0 ? (
        <p>{box === 'in' ? t('inbox.empty') : t('outbox.empty')}</p>
      ) : null}
      {items && items.length > 0 ? (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('list.type')}</th>
              <th scope="col">{peerWord}</th>
              <th scope="col">{t('list.status')}</th>
              <th scope="col">{t('list.created')}</th>
              <th scope="col">{t('list.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id} className={`status-${m.status}`}>
                <td>
                  <a
                    href={href(page, m.id)}
                    aria-label={t('list.open', {
                      id: `${t(`type.${m.type}`)} ${box === 'in' ? m.from : m.to} ${m.id}`,
                    })}
                  >
                    {t(`type.${m.type}`)}
                  </a>
                </td>
                <td>{box === 'in' ? m.from : m.to}</td>
                <td>
                  <span className={`badge badge-${m.status}`}>{t(`status.${m.status}`)}</span>
                  {m.lastError && m.status !== 'delivered' ? (
                    <span className="muted"> {m.lastError.message}</span>
                  ) : null}
                </td>
                <td>{formatTime(m.createdAt)}</td>
                <td>{formatTime(m.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="paging">
        {cursors.length > 0 ? (
          <button type="button" className="button-secondary" onClick={() => setCursors([])}>
            {t('list.first')}
          </button>
        ) : null}
        {live.data?.nextCursor ? (
          <button
            type="button"
            className="button-secondary"
            onClick={() => setCursors([...cursors, live.data!.nextCursor!])}
          >
            {t('list.next')}
          </button>
        ) : null}
      </div>
    </>
  );
}
