import type { ReactNode } from 'react';

/** Says why there is nothing to show and what the user can do about it. */
export const EmptyState = ({ title, children }: { title: string; children?: ReactNode }) => (
  <section className="state state--empty">
    <h2 className="state__title">{title}</h2>
    {children && <p>{children}</p>}
  </section>
);
