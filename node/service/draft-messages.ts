// The messages a submission would send, one per destination, checked before any policy runs.
import { v7 as uuidv7 } from 'uuid';
import { validate } from '../../protocol/validate.js';
import { NodeError, type FieldProblem } from '../errors.js';
import type { TrustStore } from '../pki/trust-store.js';
import { containsPersonalData } from './personal-data.js';
import { repeatedItemIds } from './repeated-item-ids.js';
import { NO_DECISION_HASH } from './active-policy.js';
import type { components } from '../../generated/openapi.js';

type SubmitRequest = components['schemas']['SubmitRequest'];

/** One message as it stands before the outbound policy decides on it. */
export interface DraftMessage {
  v: 1;
  id: string;
  type: SubmitRequest['type'];
  from: string;
  to: string;
  createdAt: string;
  expiresAt: string;
  inReplyTo?: string;
  correlationId?: string;
  handling: SubmitRequest['handling'] & { containsPersonalData: boolean };
  policy: { id: string; version: number; decisionHash: string };
  body: Record<string, unknown>;
}

/**
 * Refuses destinations that are not members of the federation, or this node itself, with the
 * pointer of each (`/to/<i>`): NODE-VALIDATION.
 */
export function checkDestinations(trust: Pick<TrustStore, 'nodeId' | 'directory'>, to: string[]) {
  const problems: FieldProblem[] = [];
  to.forEach((id, i) => {
    if (id === trust.nodeId)
      problems.push({ pointer: `/to/${i}`, message: 'a node does not send to itself' });
    else if (!trust.directory.member(id))
      problems.push({ pointer: `/to/${i}`, message: `${id} is not a member of the federation` });
  });
  if (problems.length > 0)
    throw new NodeError('NODE-VALIDATION', 'unknown destination', { problems });
}

/**
 * The drafts of a submission: one message (own id) per destination, created at `createdAt`,
 * validated against the message schema (NODE-VALIDATION with the failing pointers). Submitting
 * and previewing both start here, so a preview decides on exactly what a submission would.
 *
 * @example
 * checkDestinations(trust, req.to);
 * const drafts = draftMessages(trust.nodeId, req, now(), 604800);
 */
export function draftMessages(
  nodeId: string,
  req: SubmitRequest,
  createdAt: Date,
  defaultTtlSeconds: number,
): DraftMessage[] {
  const expiresAt = new Date(createdAt.getTime() + (req.ttlSeconds ?? defaultTtlSeconds) * 1000);
  const body = req.body as Record<string, unknown>;
  const drafts = req.to.map((to): DraftMessage => ({
    v: 1 as const,
    id: uuidv7({ msecs: createdAt.getTime() }),
    type: req.type,
    from: nodeId,
    to,
    createdAt: createdAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
    ...(req.inReplyTo ? { inReplyTo: req.inReplyTo } : {}),
    ...(req.correlationId ? { correlationId: req.correlationId } : {}),
    handling: { ...req.handling, containsPersonalData: containsPersonalData(req.type, body) },
    // Placeholder stamp for validation of the draft; the real one is the policy decision's.
    policy: { id: 'pending', version: 1, decisionHash: NO_DECISION_HASH },
    body,
  }));
  const check = validate('message', drafts[0]);
  if (!check.valid) {
    throw new NodeError('NODE-VALIDATION', 'the message does not match its schema', {
      problems: check.errors.map((e) => ({ pointer: e.pointer, message: e.message })),
    });
  }
  const repeated = req.type === 'trace-request' ? repeatedItemIds(body) : [];
  if (repeated.length > 0) {
    throw new NodeError('NODE-VALIDATION', 'an item id is used twice in the request', {
      problems: repeated.map((r) => ({
        pointer: `/body${r.pointer}`,
        message: `item id ${r.itemId} is already used by another item (answers name items by id)`,
      })),
    });
  }
  return drafts;
}
