// Keeps a piece of the node's state fresh: loads it, then again every interval (and on demand).
import { useCallback, useEffect, useRef, useState } from 'react';

/** Live data: the last answer, the last error, and a function to load again now. */
export interface Live<T> {
  data: T | undefined;
  error: Error | undefined;
  reload: () => void;
}

/** How often the console asks again, at most (the issue allows polling of at most 2 s). */
export const LIVE_INTERVAL_MS = 2000;

/**
 * Loads `load()` now and every `intervalMs` while the page is open; `deps` restart it. A slow
 * answer is never overtaken by an older one.
 */
export function useLive<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: unknown[],
  intervalMs: number = LIVE_INTERVAL_MS,
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
    const run = async () => {
      try {
        const v = await loadRef.current(ctrl.signal);
        if (!ctrl.signal.aborted) {
          setData(v);
          setError(undefined);
        }
      } catch (err) {
        if (!ctrl.signal.aborted) setError(err instanceof Error ? err : new Error(String(err)));
      }
      if (!ctrl.signal.aborted && intervalMs > 0) timer = setTimeout(() => void run(), intervalMs);
    };
    void run();
    return () => {
      ctrl.abort();
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick, intervalMs]);

  useEffect(() => {
    setData(undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return { data, error, reload };
}
