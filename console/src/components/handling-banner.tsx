// The handling conditions of a message, always visible above it: code H0–H3 with its restriction, evaluation, TLP, purpose.
import { useTranslation } from 'react-i18next';
import type { Handling } from '../api/types.js';

/** The banner of a message's handling conditions. */
export function HandlingBanner({ handling }: { handling: Handling }) {
  const { t } = useTranslation();
  const e = handling.evaluation;
  return (
    <section
      className={`handling handling-${handling.code}`}
      aria-label={t('message.handlingCode', { code: handling.code })}
    >
      <p className="handling-code">
        <strong>{t('message.handlingCode', { code: handling.code })}</strong>:{' '}
        {t(`message.${handling.code}`)}
        {handling.code === 'H3' && handling.restrictions ? <> {handling.restrictions}</> : null}
      </p>
      {handling.code !== 'H3' && handling.restrictions ? <p>{handling.restrictions}</p> : null}
      <dl className="handling-facts">
        <div>
          <dt>{t('message.evaluation')}</dt>
          <dd>
            {e
              ? t('message.evaluationValue', { source: e.source, information: e.information })
              : t('message.notEvaluated')}
          </dd>
        </div>
        <div>
          <dt>{t('message.tlp')}</dt>
          <dd>{handling.tlp ? `TLP:${handling.tlp}` : '—'}</dd>
        </div>
        <div>
          <dt>{t('message.purpose')}</dt>
          <dd>{handling.purpose}</dd>
        </div>
        {handling.legalBasis ? (
          <div>
            <dt>{t('message.legalBasis')}</dt>
            <dd>{handling.legalBasis}</dd>
          </div>
        ) : null}
        {handling.retainUntil ? (
          <div>
            <dt>{t('message.retainUntil')}</dt>
            <dd>{handling.retainUntil}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('message.personalData')}</dt>
          <dd>{handling.containsPersonalData ? t('message.yes') : t('message.no')}</dd>
        </div>
      </dl>
    </section>
  );
}
