// Type and schema checks of a message, shared by seal (before signing) and open (after verifying).
import { FfxError } from '../errors.js';
import { validate } from '../validate.js';
import type { components } from '../../generated/openapi.js';

/** A message (the payload of the inner JWS), schema `message`. */
export type Message = components['schemas']['Message'];

const TYPES = new Set(['trace-request', 'trace-response', 'hit-notification']);

/** Narrows `data` to a Message or throws FFX-TYPE (unknown type) / FFX-SCHEMA (with pointers). */
export function checkMessage(data: unknown, what: string): Message {
  const type = data && typeof data === 'object' ? (data as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !TYPES.has(type)) {
    throw new FfxError(
      'FFX-TYPE',
      `${what} has type ${JSON.stringify(type ?? null)}; known types are ${[...TYPES].join(', ')}`,
    );
  }
  const result = validate('message', data);
  if (!result.valid) {
    const problems = result.errors.map((e) => ({ pointer: e.pointer, message: e.message }));
    throw new FfxError(
      'FFX-SCHEMA',
      `${what} does not match the ${type} schema: ${problems
        .slice(0, 5)
        .map((p) => `${p.pointer || '/'} ${p.message}`)
        .join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`,
      { problems },
    );
  }
  return data as Message;
}
