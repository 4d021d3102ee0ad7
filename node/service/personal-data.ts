// Which parts of a body are personal data of a data subject (LED): the node sets the flag itself.
import { resolve } from '../policy/json-pointer.js';

/**
 * Body fields that hold personal data of a data subject, per message type, as JSON pointers
 * (`*` for every item of a seizure). The handling flag `containsPersonalData` is derived from
 * these and never taken from the caller.
 */
export const PERSONAL_DATA_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'trace-request': ['/possessor'],
  'trace-response': [
    '/lastKnownLegalOwner',
    '/chainOfCustody',
    '/items/*/lastKnownLegalOwner',
    '/items/*/chainOfCustody',
  ],
  'hit-notification': [],
};

/** Whether `body` of a message of `type` holds personal data (after any policy transformation). */
export function containsPersonalData(type: string, body: Record<string, unknown>): boolean {
  const fields = PERSONAL_DATA_FIELDS[type] ?? [];
  return fields.some((f) =>
    resolve(body, f).some(({ value: v }) => {
      if (v === undefined || v === null) return false;
      if (Array.isArray(v)) return v.length > 0;
      if (typeof v === 'object') return Object.keys(v).length > 0;
      return true;
    }),
  );
}
