// The console's pages are addressed by the location hash (#/inbox/…), so any deep link reloads into the same page.
import { useEffect, useState } from 'react';

/** A parsed route: the page and its path segments (`#/inbox/abc` → page `inbox`, args `['abc']`). */
export interface Route {
  page: string;
  args: string[];
  query: URLSearchParams;
}

/** Parses a location hash. */
export function parseRoute(hash: string): Route {
  const [path = '', qs = ''] = hash.replace(/^#\/?/, '').split('?');
  const [page = '', ...args] = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { page, args, query: new URLSearchParams(qs) };
}

/** The hash of a page (`href('inbox', id)` → `#/inbox/<id>`). */
export function href(page: string, ...args: string[]): string {
  return `#/${[page, ...args.map(encodeURIComponent)].join('/')}`;
}

/** Goes to a page. */
export function navigate(page: string, ...args: string[]): void {
  window.location.hash = href(page, ...args);
}

/** The current route, updated on every hash change. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
