// Local API handlers of the audit journal: read a page of entries, verify the chain.
import type { NodeJournal } from '../../app/journal-wiring.js';
import type { HandlerTable } from '../local-app.js';
import type { components } from '../../../generated/openapi.js';

type Schemas = components['schemas'];

/** Auditors read and verify this process's journal; reading is itself journaled (consultation). */
export function auditHandlers(deps: {
  journal: Pick<NodeJournal, 'read' | 'verify'>;
}): HandlerTable {
  return {
    readAudit: async ({ query }) => {
      const q = query as { fromSeq?: number; limit?: number; type?: string; messageId?: string };
      const page = await deps.journal.read({
        ...(q.fromSeq !== undefined ? { fromSeq: q.fromSeq } : {}),
        limit: q.limit ?? 100,
        ...(q.type ? { type: q.type } : {}),
        ...(q.messageId ? { messageId: q.messageId } : {}),
      });
      return { status: 200, body: page satisfies Schemas['AuditPage'] };
    },
    verifyAudit: async () => {
      const r = await deps.journal.verify();
      const body: Schemas['AuditVerification'] = {
        ok: r.ok,
        entries: r.entries,
        checkpoints: r.checkpoints,
        ...(r.firstBroken ? { firstBroken: r.firstBroken } : {}),
      };
      return { status: 200, body };
    },
  };
}
