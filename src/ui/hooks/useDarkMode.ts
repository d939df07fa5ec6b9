import { useSyncExternalStore } from 'react';

const query = (): MediaQueryList | undefined =>
  typeof matchMedia === 'undefined' ? undefined : matchMedia('(prefers-color-scheme: dark)');

/** Whether the system is in dark mode, live: charts redraw their axes when it switches. */
export function useDarkMode(): boolean {
  return useSyncExternalStore(
    (cb) => {
      const q = query();
      q?.addEventListener('change', cb);
      return () => q?.removeEventListener('change', cb);
    },
    () => query()?.matches ?? false,
  );
}
