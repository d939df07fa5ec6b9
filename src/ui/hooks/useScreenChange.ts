import { useEffect, useRef } from 'react';
import { t, type MessageKey } from '../i18n/index.ts';
import type { Route } from './useRoute.ts';

export type Screen = Exclude<Route, 'device'> | 'welcome';

/**
 * What a change of screen does besides drawing it: the browser tab names the screen ("What if ·
 * Doppel", for the history, tab switcher and screen readers), and a screen opened from the
 * navigation starts at its top with focus on the page, not half-way down where the last one was
 * scrolled to. The first screen keeps the browser's own scroll and focus.
 */
export function useScreenChange(screen: Screen): void {
  const first = useRef(true);
  useEffect(() => {
    document.title =
      screen === 'welcome' ? t('app.tabTitle.welcome') : t('app.tabTitle', { screen: t(`app.screen.${screen}` as MessageKey) });
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [screen]);
}
