// Local API handlers of the operator's peers view: overview and step-by-step connection test.
import { peerOverview, type PeerOverviewDeps } from '../../service/peer-overview.js';
import { testConnection, type ConnectionTestDeps } from '../../service/test-connection.js';
import type { HandlerTable } from '../local-app.js';

/** What the peers routes need. */
export type PeersDeps = PeerOverviewDeps & ConnectionTestDeps;

/** Handlers of `listPeers` and `testPeerConnection`. */
export function peersHandlers(deps: PeersDeps): HandlerTable {
  return {
    listPeers: async () => ({ status: 200, body: await peerOverview(deps) }),
    testPeerConnection: async (ctx) => ({
      status: 200,
      body: await testConnection(deps, String(ctx.params.peer)),
    }),
  };
}
