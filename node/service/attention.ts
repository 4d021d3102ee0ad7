// What needs an operator's attention, for the console's banner on every page.
import type { TrustStore } from '../pki/trust-store.js';
import type { MessageStore } from '../store/message-store.js';
import { nodeCertificates } from './node-certificates.js';
import type { components } from '../../generated/openapi.js';

type Schemas = components['schemas'];
type Item = Schemas['Attention']['items'][number];

/** What the attention list reads. */
export interface AttentionDeps {
  trust: Pick<TrustStore, 'nodeId' | 'directory' | 'sig' | 'enc' | 'tls'>;
  store: Pick<MessageStore, 'deadLetters'>;
  journal: {
    status(): { healthy: boolean; backlog: number; dropped: number; lastError: string | null };
  };
  /** Whether the keys bearer tokens are verified with could be had (a JWKS URL may be down). */
  tokenKeys: () => { ok: boolean; source: string; lastError?: string };
  /** Whether Redis answers (bounded in time by the caller). */
  redisOk: () => Promise<boolean>;
  now: () => Date;
}

/** Entries waiting in a healthy journal are normal for a moment; this many are not. */
const JOURNAL_BACKLOG_WARNING = 100;

/** Dead letters counted exactly up to this many ("at least" beyond). */
const DEAD_LETTER_COUNT_LIMIT = 500;

/**
 * The items of the attention banner, the most severe first, each with its reason in words:
 * Redis not answering, the token keys not fetched, the directory past nextUpdate (warning) or past nextUpdate plus grace
 * (critical: the node refuses to send), the node's certificates expiring within 30 days, expired
 * or not listed, dead letters present, the audit journal failing or with a backlog.
 */
export async function attentionItems(deps: AttentionDeps): Promise<Schemas['Attention']> {
  const now = deps.now();
  const items: Item[] = [];
  const redisOk = await deps.redisOk();
  if (!redisOk) {
    items.push({
      code: 'redis-down',
      severity: 'critical',
      message:
        'Redis does not answer: the node can neither accept nor deliver messages, and the lists are unavailable',
    });
  }
  const keys = deps.tokenKeys();
  if (!keys.ok) {
    items.push({
      code: 'token-keys-unavailable',
      severity: 'critical',
      message: `the keys that sign-in tokens are checked with (${keys.source}) could not be fetched${keys.lastError ? ` (${keys.lastError})` : ''}; signed-in calls are refused until they are`,
    });
  }
  const d = deps.trust.directory;
  const next = d.payload.nextUpdate;
  if (d.isStale(now)) {
    items.push({
      code: 'directory-stale',
      severity: 'critical',
      message: `the federation directory (sequence ${d.payload.sequence}) expired: its next update was due ${next} and the grace period has ended; the node refuses to send until a fresh directory is loaded`,
      at: next,
    });
  } else if (now.getTime() > Date.parse(next)) {
    items.push({
      code: 'directory-past-next-update',
      severity: 'warning',
      message: `the federation directory (sequence ${d.payload.sequence}) was due for an update on ${next}; the node sends until the grace period ends, then refuses`,
      at: next,
    });
  }
  for (const c of nodeCertificates(deps).certificates) {
    const which = `this node's ${c.use} certificate (serial ${c.serial})`;
    if (c.state === 'expired' || c.state === 'revoked' || c.state === 'not-yet-valid') {
      items.push({
        code: 'certificate-expired',
        severity: 'critical',
        message:
          c.state === 'expired'
            ? `${which} expired on ${c.notAfter}`
            : c.state === 'revoked'
              ? `${which} is revoked in the federation directory`
              : `${which} is not valid before ${c.notBefore}`,
        at: c.notAfter,
      });
    } else if (c.expiringSoon) {
      items.push({
        code: 'certificate-expiring',
        severity: 'warning',
        message: `${which} expires on ${c.notAfter.slice(0, 10)}, in ${c.daysLeft} days`,
        at: c.notAfter,
      });
    }
    if (c.listed === false && c.state !== 'revoked') {
      items.push({
        code: 'certificate-unusable',
        severity: 'critical',
        message: `${which} is not listed for this node in the federation directory (sequence ${d.payload.sequence}): peers refuse it`,
      });
    }
  }
  if (redisOk) {
    const dead = (await deps.store.deadLetters(DEAD_LETTER_COUNT_LIMIT)).length;
    if (dead > 0) {
      const n = dead >= DEAD_LETTER_COUNT_LIMIT ? `at least ${dead}` : String(dead);
      items.push({
        code: 'dead-letters',
        severity: 'warning',
        message: `${n} ${dead === 1 ? 'message' : 'messages'} could not be delivered and wait in the dead-letter list for a retry or purge`,
        count: dead,
      });
    }
  }
  const audit = deps.journal.status();
  if (!audit.healthy) {
    items.push({
      code: 'journal-failing',
      severity: 'critical',
      message: `the audit journal cannot be written${audit.lastError ? ` (${audit.lastError})` : ''}; ${audit.backlog} entries wait, ${audit.dropped} were dropped`,
      count: audit.backlog,
    });
  } else if (audit.backlog >= JOURNAL_BACKLOG_WARNING || audit.dropped > 0) {
    items.push({
      code: 'journal-backlog',
      severity: 'warning',
      message: `${audit.backlog} audit journal entries wait to be written${audit.dropped > 0 ? `; ${audit.dropped} were dropped` : ''}`,
      count: audit.backlog,
    });
  }
  items.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'critical' ? -1 : 1));
  return { items };
}
