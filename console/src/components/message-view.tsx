// One message: its handling banner, contents, status timeline, receipt, and the ways on (thread, answer).
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { Handling, MessageDetail, MessageSummary } from '../api/types.js';
import { useLive } from '../app/use-live.js';
import { href } from '../app/route.js';
import { HandlingBanner } from './handling-banner.js';
import { StatusTimeline } from './status-timeline.js';
import { leaves } from './json-diff.js';
import { formatTime } from './format.js';
import { formSchemas } from '../schemas/form-schemas.js';
import type { JsonSchema } from '../schemas/registry.js';

let schemas: ReturnType<typeof formSchemas> | undefined;

/** The body schema of a message type, for the titles of its fields. */
function bodySchemaOf(type: MessageSummary['type']): JsonSchema {
  schemas ??= formSchemas();
  return schemas[type];
}

interface WireMessage {
  id: string;
  type: string;
  from: string;
  to: string;
  handling: Handling;
  body: Record<string, unknown>;
  correlationId?: string;
  inReplyTo?: string;
}

/** Reference of a body: the request's, the notification's. */
export function refOf(body: Record<string, unknown> | undefined): string {
  const ref = body?.requestRef ?? body?.notificationRef;
  return typeof ref === 'string' ? ref : '';
}

/** The view of message `id` of `box`, refreshed while open. */
export function MessageView({ box, id }: { box: 'in' | 'out'; id: string }) {
  const { t } = useTranslation();
  const live = useLive(
    (signal) =>
      api<MessageDetail>(
        'GET',
        `/v1/${box === 'in' ? 'inbox' : 'outbox'}/${encodeURIComponent(id)}`,
        { signal },
      ),
    [box, id],
    undefined,
    true,
  );
  if (live.error) return <p role="alert">{live.error.message}</p>;
  const d = live.data;
  if (!d) return <p className="loading">{t('app.loading')}</p>;
  const m = d.message as WireMessage | undefined;
  const s = d.summary;
  return (
    <article className="message" aria-labelledby="message-heading">
      <h1 id="message-heading">
        {t('message.heading', { type: t(`type.${s.type}`), ref: refOf(m?.body) })}
      </h1>
      <p className="muted">
        {s.from} → {s.to} · {formatTime(s.createdAt)} ·{' '}
        <span className={`badge badge-${s.status}`}>{t(`status.${s.status}`)}</span>
      </p>
      {m ? <HandlingBanner handling={m.handling} /> : null}
      {d.purgedAt ? (
        <p className="notice">{t('message.purged', { at: formatTime(d.purgedAt) })}</p>
      ) : null}
      <div className="actions">
        <a className="button-secondary" href={href('thread', box, s.id, s.correlationId ?? '')}>
          {t('message.thread')}
        </a>
        {box === 'in' && s.type === 'trace-request' && m ? (
          <a className="button-primary" href={href('compose', 'reply', s.id)}>
            {t('inbox.answer')}
          </a>
        ) : null}
      </div>
      <div className="message-columns">
        {m ? (
          <table className="body-table">
            <caption>{t('message.body')}</caption>
            <tbody>
              {leaves(m.body, bodySchemaOf(s.type)).map((l) => (
                <tr key={l.pointer}>
                  <th scope="row">{l.label}</th>
                  <td>{l.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <section aria-label={t('outbox.timeline', { to: s.to })}>
          <h2>{t('list.status')}</h2>
          <StatusTimeline detail={d} />
          {d.digest && !d.receipt ? (
            <p className="muted">
              {t('message.digest')}: <code>{d.digest}</code>
            </p>
          ) : null}
        </section>
      </div>
    </article>
  );
}
