// Local API handler of the federation directory as the console shows it for picking destinations.
import type { TrustStore } from '../../pki/trust-store.js';
import type { HandlerTable } from '../local-app.js';
import type { components } from '../../../generated/openapi.js';

type Schemas = components['schemas'];

/** What the directory route reads. */
export interface DirectoryDeps {
  trust: Pick<TrustStore, 'nodeId' | 'directory'>;
  now: () => Date;
}

/** Handler of `getDirectory`: members (id, display name, kind, groups), groups, sequence, validity. */
export function directoryHandlers(deps: DirectoryDeps): HandlerTable {
  return {
    getDirectory: async () => {
      const d = deps.trust.directory;
      const groups = new Map<string, string[]>();
      for (const m of d.members()) {
        for (const g of m.groups ?? []) groups.set(g, [...(groups.get(g) ?? []), m.id]);
      }
      const body: Schemas['Directory'] = {
        nodeId: deps.trust.nodeId,
        federationId: d.payload.federationId,
        sequence: d.payload.sequence,
        issuedAt: d.payload.issuedAt,
        nextUpdate: d.payload.nextUpdate,
        stale: d.isStale(deps.now()),
        members: d.members().map((m) => ({
          id: m.id,
          name: m.name,
          kind: m.kind,
          groups: m.groups ?? [],
        })),
        groups: [...groups.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([id, members]) => ({ id, members: members.sort() })),
      };
      return { status: 200, body };
    },
  };
}
