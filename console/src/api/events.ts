// The node's server-sent events of message changes, shared by every page that shows live data.
import type { MessageChange } from './types.js';

type Listener = (change: MessageChange | undefined) => void;

const listeners = new Set<Listener>();
let source: EventSource | undefined;
let connected = false;

/** Whether the event stream is open (pages poll faster when it is not). */
export function eventsConnected(): boolean {
  return connected;
}

function open(): void {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource('/v1/events', { withCredentials: true });
  source.onopen = () => {
    connected = true;
    for (const l of listeners) l(undefined);
  };
  source.onerror = () => {
    connected = false;
  };
  const onChange = (e: MessageEvent<string>) => {
    let change: MessageChange | undefined;
    try {
      change = JSON.parse(e.data) as MessageChange;
    } catch {
      change = undefined;
    }
    for (const l of listeners) l(change);
  };
  for (const name of ['created', 'status', 'delivered', 'answered']) {
    source.addEventListener(name, onChange as EventListener);
  }
}

/** Calls `listener` on every change of a message (and once when the stream (re)connects). */
export function onMessageChange(listener: Listener): () => void {
  listeners.add(listener);
  open();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && source) {
      source.close();
      source = undefined;
      connected = false;
    }
  };
}
