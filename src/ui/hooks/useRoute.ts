import { useSyncExternalStore } from 'react';

export type Route =
  | 'home'
  | 'device'
  | 'inbox'
  | 'import'
  | 'whatif'
  | 'settings'
  | 'risk'
  | 'timeline'
  | 'profile'
  | 'share'
  | 'open'
  | 'summary'
  | 'entry'
  | 'backup';

const ROUTES: readonly Route[] = [
  'device',
  'inbox',
  'import',
  'whatif',
  'settings',
  'risk',
  'timeline',
  'profile',
  'share',
  'open',
  'summary',
  'entry',
  'backup',
];

function parse(hash: string): Route {
  const r = hash.replace(/^#\/?/, '').split('?')[0]!;
  return (ROUTES as readonly string[]).includes(r) ? (r as Route) : 'home';
}

const subscribe = (cb: () => void): (() => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

/** Hash routing: works offline from the precache and on any static host, with no server rewrites. */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => parse(location.hash));
}

/** A parameter of the screen's address (`#/timeline?metric=hba1c` → `metric`: 'hba1c'), or undefined. */
export function useRouteParam(name: string): string | undefined {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  const q = hash.indexOf('?');
  return q < 0 ? undefined : (new URLSearchParams(hash.slice(q + 1)).get(name) ?? undefined);
}
