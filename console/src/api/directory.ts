// The federation's members and groups, for choosing destinations.
import { api } from './client.js';
import type { Directory } from './types.js';

/** A destination the analyst can pick: a member, or a group standing for its members. */
export interface Destination {
  id: string;
  displayName: string;
  kind: 'member' | 'group';
  /** The members a group stands for (a member: itself). */
  members: string[];
}

/** The directory in force as the node reports it. */
export function loadDirectory(signal?: AbortSignal): Promise<Directory> {
  return api<Directory>('GET', '/v1/directory', signal ? { signal } : {});
}

/**
 * The destinations of this node: the directory's members (without this node) and its groups
 * (without this node among their members), with display names.
 */
export function destinationsOf(d: Directory): Destination[] {
  const members = d.members
    .filter((m) => m.id !== d.nodeId)
    .map<Destination>((m) => ({ id: m.id, displayName: m.name, kind: 'member', members: [m.id] }));
  const groups = d.groups
    .map<Destination>((g) => ({
      id: `group:${g.id}`,
      displayName: g.id,
      kind: 'group',
      members: g.members.filter((m) => m !== d.nodeId),
    }))
    .filter((g) => g.members.length > 0);
  return [...members, ...groups];
}
