// The operator's view of each peer: directory entry, certificate expiry, last delivery, queue.
import type { TrustStore } from '../pki/trust-store.js';
import type { MessageStore } from '../store/message-store.js';
import type { PeerActivity } from './peer-activity.js';
import { certificateState, certificateWarnings } from './certificate-state.js';
import type { components } from '../../generated/openapi.js';

type Schemas = components['schemas'];

/** What the peers overview reads. */
export interface PeerOverviewDeps {
  trust: Pick<TrustStore, 'nodeId' | 'directory'>;
  store: Pick<MessageStore, 'pendingByPeer'>;
  activity: Pick<PeerActivity, 'lastDelivered'>;
  now: () => Date;
}

/**
 * Every other member of the federation with its directory entry, the state of each of its
 * certificates (flagged within 30 days of expiry), warnings in words, the time of the last
 * delivery with a receipt, and its queue: pending messages and the age of the oldest.
 */
export async function peerOverview(deps: PeerOverviewDeps): Promise<Schemas['PeerList']> {
  const now = deps.now();
  const directory = deps.trust.directory;
  const peers = directory
    .members()
    .map((m) => m.id)
    .filter((id) => id !== deps.trust.nodeId);
  const [last, queues] = await Promise.all([
    deps.activity.lastDelivered(),
    deps.store.pendingByPeer(peers),
  ]);
  const queueOf = new Map(queues.map((q) => [q.peer, q]));
  const items: Schemas['PeerOverview'][] = [];
  for (const m of directory.members()) {
    if (m.id === deps.trust.nodeId) continue;
    const certificates = (['sig', 'enc', 'tls'] as const).flatMap((use) =>
      directory
        .certificatesOf(m.id, use)
        .map((c) => certificateState(c, directory.isRevoked(c.serial), now)),
    );
    const queue = queueOf.get(m.id);
    items.push({
      id: m.id,
      name: m.name,
      kind: m.kind,
      groups: m.groups ?? [],
      endpoint: m.endpoint,
      certificates,
      warnings: certificateWarnings(m.id, certificates),
      lastDeliveredAt: last.get(m.id) ?? null,
      pending: queue?.pending ?? 0,
      oldestPendingSeconds:
        queue?.oldestPendingSeconds == null ? null : Math.round(queue.oldestPendingSeconds),
    });
  }
  return { items };
}
