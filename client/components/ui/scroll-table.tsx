import type { ReactNode } from 'react';

/**
 * A table in a region of its own that scrolls sideways on narrow screens, named by the table's caption;
 * `children` are the head and body. The region is focusable so a keyboard can scroll it (WCAG 2.1.1).
 */
export function ScrollTable({
  caption,
  className = 'table',
  children,
}: {
  caption: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
    <section className="table-scroll" tabIndex={0} aria-label={caption}>
      <table className={className}>
        <caption>{caption}</caption>
        {children}
      </table>
    </section>
  );
}
