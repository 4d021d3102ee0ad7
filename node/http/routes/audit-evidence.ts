// Local API handlers of the auditor's evidence: a message's evidence bundle and the disclosure report.
import { readFile } from 'node:fs/promises';
import type { NodeJournal } from '../../app/journal-wiring.js';
import type { MessageStore } from '../../store/message-store.js';
import type { PolicyStore } from '../../policy/policy-store.js';
import {
  BundleError,
  buildEvidenceBundle,
  disclosureReport,
  disclosuresCsv,
} from '../../audit/index.js';
import { NodeError } from '../../errors.js';
import type { HandlerTable } from '../local-app.js';

/** Reads the signed directory from where the node takes it (a file or an https URL). */
export async function readDirectoryJws(source: string): Promise<string> {
  if (/^https:\/\//.test(source)) {
    const res = await fetch(source, { signal: AbortSignal.timeout(15_000) });
    if (!res.ok)
      throw new Error(`fetching the directory from ${source} answered HTTP ${res.status}`);
    return (await res.text()).trim();
  }
  return (await readFile(source, 'utf8')).trim();
}

/**
 * Auditors fetch a sent message's evidence bundle (after a signed checkpoint is written over it)
 * and the disclosure report of a period; both come from this process's journal file.
 */
export function auditEvidenceHandlers(deps: {
  nodeId: string;
  journal: Pick<NodeJournal, 'file' | 'checkpoint'>;
  store: Pick<MessageStore, 'get'>;
  policies: Pick<PolicyStore, 'get'>;
  rootCaPem: string;
  directorySource: string;
  now: () => Date;
}): HandlerTable {
  return {
    getEvidenceBundle: async ({ params }) => {
      const id = String(params.id);
      const stored = await deps.store.get('out', id);
      if (!stored) throw new NodeError('NODE-NOT-FOUND', `no sent message ${id}`);
      await deps.journal.checkpoint();
      try {
        const bundle = await buildEvidenceBundle(deps.journal.file, {
          nodeId: deps.nodeId,
          messageId: id,
          receipts: stored.receipt ? [stored.receipt] : [],
          directoryJws: await readDirectoryJws(deps.directorySource),
          rootCaPem: deps.rootCaPem,
          policyDocument: async (version) => {
            const v = await deps.policies.get(version);
            return v ? { id: v.policyId, document: v.document } : null;
          },
          now: deps.now(),
        });
        return { status: 200, body: bundle };
      } catch (err) {
        if (err instanceof BundleError) throw new NodeError('NODE-NOT-FOUND', err.message);
        throw err;
      }
    },
    listDisclosures: async ({ query }) => {
      const q = query as { from: string; to: string; recipient?: string; format?: string };
      const from = new Date(q.from);
      const to = new Date(q.to);
      if (from > to)
        throw new NodeError('NODE-VALIDATION', `from ${q.from} is after to ${q.to}`, {
          problems: [{ pointer: '/from', message: 'must not be after to' }],
        });
      const report = await disclosureReport(deps.journal.file, {
        from,
        to,
        ...(q.recipient ? { recipient: q.recipient } : {}),
      });
      if (q.format === 'csv')
        return { status: 200, body: disclosuresCsv(report.items), contentType: 'text/csv' };
      return { status: 200, body: report };
    },
  };
}
