// Local API handlers of the node's own certificates and of what needs attention (the banner).
import { attentionItems, type AttentionDeps } from '../../service/attention.js';
import { nodeCertificates } from '../../service/node-certificates.js';
import type { HandlerTable } from '../local-app.js';

/** Handlers of `getNodeCertificates` and `getAttention`. */
export function nodeStatusHandlers(deps: AttentionDeps): HandlerTable {
  return {
    getNodeCertificates: async () => ({ status: 200, body: nodeCertificates(deps) }),
    getAttention: async () => ({ status: 200, body: await attentionItems(deps) }),
  };
}
