// The console's pages, who may open them and where they are (each page's code loads when first opened).
import { lazy, type ComponentType } from 'react';
import type { Role } from '../api/session.js';
import type { Route } from './route.js';

/** What every page component gets. */
export interface PageProps {
  route: Route;
}

/** A page of the navigation. */
export interface PageEntry {
  id: string;
  /** i18n key of its name. */
  nav: string;
  roles: Role[];
  inNav: boolean;
  component: ComponentType<PageProps>;
}

export const PAGES: PageEntry[] = [
  {
    id: 'compose',
    nav: 'nav.compose',
    roles: ['analyst'],
    inNav: true,
    component: lazy(() => import('../pages/compose/compose-page.js')),
  },
  {
    id: 'outbox',
    nav: 'nav.outbox',
    roles: ['analyst'],
    inNav: true,
    component: lazy(() => import('../pages/outbox/outbox-page.js')),
  },
  {
    id: 'inbox',
    nav: 'nav.inbox',
    roles: ['analyst'],
    inNav: true,
    component: lazy(() => import('../pages/inbox/inbox-page.js')),
  },
  {
    id: 'thread',
    nav: 'thread.heading',
    roles: ['analyst'],
    inNav: false,
    component: lazy(() => import('../pages/thread/thread-page.js')),
  },
  {
    id: 'admin',
    nav: 'nav.admin',
    roles: ['admin'],
    inNav: true,
    component: lazy(() => import('../pages/admin/admin-page.js')),
  },
];

/** The first page a user with `roles` may open (the start page). */
export function startPage(roles: Role[]): PageEntry | undefined {
  return PAGES.find((p) => p.inNav && p.roles.some((r) => roles.includes(r)));
}
