import { useSyncExternalStore } from 'react';

export type Route =
  'home' | 'device' | 'inbox' | 'import' | 'whatif' | 'settings' | 'risk' | 'timeline' | 'profile' | 'share' | 'open' | 'summary';

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
];

function parse(hash: string): Route {
  const r = hash.replace(/^#\/?/, '');
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
