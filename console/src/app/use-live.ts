// Keeps a piece of the node's state fresh: loads it, then again on every change the node streams, or every interval.
import { useCallback, useEffect, useRef, useState } from 'react';
import { eventsConnected, onMessageChange } from '../api/events.js';

/** Live data: the last answer, the last error, and a function to load again now. */
export interface Live<T> {
  data: T | undefined;
  error: Error | undefined;
  reload: () => void;
}

/** How often the console asks again without the event stream (polling of at most 2 s). */
export const LIVE_INTERVAL_MS = 2000;

/** How often it asks again while the event stream tells it of every change. */
const WITH_EVENTS_INTERVAL_MS = 15_000;

/**
 * Loads `load()` now and every `intervalMs` while the page is open; `deps` restart it. With
 * `events`, every message change the node streams loads it again at once, and polling slows
 * down while the stream is open. One load at a time: a change during a load loads once more.
 */
export function useLive<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: unknown[],
  intervalMs: number = LIVE_INTERVAL_MS,
  events = false,
): Live<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    const ctrl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = false;
    let again = false;
    const run = async () => {
      if (timer) clearTimeout(timer);
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        const v = await loadRef.current(ctrl.signal);
        if (!ctrl.signal.aborted) {
          setData(v);
          setError(undefined);
        }
      } catch (err) {
        if (!ctrl.signal.aborted) setError(err instanceof Error ? err : new Error(String(err)));
      }
      running = false;
      if (ctrl.signal.aborted) return;
      if (again) {
        again = false;
        void run();
        return;
      }
      if (intervalMs > 0) {
        const wait =
          events && eventsConnected() ? Math.max(intervalMs, WITH_EVENTS_INTERVAL_MS) : intervalMs;
        timer = setTimeout(() => void run(), wait);
      }
    };
    void run();
    const off = events ? onMessageChange(() => void run()) : undefined;
    return () => {
      ctrl.abort();
      if (timer) clearTimeout(timer);
      off?.();
    };
  }, [...deps, tick, intervalMs, events]);

  useEffect(() => {
    setData(undefined);
  }, deps);

  return { data, error, reload };
}
