import type { ReactNode } from 'react';

/**
 * A wide table on a narrow screen (a phone, or large text): it scrolls sideways inside its own box
 * and the page does not. The box can take focus, so it scrolls from the keyboard too, and is named
 * for screen readers by `label`.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
