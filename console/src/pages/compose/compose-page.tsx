// Compose: a trace request or hit notification (or the answer to a received request), its preview per destination, send.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ApiError } from '../../api/problem-error.js';
import { destinationsOf, loadDirectory, type Destination } from '../../api/directory.js';
import type {
  DestinationPreview,
  MessageDetail,
  MessagePreview,
  MessageType,
  SubmitRequest,
  SubmitResult,
} from '../../api/types.js';
import { formDefinition } from '../../forms/validators.js';
import { SchemaForm, type SchemaFormHandle } from '../../forms/schema-form.js';
import type { PageProps } from '../../app/pages.js';
import { href } from '../../app/route.js';
import { clearDraft, loadDraft, saveDraft, type Draft } from './draft-store.js';
import { DestinationPicker, expandDestinations } from './destination-picker.js';
import { PreviewPanel } from './preview-panel.js';
import { SendResults } from './send-results.js';

const COMPOSABLE: MessageType[] = ['trace-request', 'hit-notification'];

/** The compose page (`#/compose`, or `#/compose/reply/<inbox id>` to answer a trace request). */
export default function ComposePage({ route }: PageProps) {
  const { t } = useTranslation();
  const replyTo = route.args[0] === 'reply' ? route.args[1] : undefined;
  const restored = useMemo(() => loadDraft(replyTo), [replyTo]);
  const [draft, setDraft] = useState<Draft>(
    restored ?? {
      type: replyTo ? 'trace-response' : 'trace-request',
      to: [],
      handling: {},
      body: {},
      ...(replyTo ? { replyTo } : {}),
    },
  );
  const [request, setRequest] = useState<MessageDetail>();
  const [destinations, setDestinations] = useState<Destination[]>([]);
  const [previews, setPreviews] = useState<{ for: string; items: DestinationPreview[] }>();
  const [results, setResults] = useState<SubmitResult>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [toError, setToError] = useState<string>();
  const handlingForm = useRef<SchemaFormHandle>(null);
  const bodyForm = useRef<SchemaFormHandle>(null);

  useEffect(() => {
    loadDirectory().then(
      (d) => setDestinations(destinationsOf(d)),
      (err: unknown) => setProblem(describe(err)),
    );
  }, []);

  useEffect(() => {
    if (!replyTo) return;
    api<MessageDetail>('GET', `/v1/inbox/${encodeURIComponent(replyTo)}`).then(
      (m) => {
        setRequest(m);
        if (restored) return;
        const msg = m.message as
          | { from?: string; handling?: Record<string, unknown>; body?: { requestRef?: string } }
          | undefined;
        const handling = { ...(msg?.handling ?? {}) };
        delete handling.containsPersonalData;
        setDraft((d) => ({
          ...d,
          to: [m.summary.from],
          handling,
          body: { requestRef: msg?.body?.requestRef ?? '' },
        }));
      },
      (err: unknown) => setProblem(describe(err)),
    );
  }, [replyTo, restored]);

  useEffect(() => {
    if (!results) saveDraft(draft);
  }, [draft, results]);

  const handlingForm_ = formDefinition('handling');
  const bodyForm_ = formDefinition(draft.type);
  const fingerprint = JSON.stringify([draft.type, draft.to, draft.handling, draft.body]);
  const stale = previews !== undefined && previews.for !== fingerprint;
  const targets =
    replyTo && request ? [request.summary.from] : expandDestinations(draft.to, destinations);

  const check = (): boolean => {
    const okH = handlingForm.current?.validate() ?? false;
    const okB = bodyForm.current?.validate() ?? false;
    const okTo = targets.length > 0;
    setToError(okTo ? undefined : t('compose.noDestination'));
    if (!okH || !okB || !okTo) {
      setProblem(t('compose.fixErrors'));
      return false;
    }
    setProblem(undefined);
    return true;
  };

  const submission = (): SubmitRequest => ({
    type: draft.type,
    to: targets,
    handling: draft.handling as SubmitRequest['handling'],
    body: draft.body as Record<string, unknown>,
    ...(replyTo ? { inReplyTo: replyTo } : {}),
    ...(replyTo && request?.summary.correlationId
      ? { correlationId: request.summary.correlationId }
      : {}),
    ...(!replyTo && threadOf(draft.body) ? { correlationId: threadOf(draft.body) } : {}),
  });

  const showPreview = async () => {
    if (!check()) return;
    setBusy(true);
    try {
      const p = await api<MessagePreview>('POST', '/v1/messages/preview', { body: submission() });
      setPreviews({ for: fingerprint, items: p.results });
    } catch (err) {
      setProblem(describe(err));
    } finally {
      setBusy(false);
    }
  };

  const send = async () => {
    if (!check()) return;
    setBusy(true);
    try {
      const result = replyTo
        ? await api<SubmitResult>('POST', `/v1/inbox/${encodeURIComponent(replyTo)}/reply`, {
            body: { handling: draft.handling, body: draft.body },
          })
        : await api<SubmitResult>('POST', '/v1/messages', { body: submission() });
      setResults(result);
      clearDraft();
    } catch (err) {
      setProblem(describe(err));
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    clearDraft();
    setResults(undefined);
    setPreviews(undefined);
    setDraft({ type: 'trace-request', to: [], handling: {}, body: {} });
    window.location.hash = href('compose');
  };

  if (results) return <SendResults results={results} onRestart={restart} />;

  const requestRef = (request?.message as { body?: { requestRef?: string } } | undefined)?.body
    ?.requestRef;
  return (
    <div className="compose">
      <h1>{t('compose.heading')}</h1>
      {restored ? (
        <p className="notice" role="status">
          {t('compose.draftRestored')}
        </p>
      ) : null}
      {replyTo ? (
        <p className="notice">
          {t('compose.replyTo', { ref: requestRef ?? replyTo, from: request?.summary.from ?? '…' })}
        </p>
      ) : (
        <>
          <label className="field">
            <span className="field-label">{t('compose.type')}</span>
            <select
              value={draft.type}
              onChange={(e) =>
                setDraft({ ...draft, type: e.target.value as MessageType, body: {} })
              }
            >
              {COMPOSABLE.map((m) => (
                <option key={m} value={m}>
                  {t(`type.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <DestinationPicker
            destinations={destinations}
            selected={draft.to}
            onChange={(to) => setDraft({ ...draft, to })}
            error={toError}
          />
        </>
      )}
      <h2>{t('compose.handling')}</h2>
      <SchemaForm
        ref={handlingForm}
        key="handling"
        schema={handlingForm_.schema}
        validator={handlingForm_.validator}
        value={draft.handling}
        onChange={(handling) => setDraft((d) => ({ ...d, handling }))}
        label={t('compose.handling')}
        idPrefix="handling"
      />
      <h2>{t('compose.body')}</h2>
      <SchemaForm
        ref={bodyForm}
        key={draft.type}
        schema={bodyForm_.schema}
        validator={bodyForm_.validator}
        value={draft.body}
        onChange={(body) => setDraft((d) => ({ ...d, body }))}
        label={t(`type.${draft.type}`)}
        idPrefix="body"
      />
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button-secondary"
          disabled={busy}
          onClick={() => void showPreview()}
        >
          {t('compose.preview')}
        </button>
        <button
          type="button"
          className="button-primary"
          disabled={busy || !previews || stale}
          onClick={() => void send()}
        >
          {busy ? t('compose.sending') : t('compose.send')}
        </button>
      </div>
      {previews ? (
        <PreviewPanel
          previews={previews.items}
          written={draft.body}
          stale={stale}
          schema={bodyForm_.schema}
        />
      ) : null}
    </div>
  );
}

/**
 * The case thread a new message opens or joins: its case reference (a trace request), or its
 * notification reference (a hit); answers and later messages carry it on.
 */
function threadOf(body: unknown): string | undefined {
  const b = body as { caseRef?: unknown; notificationRef?: unknown };
  const key = typeof b.caseRef === 'string' ? b.caseRef : b.notificationRef;
  return typeof key === 'string' && key.length > 0 ? key.slice(0, 128) : undefined;
}

function describe(err: unknown): string {
  if (err instanceof ApiError) {
    const fields = err.problem?.errors?.map((e) => `${e.pointer}: ${e.message}`).join('; ');
    return fields ? `${err.message} (${fields})` : err.message;
  }
  return String(err);
}
