// Turns ajv's validation errors into short sentences next to each field.
import type { RJSFValidationError } from '@rjsf/utils';
import i18next from '../i18n/i18n.js';

/** The error in words (`required` → "Required.", `format: date` → "Enter a date as YYYY-MM-DD."). */
export function errorInWords(e: RJSFValidationError): string {
  const t = i18next.t.bind(i18next);
  const p = (e.params ?? {}) as Record<string, unknown>;
  switch (e.name) {
    case 'required':
      return t('errors.required');
    case 'format':
      if (p.format === 'date') return t('errors.format_date');
      if (p.format === 'email') return t('errors.format_email');
      return t('errors.format', { format: String(p.format) });
    case 'pattern':
    case 'enum':
    case 'anyOf':
    case 'uniqueItems':
    case 'type':
      return t(`errors.${e.name}`);
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minimum':
    case 'maximum':
      return t(`errors.${e.name}`, { limit: p.limit });
    default:
      return t('errors.other', { message: e.message ?? e.name ?? '' });
  }
}
