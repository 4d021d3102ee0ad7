// The dev federation description (members, kinds, groups, ports) shipped in certs-dev/.
import devFederation from './dev-federation.json' with { type: 'json' };
import type { FederationDescription } from './types.js';

/**
 * The dev federation description (`certs-dev/dev-federation.json`), as a fresh copy the caller
 * may change.
 *
 * @example
 * const ids = loadDevFederation().members.map((m) => m.id); // ['AL', 'BA', …]
 */
export function loadDevFederation(): FederationDescription {
  return structuredClone(devFederation) as FederationDescription;
}
