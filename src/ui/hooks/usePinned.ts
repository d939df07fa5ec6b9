import { useCallback, useEffect, useState } from 'react';

/** The largest share of the screen's height a pinned part and the top bar may cover together. */
export const PIN_MAX_SHARE = 0.55;

/**
 * Whether a part of a phone screen (the what-if result) is kept in view under the sticky top bar:
 * only while it and the bar leave most of the screen to scroll under them. With large text the
 * part grows, and a pinned part that big would leave the sliders no room, so it scrolls with the
 * page instead. `top` is the bar's height, px, where the part sticks. `attach` is the part's ref callback.
 */
export function usePinned(enabled: boolean): { attach: (el: HTMLElement | null) => void; pinned: boolean; top: number } {
  const [el, attach] = useState<HTMLElement | null>(null);
  const [state, setState] = useState({ pinned: false, top: 0 });
  const measure = useCallback(() => {
    const bar = document.querySelector('.topbar')?.getBoundingClientRect().height ?? 0;
    const h = el?.getBoundingClientRect().height ?? 0;
    const pinned = enabled && el !== null && bar + h <= PIN_MAX_SHARE * window.innerHeight;
    setState((s) => (s.pinned === pinned && s.top === bar ? s : { pinned, top: bar }));
  }, [el, enabled]);
  useEffect(() => {
    if (!enabled || !el) return;
    // A ResizeObserver reports each observed box once at the start, then on every change.
    const bar = document.querySelector('.topbar');
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    if (bar) ro.observe(bar);
    window.addEventListener('resize', measure);
    return () => {
      ro.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [el, enabled, measure]);
  return { attach, pinned: enabled && el !== null && state.pinned, top: state.top };
}
