// The federation's members and groups, for choosing destinations.
import { api } from './client.js';
import { readiness } from '../app/attention-banner.js';

/** A destination the analyst can pick: a member, or a group standing for its members. */
export interface Destination {
  id: string;
  displayName: string;
  kind: 'member' | 'group';
  /** The members a group stands for (a member: itself). */
  members: string[];
}

interface DirectoryAnswer {
  members?: Array<{ id: string; displayName?: string; name?: string }>;
  groups?: Array<{ id: string; displayName?: string; name?: string; members: string[] }>;
}

/**
 * The destinations of this node: the directory's members (without this node) and groups, with
 * display names. Until the node offers its directory to the console, the peers of readiness
 * (ids only) stand in.
 */
export async function loadDestinations(signal?: AbortSignal): Promise<Destination[]> {
  try {
    const d = await api<DirectoryAnswer>('GET', DIRECTORY_PATH, signal ? { signal } : {});
    const members = (d.members ?? []).map<Destination>((m) => ({
      id: m.id,
      displayName: m.displayName ?? m.name ?? m.id,
      kind: 'member',
      members: [m.id],
    }));
    const groups = (d.groups ?? []).map<Destination>((g) => ({
      id: g.id,
      displayName: g.displayName ?? g.name ?? g.id,
      kind: 'group',
      members: g.members,
    }));
    return [...members, ...groups];
  } catch (err) {
    if ((err as { status?: number }).status !== 404) throw err;
    const r = await readiness(signal);
    return r.peers.map((p) => ({ id: p.id, displayName: p.id, kind: 'member', members: [p.id] }));
  }
}

/** The node's directory route for the console. */
export const DIRECTORY_PATH = '/v1/directory';
